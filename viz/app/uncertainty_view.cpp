// The Compare tab's section on effects with their assumption uncertainty: the results of
// `shanzhi compare BASE POLICY --assumptions default` opened from disk, one row per metric with the
// seed interval, the median and the 10–90% and 2.5–97.5% ranges across assumption draws, P(sign)
// and a small interval chart, every number rounded to what its uncertainty supports; below, the
// chosen metric's difference over time with the seed band and both assumption bands.

#include "app/dashboards.hpp"
#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/i18n.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::viz {
namespace {

/// The metrics a row is shown for: the dashboards' metrics, or every metric in the file.
bool shown_metric(const std::string& metric, bool all) {
  if (all) return true;
  for (const auto& d : dashboard_defs())
    for (const char* m : d.metrics)
      if (metric == m) return true;
  return false;
}

/// A horizontal interval chart in one table cell: 2.5–97.5% as a thin line, 10–90% as a light
/// bar, the seed interval as a dark bar, the effect as a dot, zero as a vertical tick.
void draw_interval_cell(const EffectWithBands& e) {
  const ImVec2 size(std::max(120.0f, ImGui::GetContentRegionAvail().x), ImGui::GetTextLineHeight());
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  double lo = std::min({0.0, e.seed_low, e.q2_5}), hi = std::max({0.0, e.seed_high, e.q97_5});
  if (std::isnan(lo) || std::isnan(hi)) lo = std::min(0.0, e.seed_low), hi = std::max(0.0, e.seed_high);
  if (!(hi > lo)) hi = lo + 1;
  const auto x = [&](double v) { return p.x + 4 + static_cast<float>((v - lo) / (hi - lo)) * (size.x - 8); };
  const float mid = p.y + size.y / 2;
  auto* draw = ImGui::GetWindowDrawList();
  draw->AddLine(ImVec2(x(0), p.y), ImVec2(x(0), p.y + size.y), IM_COL32(120, 120, 120, 255));
  if (!std::isnan(e.q2_5)) {
    draw->AddLine(ImVec2(x(e.q2_5), mid), ImVec2(x(e.q97_5), mid), IM_COL32(230, 140, 40, 200), 1.0f);
    draw->AddRectFilled(ImVec2(x(e.q10), mid - 4), ImVec2(x(e.q90), mid + 4), IM_COL32(230, 140, 40, 110));
  }
  draw->AddRectFilled(ImVec2(x(e.seed_low), mid - 2), ImVec2(std::max(x(e.seed_high), x(e.seed_low) + 1), mid + 2),
                      IM_COL32(40, 90, 170, 255));
  draw->AddCircleFilled(ImVec2(x(e.effect), mid), 3.0f, IM_COL32(20, 40, 90, 255));
}

void draw_effect_table(UiState& ui, const EffectUncertainty& r, const std::string& policy) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp |
                                ImGuiTableFlags_ScrollY;
  const float height = std::min(260.0f, ImGui::GetTextLineHeightWithSpacing() * 12);
  if (!ImGui::BeginTable("effects_with_bands", 6, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("unc.metric"), 0, 1.5f);
  ImGui::TableSetupColumn(tr("unc.seed_short"), 0, 1.5f);
  ImGui::TableSetupColumn(tr("unc.band80_short"), 0, 1.1f);
  ImGui::TableSetupColumn(tr("unc.band95_short"), 0, 1.1f);
  ImGui::TableSetupColumn(tr("unc.p_sign"), 0, 0.6f);
  ImGui::TableSetupColumn(tr("unc.chart"), 0, 1.6f);
  ImGui::TableHeadersRow();
  for (const auto& e : r.effects) {
    if (e.policy != policy || !shown_metric(e.metric, ui.uncertainty.all_metrics)) continue;
    const double h = e.shown_half_width();
    const auto shown = [&](double v) { return format_effect(v, h, e.unit); };
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string name = tr(std::string("metric.") + e.metric);
    if (ImGui::Selectable((name + "##" + e.metric).c_str(), ui.uncertainty.metric == e.metric,
                          ImGuiSelectableFlags_SpanAllColumns))
      ui.uncertainty.metric = e.metric;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(tr("unc.unrounded"), e.effect, e.seed_low, e.seed_high, e.median, e.q10, e.q90, e.q2_5, e.q97_5,
                        e.draws);
    ImGui::TableNextColumn();
    ImGui::Text("%s [%s, %s]", shown(e.effect).c_str(), shown(e.seed_low).c_str(), shown(e.seed_high).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("[%s, %s]", shown(e.q10).c_str(), shown(e.q90).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("[%s, %s]", shown(e.q2_5).c_str(), shown(e.q97_5).c_str());
    ImGui::TableNextColumn();
    if (std::isnan(e.p_sign)) ImGui::TextUnformatted("n/a");
    else ImGui::Text("%.0f%%", 100 * e.p_sign);
    ImGui::TableNextColumn();
    draw_interval_cell(e);
  }
  ImGui::EndTable();
}

void draw_effect_over_time(UiState& ui, const EffectUncertainty& r, const std::string& policy) {
  const auto& cache = ui.uncertainty.over_time;
  if (ui.uncertainty.over_time_key != policy + "/" + ui.uncertainty.metric) {
    ui.uncertainty.over_time = r.over_time(policy, ui.uncertainty.metric);
    ui.uncertainty.over_time_key = policy + "/" + ui.uncertainty.metric;
  }
  if (cache.week.empty()) {
    ImGui::TextDisabled("%s", tr("unc.no_series"));
    return;
  }
  const std::string name = tr(std::string("metric.") + ui.uncertainty.metric);
  const PlotSeries series[] = {{tr("unc.seed_mean"), cache.week, cache.seed_mean, IM_COL32(40, 90, 170, 255), 2.0f, false},
                               {tr("unc.median"), cache.week, cache.median, IM_COL32(200, 110, 20, 255), 1.5f, true}};
  const PlotBand bands[] = {{tr("unc.band95"), cache.week, cache.q2_5, cache.q97_5, IM_COL32(230, 140, 40, 40)},
                            {tr("unc.band80"), cache.week, cache.q10, cache.q90, IM_COL32(230, 140, 40, 70)},
                            {tr("unc.seed"), cache.week, cache.seed_low, cache.seed_high, IM_COL32(40, 90, 170, 90)}};
  const std::string title = std::string(tr("cmp.difference")) + ": " + name;
  PlotOptions o;
  o.title = title.c_str();
  o.help = tr("unc.help_plot");
  o.zero_line = true;
  const float height = std::max(180.0f, ImGui::GetContentRegionAvail().y * 0.45f);
  draw_time_plot("unc_over_time", ImVec2(ImGui::GetContentRegionAvail().x, height), o, series, bands, {}, ui.uncertainty.window, cache.week.front(),
                 cache.week.back());
}

}  // namespace

void open_uncertainty_results(UiState& ui, const std::string& path) {
  auto opened = open_effect_uncertainty(path);
  if (!opened.results) {
    show_error(ui, opened.error);
    return;
  }
  ui.uncertainty.results = std::move(opened.results);
  ui.uncertainty.policy = 0;
  ui.uncertainty.over_time_key.clear();
  ui.notice_text = std::string(tr("msg.opened")) + " " + path;
}

void draw_uncertainty_section(UiState& ui) {
  if (!ImGui::CollapsingHeader(tr("unc.title"), ImGuiTreeNodeFlags_DefaultOpen)) return;
  ImGui::TextWrapped("%s", tr("unc.explain"));
  if (ImGui::Button((std::string(tr("unc.open")) + "###uncopen").c_str()))
    open_dialog(ui, UiState::Dialog::open_uncertainty, ui.source_dir + "/results/");
  if (!ui.uncertainty.results) return;
  const auto& r = *ui.uncertainty.results;
  ImGui::SameLine();
  ImGui::TextDisabled("%s", r.folder.c_str());
  if (r.policies.size() > 1) {
    ImGui::SetNextItemWidth(220);
    if (ImGui::BeginCombo(tr("unc.policy"), r.policies[ui.uncertainty.policy].c_str())) {
      for (std::size_t p = 0; p < r.policies.size(); ++p)
        if (ImGui::Selectable(r.policies[p].c_str(), p == ui.uncertainty.policy)) ui.uncertainty.policy = p;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
  }
  ImGui::Checkbox(tr("unc.all_metrics"), &ui.uncertainty.all_metrics);
  const std::string& policy = r.policies[ui.uncertainty.policy];
  if (const auto* e = r.find(policy, ui.uncertainty.metric); e && e->draws > 0)
    ImGui::TextWrapped("%s %d", tr("unc.draws"), e->draws);
  draw_effect_table(ui, r, policy);
  draw_effect_over_time(ui, r, policy);
  ImGui::Separator();
}

}  // namespace shanzhi::viz
