// The inspector: the entity clicked on the map, its current state and its history over the
// recorded weeks (read from the snapshot's per-week frames).

#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/i18n.hpp"
#include "core/value_text.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace shanzhi::viz {
namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

std::size_t community_of_cell(const DistrictShape& shape, std::uint32_t cell) {
  for (std::size_t c = 0; c < shape.communities.size(); ++c) {
    const auto& cs = shape.communities[c];
    if (cell >= cs.first_cell && cell < cs.first_cell + cs.cell_count) return c;
  }
  return 0;
}

/// History of one value per frame (NaN where the entity did not exist).
template <class F>
Series history(const Snapshot& s, F value_of) {
  Series out;
  for (const auto& f : s.frames) {
    out.x.push_back(f->week);
    out.y.push_back(value_of(*f));
  }
  return out;
}

const OrganizationMark* find_organization(const WeekFrame& f, const Selection& sel) {
  for (const auto& o : f.organizations)
    if (o.slot == sel.index && o.generation == sel.generation) return &o;
  return nullptr;
}

/// A greyed line that wraps at the inspector's width instead of running past its edge (1280 px
/// windows leave the inspector about 420 px).
template <class... Args>
void disabled_wrapped(const char* format, Args... args) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped(format, args...);
  ImGui::PopStyleColor();
}

void plot(UiState& ui, const char* id, const char* title, std::vector<PlotSeries> series, const char* format) {
  const auto& s = *ui.snapshot;
  PlotOptions o;
  o.title = title;
  o.value_format = format;
  o.shade_before_x = 0;
  const auto markers = event_markers(s);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  draw_time_plot(id, ImVec2(avail.x, std::max(90.0f, avail.y - 4)), o, series, {}, markers, ui.inspector_window,
                 s.frames.front()->week, std::max<double>(s.frames.back()->week, s.frames.front()->week + 8));
}

void inspect_cell(UiState& ui) {
  const auto& s = *ui.snapshot;
  const auto cell = ui.selected.index;
  if (cell >= s.shape->cell_count) return;
  const auto c = community_of_cell(*s.shape, cell);
  const auto& f = *s.frames.back();
  ImGui::TextWrapped("%s %zu · %s %d · %s %u", tr("map.community"), c + 1, tr("map.street"), s.shape->communities[c].street + 1,
              tr(s.shape->residents_per_cell == 1 ? "map.resident" : "map.building"), cell - s.shape->communities[c].first_cell + 1);
  ImGui::TextWrapped("%s %.1f   %s %.1f", tr("map.satisfaction"), f.cell_satisfaction[cell], tr("map.trust"), f.cell_trust[cell]);
  const auto unmet = readout_text(f.community[2][c], ValueKind::share, "%.3f", current_language());
  disabled_wrapped("%s %s   %s %.1f", tr("map.unmet_need"), unmet.c_str(), tr("map.participation"), f.community[3][c]);
  const auto sat = history(s, [&](const WeekFrame& w) { return static_cast<double>(w.cell_satisfaction[cell]); });
  const auto trust = history(s, [&](const WeekFrame& w) { return static_cast<double>(w.cell_trust[cell]); });
  const auto community = history(s, [&](const WeekFrame& w) { return static_cast<double>(w.community[0][c]); });
  plot(ui, "cell", tr("insp.history"),
       {{tr("map.satisfaction"), sat.x, sat.y, series_color(0), 2, false},
        {tr("map.trust"), trust.x, trust.y, series_color(2), 2, false},
        {tr("insp.community_mean"), community.x, community.y, IM_COL32(120, 120, 130, 255), 1.5f, true}},
       "%.1f");
}

void inspect_organization(UiState& ui) {
  const auto& s = *ui.snapshot;
  const auto* now = find_organization(*s.frames.back(), ui.selected);
  if (now) {
    ImGui::TextWrapped("%s #%u (%s) · %s %d", tr("map.organization"), now->slot + 1,
                tr(now->professional ? "map.professional" : "map.grassroots"), tr("map.street"), now->street + 1);
    ImGui::TextWrapped("%s %.2f   %s %.1f   %s %.0f", tr("map.quality"), now->quality, tr("map.staff"), now->staff,
                       tr("map.cash"), now->cash_yuan);
  } else {
    ImGui::TextColored(ImVec4(0.7f, 0.2f, 0.1f, 1), "%s", tr("insp.closed"));
  }
  const auto quality = history(s, [&](const WeekFrame& w) {
    const auto* o = find_organization(w, ui.selected);
    return o ? static_cast<double>(o->quality) : missing;
  });
  const auto staff = history(s, [&](const WeekFrame& w) {
    const auto* o = find_organization(w, ui.selected);
    return o ? static_cast<double>(o->staff) / 10.0 : missing;
  });
  plot(ui, "org", tr("insp.history"),
       {{tr("map.quality"), quality.x, quality.y, series_color(0), 2, false},
        {tr("insp.staff_tenths"), staff.x, staff.y, series_color(1), 2, false}},
       "%.2f");
}

void inspect_unit(UiState& ui) {
  const auto& s = *ui.snapshot;
  const auto u = ui.selected.index;
  if (u >= s.shape->unit_community.size()) return;
  const bool open = s.frames.back()->unit_facilities_open[u] != 0;
  ImGui::TextWrapped("%s %u · %s %u · %s", tr("map.unit"), u + 1, tr("map.community"), s.shape->unit_community[u] + 1,
              tr(open ? "map.open" : "map.closed"));
  const auto h = history(s, [&](const WeekFrame& w) { return static_cast<double>(w.unit_facilities_open[u]); });
  plot(ui, "unit", tr("insp.history"), {{tr("map.open"), h.x, h.y, series_color(5), 2, false}}, "%.0f");
}

void inspect_property(UiState& ui) {
  const auto& s = *ui.snapshot;
  const auto p = ui.selected.index;
  if (p >= s.shape->property_community.size()) return;
  ImGui::TextWrapped("%s %u · %s %u · %s %.2f", tr("map.property"), p + 1, tr("map.community"), s.shape->property_community[p] + 1,
              tr("map.quality"), s.frames.back()->property_quality[p]);
  const auto h = history(s, [&](const WeekFrame& w) { return static_cast<double>(w.property_quality[p]); });
  plot(ui, "prop", tr("insp.history"), {{tr("map.quality"), h.x, h.y, series_color(3), 2, false}}, "%.2f");
}

}  // namespace

void draw_inspector(UiState& ui, ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin((std::string(tr("insp.title")) + "###inspector").c_str(), nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  const auto& s = *ui.snapshot;
  if (ui.selected.kind == Selection::Kind::none || !s.shape || s.frames.empty()) {
    ImGui::TextWrapped("%s", tr("insp.none"));
  } else {
    switch (ui.selected.kind) {
      case Selection::Kind::cell: inspect_cell(ui); break;
      case Selection::Kind::organization: inspect_organization(ui); break;
      case Selection::Kind::unit: inspect_unit(ui); break;
      case Selection::Kind::property: inspect_property(ui); break;
      default: break;
    }
  }
  ImGui::End();
}

}  // namespace shanzhi::viz
