#include "app/plot.hpp"

#include "core/dashes.hpp"
#include "core/plot_range.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace shanzhi::viz {
namespace {

constexpr ImU32 axis_color = IM_COL32(150, 150, 160, 255);
constexpr ImU32 grid_color = IM_COL32(225, 228, 235, 255);
constexpr ImU32 text_color = IM_COL32(70, 70, 80, 255);
constexpr ImU32 marker_color = IM_COL32(200, 90, 40, 200);

struct Mapping {
  ImVec2 lo, hi;      // plot area in pixels
  double x0, x1, y0, y1;
  float px(double x) const { return lo.x + static_cast<float>((x - x0) / (x1 - x0)) * (hi.x - lo.x); }
  float py(double y) const { return hi.y - static_cast<float>((y - y0) / (y1 - y0)) * (hi.y - lo.y); }
  double x_at(float px_) const { return x0 + (px_ - lo.x) / (hi.x - lo.x) * (x1 - x0); }
};

void y_range(std::span<const PlotSeries> series, std::span<const PlotBand> bands, double x0, double x1,
             const PlotOptions& o, double& y0, double& y1) {
  std::vector<PlottedValues> drawn;
  for (const auto& s : series) drawn.push_back({s.x, s.y});
  for (const auto& b : bands) {
    drawn.push_back({b.x, b.lo});
    drawn.push_back({b.x, b.hi});
  }
  constexpr double everywhere = std::numeric_limits<double>::infinity();
  const auto range = o.y_over_whole_run ? value_range(drawn, -everywhere, everywhere) : value_range(drawn, x0, x1);
  y0 = range.empty() ? 0 : range.lo;
  y1 = range.empty() ? 1 : range.hi;
  if (o.zero_line) {
    y0 = std::min(y0, 0.0);
    y1 = std::max(y1, 0.0);
  }
  widen_to_span(y0, y1, o.min_span);
  if (o.y_min) y0 = *o.y_min;
  if (o.y_max) y1 = std::max(*o.y_max, y1);
  const double pad = std::max(1e-9, (y1 - y0) * 0.08);
  if (y1 - y0 < 1e-9) {
    // A flat line (often all zero: no vacancies yet) gets a span at the value's own scale, and
    // a quantity that cannot be negative gets no negative ticks.
    flat_line_range(y0, o.kind == ValueKind::share ? 0.05 : 0.5, !o.zero_line, y0, y1);
  } else {
    if (!o.y_min) y0 -= pad;
    y1 += pad;
  }
}

void draw_dashed(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness) {
  const float len = std::hypot(b.x - a.x, b.y - a.y);
  if (len < 1) return;
  const float dash = 5, gap = 4;
  for (float t = 0; t < len; t += dash + gap) {
    const float t1 = std::min(len, t + dash);
    dl->AddLine(ImVec2(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len),
                ImVec2(a.x + (b.x - a.x) * t1 / len, a.y + (b.y - a.y) * t1 / len), color, thickness);
  }
}

/// A dashed polyline whose pattern runs on from segment to segment (core/dashes.hpp says why).
void draw_dashed_polyline(ImDrawList* dl, const std::vector<ImVec2>& points, ImU32 color, float thickness) {
  std::vector<ScreenPoint> line;
  line.reserve(points.size());
  for (const auto& p : points) line.push_back({p.x, p.y});
  for (const auto& piece : dash_pieces(line, 5, 4))
    dl->AddLine(ImVec2(piece.from.x, piece.from.y), ImVec2(piece.to.x, piece.to.y), color, thickness);
}

void draw_series(ImDrawList* dl, const Mapping& m, const PlotSeries& s) {
  const std::size_t n = std::min(s.x.size(), s.y.size());
  std::vector<ImVec2> points;
  points.reserve(n);
  auto flush = [&] {
    if (points.size() >= 2) {
      if (s.dashed)
        draw_dashed_polyline(dl, points, s.color, s.thickness);
      else
        dl->AddPolyline(points.data(), static_cast<int>(points.size()), s.color, 0, s.thickness);
    } else if (points.size() == 1) {
      dl->AddCircleFilled(points[0], s.thickness + 1, s.color);
    }
    points.clear();
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(s.y[i])) {
      flush();
      continue;
    }
    points.emplace_back(m.px(s.x[i]), m.py(s.y[i]));
  }
  flush();
}

