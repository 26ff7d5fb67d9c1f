// The district map: streets as blocks, communities inside them, residents as cells (a dot per
// resident in small districts, a building otherwise) coloured by the chosen metric, with
// markers for social organisations (diamonds, per street), resident units (squares, filled when
// their facilities are open) and property companies (triangles). Hover shows an entity; a click
// selects it into the inspector.

#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/i18n.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace shanzhi::viz {
namespace {

struct Scale {
  float lo, hi;
  bool higher_is_better;
  const char* format;
};

Scale scale_of(MapMetric m) {
  switch (m) {
    case MapMetric::satisfaction: return {40, 90, true, "%.0f"};
    case MapMetric::trust: return {40, 90, true, "%.0f"};
    case MapMetric::unmet_need: return {0, 0.4f, false, "%.2f"};
    case MapMetric::participation: return {0, 30, true, "%.0f"};
  }
  return {0, 1, true, "%.2f"};
}

ImU32 ramp(float t) {  // red (bad) → yellow → green (good)
  t = std::clamp(t, 0.0f, 1.0f);
  const ImVec4 a(0.84f, 0.19f, 0.15f, 1), b(0.99f, 0.85f, 0.40f, 1), c(0.10f, 0.60f, 0.30f, 1);
  const ImVec4& p = t < 0.5f ? a : b;
  const ImVec4& q = t < 0.5f ? b : c;
  const float u = t < 0.5f ? t * 2 : (t - 0.5f) * 2;
  return ImGui::ColorConvertFloat4ToU32(ImVec4(p.x + (q.x - p.x) * u, p.y + (q.y - p.y) * u, p.z + (q.z - p.z) * u, 1));
}

ImU32 color_of(MapMetric m, float v) {
  const auto s = scale_of(m);
  const float t = (v - s.lo) / (s.hi - s.lo);
  return ramp(s.higher_is_better ? t : 1 - t);
}

/// A rectangle split into a near-square grid of `n` slots.
struct Grid {
  ImVec2 lo, hi;
  int cols = 1, rows = 1;
  /// Picks the column count that gives the largest square-ish slots.
  Grid(ImVec2 lo_, ImVec2 hi_, std::size_t n) : lo(lo_), hi(hi_) {
    const float w = hi.x - lo.x, h = hi.y - lo.y;
    float best = -1;
    for (int c = 1; c <= static_cast<int>(std::max<std::size_t>(1, n)); ++c) {
      const int r = static_cast<int>((std::max<std::size_t>(1, n) + static_cast<std::size_t>(c) - 1) / static_cast<std::size_t>(c));
      const float side = std::min(w / static_cast<float>(c), h / static_cast<float>(r));
      if (side > best + 1e-3f) {
        best = side;
        cols = c;
        rows = r;
      }
    }
  }
  ImVec2 slot_size() const { return ImVec2((hi.x - lo.x) / static_cast<float>(cols), (hi.y - lo.y) / static_cast<float>(rows)); }
  ImVec2 origin(std::size_t i) const {
    const auto s = slot_size();
    return ImVec2(lo.x + static_cast<float>(i % static_cast<std::size_t>(cols)) * s.x,
                  lo.y + static_cast<float>(i / static_cast<std::size_t>(cols)) * s.y);
  }
  int index_at(ImVec2 p) const {
    if (p.x < lo.x || p.y < lo.y || p.x >= hi.x || p.y >= hi.y) return -1;
    const auto s = slot_size();
    return static_cast<int>((p.y - lo.y) / s.y) * cols + static_cast<int>((p.x - lo.x) / s.x);
  }
};

struct MapDraw {
  const Snapshot& s;
  const WeekFrame& f;
  MapMetric metric;
  ImDrawList* dl;
  ImVec2 mouse;
  Selection hovered;
  std::string hover_text;
};

float cell_value(const MapDraw& d, std::size_t community, std::uint32_t cell) {
  switch (d.metric) {
    case MapMetric::satisfaction: return d.f.cell_satisfaction[cell];
    case MapMetric::trust: return d.f.cell_trust[cell];
    default: return d.f.community[static_cast<int>(d.metric)][community];
  }
}

void draw_community(MapDraw& d, std::size_t c, ImVec2 lo, ImVec2 hi, const std::vector<std::uint32_t>& units,
                    const std::vector<std::uint32_t>& properties) {
  const auto& cs = d.s.shape->communities[c];
  const float strip = 7;
  // Markers strip: property companies (triangles) then resident units (squares), squeezed to fit.
  float x = lo.x + 2;
  const float step = std::min(7.0f, (hi.x - lo.x - 8) / static_cast<float>(std::max<std::size_t>(1, units.size() + properties.size())));
  for (std::uint32_t p : properties) {
    const float q = p < d.f.property_quality.size() ? d.f.property_quality[p] : 0.5f;
    const ImU32 col = IM_COL32(90, 90, 160, static_cast<int>(120 + 135 * q));
    d.dl->AddTriangleFilled(ImVec2(x, lo.y + strip - 1), ImVec2(x + 6, lo.y + strip - 1), ImVec2(x + 3, lo.y + 1), col);
    if (std::abs(d.mouse.x - (x + 3)) < 4 && std::abs(d.mouse.y - (lo.y + 4)) < 4) {
      d.hovered = {Selection::Kind::property, p, 0};
      char t[128];
      std::snprintf(t, sizeof t, "%s %u\n%s %.2f", tr("map.property"), p + 1, tr("map.quality"), q);
      d.hover_text = t;
    }
    x += step;
  }
  for (std::uint32_t u : units) {
    const bool open = u < d.f.unit_facilities_open.size() && d.f.unit_facilities_open[u];
    const ImVec2 a(x, lo.y + 1), b(x + 6, lo.y + strip - 1);
    if (open) d.dl->AddRectFilled(a, b, IM_COL32(30, 130, 140, 255));
    else d.dl->AddRect(a, b, IM_COL32(30, 130, 140, 255));
    if (d.mouse.x >= a.x - 1 && d.mouse.x <= b.x + 1 && d.mouse.y >= a.y - 1 && d.mouse.y <= b.y + 1) {
      d.hovered = {Selection::Kind::unit, u, 0};
      d.hover_text = std::string(tr("map.unit")) + " " + std::to_string(u + 1) + "\n" + tr(open ? "map.open" : "map.closed");
    }
    x += step;
  }
  const Grid grid(ImVec2(lo.x + 1, lo.y + strip), ImVec2(hi.x - 1, hi.y - 1), cs.cell_count);
  const auto sz = grid.slot_size();
  const bool dots = d.s.shape->residents_per_cell == 1;
  const float gap = std::min(sz.x, sz.y) >= 8 ? 0.5f : 0.0f;  // small cells read as one surface
  for (std::uint32_t k = 0; k < cs.cell_count; ++k) {
    const ImVec2 o = grid.origin(k);
    const ImU32 col = color_of(d.metric, cell_value(d, c, cs.first_cell + k));
    if (dots) d.dl->AddCircleFilled(ImVec2(o.x + sz.x * 0.5f, o.y + sz.y * 0.5f), std::max(1.0f, std::min(sz.x, sz.y) * 0.4f), col, 6);
    else d.dl->AddRectFilled(ImVec2(o.x + gap, o.y + gap), ImVec2(o.x + sz.x - gap, o.y + sz.y - gap), col);
  }
  if (d.hovered.kind == Selection::Kind::none) {
    const int k = grid.index_at(d.mouse);
    if (k >= 0 && static_cast<std::uint32_t>(k) < cs.cell_count) {
      const auto cell = cs.first_cell + static_cast<std::uint32_t>(k);
      d.hovered = {Selection::Kind::cell, cell, 0};
      char t[256];
      std::snprintf(t, sizeof t, "%s %zu · %s %d · %s %d\n%s %.1f\n%s %.1f\n%s %.3f\n%s %.1f", tr("map.community"), c + 1,
                    tr("map.street"), cs.street + 1, tr(dots ? "map.resident" : "map.building"), k + 1,
                    tr("map.satisfaction"), d.f.cell_satisfaction[cell], tr("map.trust"), d.f.cell_trust[cell],
                    tr("map.unmet_need"), d.f.community[2][c], tr("map.participation"), d.f.community[3][c]);
      d.hover_text = t;
    }
  }
  d.dl->AddRect(lo, hi, IM_COL32(170, 170, 180, 255));
}

void draw_organizations(MapDraw& d, int street, ImVec2 lo, ImVec2 hi) {
  std::vector<const OrganizationMark*> marks;
  for (const auto& o : d.f.organizations)
    if (o.street == street) marks.push_back(&o);
  if (marks.empty()) return;
  const float step = std::min(9.0f, (hi.x - lo.x - 4) / static_cast<float>(marks.size()));
  float x = lo.x + 4;
  const float y = (lo.y + hi.y) * 0.5f;
  for (const auto* o : marks) {
    const float r = 2.0f + 2.0f * std::min(1.0f, o->staff / 6.0f);
    const ImU32 col = o->professional ? IM_COL32(120, 60, 170, 255) : IM_COL32(230, 120, 30, 255);
    const ImVec2 pts[4] = {{x, y - r}, {x + r, y}, {x, y + r}, {x - r, y}};
    d.dl->AddConvexPolyFilled(pts, 4, col);
    if (std::abs(d.mouse.x - x) <= std::max(r, step * 0.5f) && std::abs(d.mouse.y - y) <= r + 2) {
      d.hovered = {Selection::Kind::organization, o->slot, o->generation};
      char t[256];
      std::snprintf(t, sizeof t, "%s #%u (%s)\n%s %.2f\n%s %.1f\n%s %.0f", tr("map.organization"), o->slot + 1,
                    tr(o->professional ? "map.professional" : "map.grassroots"), tr("map.quality"), o->quality,
                    tr("map.staff"), o->staff, tr("map.cash"), o->cash_yuan);
      d.hover_text = t;
    }
    x += step;
  }
}

void draw_legend(const UiState& ui, ImDrawList* dl, ImVec2 lo, float width) {
  const auto s = scale_of(ui.map_metric);
  const int steps = 24;
  const float bar_w = std::min(180.0f, width * 0.4f);
  for (int i = 0; i < steps; ++i) {
    const float v0 = s.lo + (s.hi - s.lo) * static_cast<float>(i) / steps;
    dl->AddRectFilled(ImVec2(lo.x + bar_w * static_cast<float>(i) / steps, lo.y),
                      ImVec2(lo.x + bar_w * static_cast<float>(i + 1) / steps, lo.y + 10), color_of(ui.map_metric, v0));
  }
  char a[32], b[32];
  std::snprintf(a, sizeof a, s.format, s.lo);
  std::snprintf(b, sizeof b, s.format, s.hi);
  const ImU32 text = IM_COL32(60, 60, 70, 255);
  dl->AddText(ImVec2(lo.x, lo.y + 11), text, a);
  dl->AddText(ImVec2(lo.x + bar_w - ImGui::CalcTextSize(b).x, lo.y + 11), text, b);
  // Marker key, beside the bar when it fits, else on the next line.
  float x = lo.x + bar_w + 14;
  float y = lo.y + 5;
  if (width - bar_w < 330) {
    x = lo.x + 6;
    y = lo.y + 11 + ImGui::GetTextLineHeight() + 6;
  }
  auto key = [&](const char* label) {
    dl->AddText(ImVec2(x + 9, y - 7), text, label);
    x += ImGui::CalcTextSize(label).x + 20;
  };
  const ImVec2 d1[4] = {{x, y - 4}, {x + 4, y}, {x, y + 4}, {x - 4, y}};
  dl->AddConvexPolyFilled(d1, 4, IM_COL32(120, 60, 170, 255));
  key(tr("map.key_professional"));
  const ImVec2 d2[4] = {{x, y - 4}, {x + 4, y}, {x, y + 4}, {x - 4, y}};
  dl->AddConvexPolyFilled(d2, 4, IM_COL32(230, 120, 30, 255));
  key(tr("map.key_grassroots"));
  dl->AddRectFilled(ImVec2(x - 3, y - 3), ImVec2(x + 3, y + 3), IM_COL32(30, 130, 140, 255));
  key(tr("map.key_unit"));
  dl->AddTriangleFilled(ImVec2(x - 3, y + 3), ImVec2(x + 3, y + 3), ImVec2(x, y - 3), IM_COL32(90, 90, 160, 255));
  key(tr("map.key_property"));
}

}  // namespace

