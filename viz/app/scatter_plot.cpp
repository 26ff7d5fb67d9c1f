#include "app/scatter_plot.hpp"

#include "app/plot.hpp"
#include "core/plot_ticks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shanzhi::viz {
namespace {

constexpr ImU32 axis_color = IM_COL32(150, 150, 160, 255);
constexpr ImU32 grid_color = IM_COL32(225, 228, 235, 255);
constexpr ImU32 text_color = IM_COL32(70, 70, 80, 255);
constexpr float hover_pixels = 7.0f;

struct Range {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void take(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  /// Padded so points and bars do not sit on the frame; a single value gets a visible span.
  void pad() {
    if (!std::isfinite(lo)) {
      lo = 0;
      hi = 1;
    }
    const double span = hi - lo;
    const double margin = span > 1e-12 ? span * 0.08 : std::max(1e-3, std::abs(lo) * 0.05);
    lo -= margin;
    hi += margin;
  }
};

struct Mapping {
  ImVec2 lo, hi;
  Range x, y;
  float px(double v) const { return lo.x + static_cast<float>((v - x.lo) / (x.hi - x.lo)) * (hi.x - lo.x); }
  float py(double v) const { return hi.y - static_cast<float>((v - y.lo) / (y.hi - y.lo)) * (hi.y - lo.y); }
};

void fit(Mapping& m, std::span<const ScatterPoint> points) {
  for (const auto& p : points) {
    m.x.take(p.x);
    m.y.take(p.y);
    if (p.x_bar) {
      m.x.take(p.x_low);
      m.x.take(p.x_high);
    }
    if (p.y_bar) {
      m.y.take(p.y_low);
      m.y.take(p.y_high);
    }
  }
  m.x.pad();
  m.y.pad();
}

void draw_grid_and_ticks(ImDrawList* dl, const Mapping& m, ValueKind x_kind, ValueKind y_kind) {
  const auto y_ticks = nice_ticks(m.y.lo, m.y.hi, 5);
  const auto x_ticks = nice_ticks(m.x.lo, m.x.hi, 5);
  for (double t : y_ticks) {
    if (t < m.y.lo || t > m.y.hi) continue;
    dl->AddLine(ImVec2(m.lo.x, m.py(t)), ImVec2(m.hi.x, m.py(t)), grid_color);
    const auto text = axis_text(t, y_kind, current_language());
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    dl->AddText(ImVec2(m.lo.x - ts.x - 4, m.py(t) - ts.y * 0.5f), text_color, text.c_str());
  }
  for (double t : x_ticks) {
    if (t < m.x.lo || t > m.x.hi) continue;
    dl->AddLine(ImVec2(m.px(t), m.lo.y), ImVec2(m.px(t), m.hi.y), grid_color);
    const auto text = axis_text(t, x_kind, current_language());
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    dl->AddText(ImVec2(m.px(t) - ts.x * 0.5f, m.hi.y + 2), text_color, text.c_str());
  }
  dl->AddRect(m.lo, m.hi, axis_color);
}

void draw_bar(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, bool horizontal) {
  const float cap = 3.0f;
  dl->AddLine(a, b, color, 1.3f);
  for (const ImVec2 end : {a, b}) {
    if (horizontal) dl->AddLine(ImVec2(end.x, end.y - cap), ImVec2(end.x, end.y + cap), color, 1.3f);
    else dl->AddLine(ImVec2(end.x - cap, end.y), ImVec2(end.x + cap, end.y), color, 1.3f);
  }
}

void draw_marker(ImDrawList* dl, ImVec2 c, float r, ImU32 color, bool filled, bool square) {
  if (square && filled) dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), color);
  else if (square) dl->AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), color, 0, 0, 1.5f);
  else if (filled) dl->AddCircleFilled(c, r, color, 12);
  else dl->AddCircle(c, r, color, 12, 1.3f);
}

void draw_point(ImDrawList* dl, const Mapping& m, const ScatterPoint& p) {
  const ImVec2 c(m.px(p.x), m.py(p.y));
  if (p.x_bar) draw_bar(dl, ImVec2(m.px(p.x_low), c.y), ImVec2(m.px(p.x_high), c.y), p.color, true);
  if (p.y_bar) draw_bar(dl, ImVec2(c.x, m.py(p.y_high)), ImVec2(c.x, m.py(p.y_low)), p.color, false);
  draw_marker(dl, c, p.radius, p.color, p.filled, p.square);
}

void draw_link(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color) {
  const float len = std::hypot(b.x - a.x, b.y - a.y);
  for (float t = 0; t < len; t += 7) {
    const float t1 = std::min(len, t + 4);
    dl->AddLine(ImVec2(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len),
                ImVec2(a.x + (b.x - a.x) * t1 / len, a.y + (b.y - a.y) * t1 / len), color, 1.0f);
  }
}