void draw_band(ImDrawList* dl, const Mapping& m, const PlotBand& b) {
  const std::size_t n = std::min({b.x.size(), b.lo.size(), b.hi.size()});
  // Adjacent quads with anti-aliased edges would show seams; the band needs none.
  const auto flags = dl->Flags;
  dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (std::size_t i = 1; i < n; ++i) {
    const ImVec2 quad[4] = {{m.px(b.x[i - 1]), m.py(b.hi[i - 1])}, {m.px(b.x[i]), m.py(b.hi[i])},
                            {m.px(b.x[i]), m.py(b.lo[i])}, {m.px(b.x[i - 1]), m.py(b.lo[i - 1])}};
    dl->AddConvexPolyFilled(quad, 4, b.color);
  }
  dl->Flags = flags;
}

std::string format(const char* fmt, double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, fmt, v);
  return buffer;
}

double value_near(std::span<const double> xs, std::span<const double> ys, double x, bool& found) {
  found = false;
  const std::size_t n = std::min(xs.size(), ys.size());
  if (n == 0) return 0;
  auto it = std::lower_bound(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(n), x - 0.5);
  if (it == xs.begin() + static_cast<std::ptrdiff_t>(n)) return 0;
  const auto i = static_cast<std::size_t>(it - xs.begin());
  if (std::abs(xs[i] - x) > 0.5) return 0;
  found = true;
  return ys[i];
}

/// Height in pixels of the legend box (0 when a plot has no legend).
float legend_height(std::span<const PlotSeries> series, std::span<const PlotBand> bands) {
  if (series.size() + bands.size() < 2) return 0;
  return static_cast<float>(series.size() + bands.size()) * ImGui::GetTextLineHeight() + 4;
}

/// Raises the top of the y-range so that the data stays below the legend's rows: the top
/// corners are then free for it. Skipped when the legend would take more than 55% of the
/// height (the data would be squashed); the legend then takes the emptiest corner.
void leave_room_for_legend(Mapping& m, std::span<const PlotSeries> series, std::span<const PlotBand> bands) {
  m.y1 = top_leaving_room(m.y0, m.y1, m.hi.y - m.lo.y, legend_height(series, bands));
}

/// How many of the plotted points and band edges fall inside the box [lo, hi] (pixels).
std::size_t points_inside(const Mapping& m, std::span<const PlotSeries> series, std::span<const PlotBand> bands,
                          ImVec2 lo, ImVec2 hi) {
  std::size_t count = 0;
  const auto take = [&](std::span<const double> xs, std::span<const double> ys) {
    for (std::size_t i = 0; i < std::min(xs.size(), ys.size()); ++i) {
      if (xs[i] < m.x0 || xs[i] > m.x1 || !std::isfinite(ys[i])) continue;
      const float x = m.px(xs[i]), y = m.py(ys[i]);
      count += x >= lo.x && x <= hi.x && y >= lo.y && y <= hi.y;
    }
  };
  for (const auto& s : series) take(s.x, s.y);
  for (const auto& b : bands) {
    take(b.x, b.lo);
    take(b.x, b.hi);
  }
  return count;
}