void draw_map_view(UiState& ui, ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin((std::string(tr("map.title")) + "###map").c_str(), nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBringToFrontOnFocus);
  const auto& s = *ui.snapshot;
  // Metric chooser.
  static const char* metric_keys[] = {"map.satisfaction", "map.trust", "map.unmet_need", "map.participation"};
  for (int m = 0; m < map_metric_count; ++m) {
    if (m > 0) ImGui::SameLine();
    if (ImGui::RadioButton((std::string(tr(metric_keys[m])) + "###mm" + std::to_string(m)).c_str(),
                           ui.map_metric == static_cast<MapMetric>(m)))
      ui.map_metric = static_cast<MapMetric>(m);
  }
  help_marker(tr("help.map"));
  if (!s.shape || s.frames.empty()) {
    draw_run_status(s);
    ImGui::End();
    return;
  }
  const ImVec2 lo = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float legend_h = avail.x < 520 ? 30 + ImGui::GetTextLineHeight() : 30;
  const ImVec2 hi(lo.x + avail.x, lo.y + avail.y - legend_h);
  ImGui::InvisibleButton("map_canvas", ImVec2(avail.x, avail.y - legend_h));
  const bool canvas_hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  MapDraw d{s, *s.frames.back(), ui.map_metric, ImGui::GetWindowDrawList(), ImGui::GetIO().MousePos, {}, {}};
  if (!canvas_hovered) d.mouse = ImVec2(-1e6f, -1e6f);

  const auto& shape = *s.shape;
  const Grid streets(lo, hi, static_cast<std::size_t>(shape.streets));
  const float line_h = ImGui::GetTextLineHeight();
  for (int street = 0; street < shape.streets; ++street) {
    const ImVec2 o = streets.origin(static_cast<std::size_t>(street));
    const ImVec2 sz = streets.slot_size();
    const ImVec2 block_lo(o.x + 3, o.y + 3), block_hi(o.x + sz.x - 3, o.y + sz.y - 3);
    d.dl->AddRectFilled(block_lo, block_hi, IM_COL32(228, 231, 238, 255), 4);
    char name[64];
    std::snprintf(name, sizeof name, "%s %d", tr("map.street"), street + 1);
    d.dl->AddText(ImVec2(block_lo.x + 4, block_lo.y + 1), IM_COL32(60, 60, 80, 255), name);
    std::vector<std::size_t> communities;
    for (std::size_t c = 0; c < shape.communities.size(); ++c)
      if (shape.communities[c].street == street) communities.push_back(c);
    const float so_strip = 12;
    draw_organizations(d, street, ImVec2(block_lo.x, block_hi.y - so_strip), block_hi);
    const Grid grid(ImVec2(block_lo.x + 3, block_lo.y + line_h + 2), ImVec2(block_hi.x - 3, block_hi.y - so_strip),
                    communities.size());
    for (std::size_t i = 0; i < communities.size(); ++i) {
      const auto c = communities[i];
      std::vector<std::uint32_t> units, properties;
      for (std::uint32_t u = 0; u < shape.unit_community.size(); ++u)
        if (shape.unit_community[u] == c) units.push_back(u);
      for (std::uint32_t p = 0; p < shape.property_community.size(); ++p)
        if (shape.property_community[p] == c) properties.push_back(p);
      const ImVec2 co = grid.origin(i);
      const ImVec2 cz = grid.slot_size();
      draw_community(d, c, ImVec2(co.x + 2, co.y + 2), ImVec2(co.x + cz.x - 2, co.y + cz.y - 2), units, properties);
    }
  }
  draw_legend(ui, d.dl, ImVec2(lo.x, hi.y + 6), avail.x);
  if (canvas_hovered && !d.hover_text.empty()) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(d.hover_text.c_str());
    ImGui::TextDisabled("%s", tr("map.click_hint"));
    ImGui::EndTooltip();
  }
  if (clicked && d.hovered.kind != Selection::Kind::none) {
    ui.selected = d.hovered;
    ui.inspector_window = TimeWindow{};
  }
  ImGui::End();
}

}  // namespace shanzhi::viz