/// The legend as rows of entries below the plot, wrapping at the plot's width.
void draw_legend(ImDrawList* dl, ImVec2 start, float right, std::span<const ScatterLegend> legend) {
  const float line_h = ImGui::GetTextLineHeight();
  ImVec2 p = start;
  for (const auto& l : legend) {
    const float w = 22 + ImGui::CalcTextSize(l.label.c_str()).x + 14;
    if (p.x + w > right && p.x > start.x) {
      p.x = start.x;
      p.y += line_h;
    }
    const ImVec2 c(p.x + 8, p.y + line_h * 0.5f);
    if (l.bar) draw_bar(dl, ImVec2(c.x, c.y - 5), ImVec2(c.x, c.y + 5), l.color, false);
    else draw_marker(dl, c, 4, l.color, l.filled, l.square);
    dl->AddText(ImVec2(p.x + 18, p.y), text_color, l.label.c_str());
    p.x += w;
  }
}

/// Rows the legend needs at `width` pixels.
int legend_rows(float width, std::span<const ScatterLegend> legend) {
  int rows = legend.empty() ? 0 : 1;
  float x = 0;
  for (const auto& l : legend) {
    const float w = 22 + ImGui::CalcTextSize(l.label.c_str()).x + 14;
    if (x + w > width && x > 0) {
      ++rows;
      x = 0;
    }
    x += w;
  }
  return rows;
}

int nearest_point(const Mapping& m, std::span<const ScatterPoint> points, ImVec2 mouse) {
  int best = -1;
  float best_d = hover_pixels * hover_pixels;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const float dx = m.px(points[i].x) - mouse.x, dy = m.py(points[i].y) - mouse.y;
    if (dx * dx + dy * dy <= best_d) {
      best_d = dx * dx + dy * dy;
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace

ScatterHit draw_scatter_plot(const char* id, ImVec2 size, const ScatterOptions& o, std::span<const ScatterPoint> points) {
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float line_h = ImGui::GetTextLineHeight();
  ImGui::TextUnformatted(o.title);
  if (o.help && ImGui::IsItemHovered()) wrapped_tooltip(o.help);
  ImGui::TextDisabled("%s", o.y_label);  // the y axis' name, above it (ImGui has no rotated text)
  const ImVec2 canvas = ImGui::GetCursorScreenPos();
  const ImVec2 canvas_size(size.x, std::max(60.0f, size.y - (canvas.y - origin.y)));
  ImGui::InvisibleButton("canvas", canvas_size);
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);

  Mapping m;
  m.lo = ImVec2(canvas.x + 52, canvas.y + 4);
  const float legend_h = static_cast<float>(legend_rows(canvas_size.x - 52, o.legend)) * line_h;
  m.hi = ImVec2(canvas.x + canvas_size.x - 10, canvas.y + canvas_size.y - 2 * line_h - 10 - legend_h);
  fit(m, points);
  draw_grid_and_ticks(dl, m, o.x_kind, o.y_kind);
  const ImVec2 xs = ImGui::CalcTextSize(o.x_label);
  dl->AddText(ImVec2((m.lo.x + m.hi.x - xs.x) * 0.5f, m.hi.y + line_h + 4), text_color, o.x_label);

  dl->PushClipRect(m.lo, m.hi, true);
  std::vector<ImVec2> line;
  for (const auto i : o.line)
    if (i < points.size()) line.emplace_back(m.px(points[i].x), m.py(points[i].y));
  if (line.size() >= 2) dl->AddPolyline(line.data(), static_cast<int>(line.size()), o.line_color, 0, 1.5f);
  for (const auto& [a, b] : o.links)
    if (a < points.size() && b < points.size())
      draw_link(dl, ImVec2(m.px(points[a].x), m.py(points[a].y)), ImVec2(m.px(points[b].x), m.py(points[b].y)),
                points[b].color);
  for (const auto& p : points) draw_point(dl, m, p);
  if (o.highlighted >= 0 && static_cast<std::size_t>(o.highlighted) < points.size()) {
    const auto& p = points[static_cast<std::size_t>(o.highlighted)];
    dl->AddCircle(ImVec2(m.px(p.x), m.py(p.y)), p.radius + 4, IM_COL32(20, 20, 30, 255), 16, 2.0f);
  }
  dl->PopClipRect();
  draw_legend(dl, ImVec2(m.lo.x, m.hi.y + line_h + 6 + line_h), m.hi.x, o.legend);

  ScatterHit hit;
  if (hovered) hit.hovered = nearest_point(m, points, ImGui::GetIO().MousePos);
  if (clicked) hit.clicked = hit.hovered;
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + size.y));
  ImGui::Dummy(ImVec2(size.x, 0));
  ImGui::PopID();
  return hit;
}

}  // namespace shanzhi::viz