/// The legend in the corner of the plot that covers the fewest plotted points (as matplotlib's
/// loc="best"), so it does not sit on the lines a lesson asks students to watch.
void draw_legend(ImDrawList* dl, const Mapping& m, std::span<const PlotSeries> series, std::span<const PlotBand> bands) {
  if (series.size() + bands.size() < 2) return;
  const float line_h = ImGui::GetTextLineHeight();
  float width = 0;
  for (const auto& s : series) width = std::max(width, ImGui::CalcTextSize(s.label.c_str()).x);
  for (const auto& b : bands) width = std::max(width, ImGui::CalcTextSize(b.label.c_str()).x);
  const auto rows = static_cast<float>(series.size() + bands.size());
  const ImVec2 box(width + 30, rows * line_h + 4);
  const ImVec2 corners[] = {{m.lo.x + 6, m.lo.y + 4},
                            {m.hi.x - box.x - 6, m.lo.y + 4},
                            {m.lo.x + 6, m.hi.y - box.y - 4},
                            {m.hi.x - box.x - 6, m.hi.y - box.y - 4}};
  ImVec2 p = corners[0];
  std::size_t fewest = std::numeric_limits<std::size_t>::max();
  for (const auto& corner : corners) {  // ties keep the earlier corner: top-left first
    const auto covered = points_inside(m, series, bands, corner, ImVec2(corner.x + box.x, corner.y + box.y));
    if (covered < fewest) fewest = covered, p = corner;
  }
  dl->AddRectFilled(p, ImVec2(p.x + box.x, p.y + box.y), IM_COL32(255, 255, 255, 215), 3);
  p.y += 2;
  for (const auto& s : series) {
    const ImVec2 a(p.x + 3, p.y + line_h * 0.5f), b(p.x + 20, p.y + line_h * 0.5f);
    if (s.dashed) draw_dashed(dl, a, b, s.color, s.thickness);
    else dl->AddLine(a, b, s.color, s.thickness);
    dl->AddText(ImVec2(p.x + 24, p.y), text_color, s.label.c_str());
    p.y += line_h;
  }
  for (const auto& band : bands) {
    dl->AddRectFilled(ImVec2(p.x + 3, p.y + 3), ImVec2(p.x + 20, p.y + line_h - 3), band.color);
    dl->AddText(ImVec2(p.x + 24, p.y), text_color, band.label.c_str());
    p.y += line_h;
  }
}

void draw_markers(ImDrawList* dl, const Mapping& m, std::span<const PlotMarker> markers, const ImVec2& mouse,
                  std::string& hovered_label) {
  for (const auto& mk : markers) {
    if (mk.x < m.x0 || mk.x > m.x1) continue;
    const float x = m.px(mk.x);
    draw_dashed(dl, ImVec2(x, m.lo.y), ImVec2(x, m.hi.y), marker_color, 1.2f);
    dl->AddTriangleFilled(ImVec2(x - 4, m.lo.y), ImVec2(x + 4, m.lo.y), ImVec2(x, m.lo.y + 6), marker_color);
    if (std::abs(mouse.x - x) <= 4 && mouse.y >= m.lo.y && mouse.y <= m.hi.y) {
      if (!hovered_label.empty()) hovered_label += "\n";
      hovered_label += mk.label;
    }
  }
}

void handle_input(const Mapping& m, bool hovered, TimeWindow& window, double data_lo, double data_hi) {
  if (!hovered) return;
  const auto& io = ImGui::GetIO();
  if (io.MouseWheel != 0) window.zoom(std::pow(0.85, io.MouseWheel), m.x_at(io.MousePos.x), data_lo, data_hi);
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left) && io.MouseDelta.x != 0)
    window.pan(-io.MouseDelta.x / (m.hi.x - m.lo.x) * (m.x1 - m.x0), data_lo, data_hi);
  if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    window.follow = true;
    window.fit(data_lo, data_hi);
  }
}

}  // namespace

std::string tick_label(double v) { return axis_text(v, ValueKind::number, Language::en); }

void draw_time_plot(const char* id, ImVec2 size, const PlotOptions& o, std::span<const PlotSeries> series,
                    std::span<const PlotBand> bands, std::span<const PlotMarker> markers, TimeWindow& window,
                    double data_lo, double data_hi) {
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float line_h = ImGui::GetTextLineHeight();

  // Title row (hover: the metric's definition).
  ImGui::TextUnformatted(o.title);
  if (o.help && ImGui::IsItemHovered()) wrapped_tooltip(o.help);
  const ImVec2 canvas(origin.x, origin.y + line_h + 2);
  const ImVec2 canvas_size(size.x, std::max(40.0f, size.y - line_h - 2));
  ImGui::SetCursorScreenPos(canvas);
  ImGui::InvisibleButton("canvas", canvas_size);
  const bool hovered = ImGui::IsItemHovered();

  window.fit(data_lo, data_hi);
  Mapping m;
  m.lo = ImVec2(canvas.x + 46, canvas.y + 4);
  m.hi = ImVec2(canvas.x + canvas_size.x - 8, canvas.y + canvas_size.y - line_h - 4);
  m.x0 = window.lo;
  m.x1 = window.hi > window.lo ? window.hi : window.lo + 1;
  y_range(series, bands, m.x0, m.x1, o, m.y0, m.y1);
  leave_room_for_legend(m, series, bands);
  // The y labels decide the left margin, so "¥1000万" is never cut.
  float label_width = 0;
  for (double t : nice_ticks(m.y0, m.y1, 4))
    label_width = std::max(label_width, ImGui::CalcTextSize(axis_text(t, o.kind, current_language()).c_str()).x);
  m.lo.x = canvas.x + std::max(46.0f, label_width + 10);
  handle_input(m, hovered, window, data_lo, data_hi);

  // No fill: the window background is the plot's background (software rendering pays per pixel).
  dl->PushClipRect(m.lo, m.hi, true);
  if (o.shade_before_x > m.x0)
    dl->AddRectFilled(m.lo, ImVec2(std::min(m.hi.x, m.px(o.shade_before_x)), m.hi.y), IM_COL32(236, 236, 242, 255));
  for (double t : nice_ticks(m.y0, m.y1, 4)) dl->AddLine(ImVec2(m.lo.x, m.py(t)), ImVec2(m.hi.x, m.py(t)), grid_color);
  for (double t : nice_ticks(m.x0, m.x1, 6)) dl->AddLine(ImVec2(m.px(t), m.lo.y), ImVec2(m.px(t), m.hi.y), grid_color);
  if (o.zero_line && m.y0 < 0 && m.y1 > 0) dl->AddLine(ImVec2(m.lo.x, m.py(0)), ImVec2(m.hi.x, m.py(0)), axis_color, 1.5f);
  for (const auto& b : bands) draw_band(dl, m, b);
  for (const auto& s : series) draw_series(dl, m, s);
  std::string marker_text;
  draw_markers(dl, m, markers, ImGui::GetIO().MousePos, marker_text);
  if (o.shade_before_x > m.x0 && o.shade_label)
    dl->AddText(ImVec2(m.lo.x + 4, m.hi.y - line_h - 2), IM_COL32(140, 140, 150, 255), o.shade_label);
  dl->PopClipRect();
  dl->AddRect(m.lo, m.hi, axis_color);

  // Tick labels.
  for (double t : nice_ticks(m.y0, m.y1, 4)) {
    const auto text = axis_text(t, o.kind, current_language());
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    dl->AddText(ImVec2(m.lo.x - ts.x - 4, m.py(t) - ts.y * 0.5f), text_color, text.c_str());
  }
  for (double t : nice_ticks(m.x0, m.x1, 6)) {
    const auto text = format("%.0f", t);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    dl->AddText(ImVec2(m.px(t) - ts.x * 0.5f, m.hi.y + 2), text_color, text.c_str());
  }
  draw_legend(dl, m, series, bands);

  // Hover readout: a vertical line and every series' value at that week.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (hovered && mouse.x >= m.lo.x && mouse.x <= m.hi.x) {
    const double week = std::round(m.x_at(mouse.x));
    dl->AddLine(ImVec2(m.px(week), m.lo.y), ImVec2(m.px(week), m.hi.y), IM_COL32(60, 60, 70, 120));
    std::string text = format("%.0f", week);
    for (const auto& s : series) {
      bool found = false;
      const double v = value_near(s.x, s.y, week, found);
      if (!found) continue;
      dl->AddCircleFilled(ImVec2(m.px(week), m.py(v)), 3.5f, s.color);
      text += "\n" + s.label + ": " + readout_text(v, o.kind, o.value_format, current_language());
    }
    if (!marker_text.empty()) text += "\n" + marker_text;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(text.c_str());
    ImGui::EndTooltip();
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + size.y));
  ImGui::Dummy(ImVec2(size.x, 0));
  ImGui::PopID();
}

void wrapped_tooltip(const char* text) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void help_marker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) wrapped_tooltip(text);
}

ImU32 series_color(int index) {
  static constexpr ImU32 palette[] = {IM_COL32(31, 119, 180, 255), IM_COL32(214, 39, 40, 255),
                                      IM_COL32(44, 160, 44, 255),  IM_COL32(148, 103, 189, 255),
                                      IM_COL32(255, 127, 14, 255), IM_COL32(23, 190, 207, 255)};
  return palette[static_cast<std::size_t>(index) % std::size(palette)];
}

}  // namespace shanzhi::viz
