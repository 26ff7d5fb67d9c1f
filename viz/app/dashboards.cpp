// Live plots of the headline metrics: satisfaction overall and of vulnerable residents (with
// the 10th–90th percentile band), unmet need, waits, worker admin share and turnover,
// organisations, spending and trust; above them, the running lesson step's panels and the metrics
// picked from the list of every recorded one. Each title shows its metrics' definitions on hover.

#include "app/dashboards.hpp"

#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/i18n.hpp"
#include "core/panel_choice.hpp"
#include "core/value_text.hpp"

#include <algorithm>

#include <cmath>

namespace shanzhi::viz {

const std::vector<DashboardDef>& dashboard_defs() {
  static const std::vector<DashboardDef> defs = {
      {"dash.satisfaction", {"satisfaction_mean", "satisfaction_vulnerable_mean"}, "satisfaction_p10", "satisfaction_p90", "%.1f"},
      {"dash.unmet", {"unmet_need_share", "unmet_need_share_vulnerable"}, nullptr, nullptr, "%.3f", ValueKind::share},
      {"dash.waits", {"wait_mean_weeks", "wait_admin_mean_weeks"}, nullptr, nullptr, "%.2f"},
      {"dash.admin", {"worker_admin_share"}, nullptr, nullptr, "%.3f", ValueKind::share},
      {"dash.turnover", {"worker_turnover_annual", "worker_vacancy_rate"}, nullptr, nullptr, "%.3f", ValueKind::share},
      {"dash.organizations", {"organizations_alive", "grassroots_organizations_alive"}, nullptr, nullptr, "%.0f"},
      {"dash.spending", {"public_cost_spent_year", "budget_spent_year", "purchase_spent_year"}, nullptr, nullptr, "%.0f", ValueKind::money},
      {"dash.trust", {"trust_community_mean", "belonging_mean"}, nullptr, nullptr, "%.1f"},
  };
  return defs;
}

std::vector<PlotMarker> event_markers(const Snapshot& s) {
  std::vector<PlotMarker> markers;
  for (const auto& e : s.events)
    if (e.week > -s.burn_in_weeks) markers.push_back({static_cast<double>(e.week), e.label});
  for (const auto& e : s.fiscal_effects)
    markers.push_back({static_cast<double>(e.week), std::string(tr("plot.fiscal_effect")) + ": " + e.label});
  if (s.compare_active) markers.push_back({static_cast<double>(s.compare_from_week), tr("cmp.branch")});
  return markers;
}

namespace {

/// One plot of the grid: a fixed dashboard or an extra panel of one metric.
struct PlotCell {
  std::string id;
  std::string title;
  std::vector<std::string> metrics;
  const char* band_lo = nullptr;
  const char* band_hi = nullptr;
  const char* value_format = "%.2f";
  ValueKind kind = ValueKind::number;
};

PlotCell dashboard_cell(const DashboardDef& d) {
  PlotCell cell{d.title_key, tr(d.title_key), {}, d.band_lo, d.band_hi, d.value_format, d.kind};
  for (const char* m : d.metrics) cell.metrics.emplace_back(m);
  return cell;
}

/// A lesson step's panel is titled as such, so the class sees which plots the text means.
PlotCell extra_cell(const ExtraPanel& panel, const Snapshot& s) {
  const int m = metric_index(s, panel.metric);
  const auto kind = kind_of_unit((*s.metrics)[static_cast<std::size_t>(m)].unit);
  std::string title = tr("metric." + panel.metric);
  if (panel.from_lesson) title = std::string(tr("dash.lesson_panel")) + " " + title;
  return {"extra." + panel.metric, title, {panel.metric}, nullptr, nullptr, "%.3g", kind};
}

std::string help_of(const PlotCell& cell) {
  std::string text;
  for (const auto& name : cell.metrics) {
    if (!text.empty()) text += "\n\n";
    text += std::string(tr("metric." + name)) + ": " + tr("metric_help." + name);
  }
  if (cell.band_lo) {
    text += "\n\n";
    text += tr("dash.band_help");
  }
  return text;
}

/// The running lesson step's panels, if the window shows the lesson's run.
std::vector<std::string> lesson_panels(const UiState& ui) {
  const auto& l = ui.lessons;
  if (!l.player) return {};
  return running_step_panels(*l.player, l.run_id != 0 && l.run_id == ui.snapshot->run_id);
}

/// The "Plot a metric" button and its list of every recorded metric (ticked = plotted).
void draw_metric_picker(UiState& ui) {
  const auto& s = *ui.snapshot;
  if (ImGui::SmallButton((std::string(tr("dash.pick")) + "###pick").c_str())) ImGui::OpenPopup("metric_picker");
  if (!ImGui::BeginPopup("metric_picker")) return;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputTextWithHint("##filter", tr("dash.pick_filter"), ui.metric_filter, sizeof ui.metric_filter);
  ImGui::BeginChild("metric_list", ImVec2(ImGui::GetFontSize() * 24, ImGui::GetFontSize() * 20));
  for (const auto m : metrics_matching(*s.metrics, ui.metric_filter)) {
    const auto& name = (*s.metrics)[m].name;
    bool plotted = std::find(ui.picked_metrics.begin(), ui.picked_metrics.end(), name) != ui.picked_metrics.end();
    if (ImGui::Checkbox((std::string(tr("metric." + name)) + "##" + name).c_str(), &plotted)) toggle_picked(ui.picked_metrics, name);
    if (ImGui::IsItemHovered()) wrapped_tooltip((name + "\n" + tr("metric_help." + name)).c_str());
  }
  ImGui::EndChild();
  ImGui::EndPopup();
}

void draw_cell(UiState& ui, const PlotCell& cell, ImVec2 size, const std::vector<PlotMarker>& markers, double data_lo,
               double data_hi) {
  const auto& s = *ui.snapshot;
  std::vector<std::string> shown;
  std::vector<Series> data;
  for (const auto& name : cell.metrics) {
    const int m = metric_index(s, name);
    if (m < 0) continue;
    shown.push_back(name);
    data.push_back(metric_series(s, static_cast<std::size_t>(m)));
  }
  std::vector<PlotSeries> series;
  for (std::size_t k = 0; k < data.size(); ++k)
    series.push_back({tr("metric." + shown[k]), data[k].x, data[k].y, series_color(static_cast<int>(k)), 2.0f, false});
  std::vector<PlotBand> bands;
  Series lo, hi;
  if (cell.band_lo && metric_index(s, cell.band_lo) >= 0 && metric_index(s, cell.band_hi) >= 0) {
    lo = metric_series(s, static_cast<std::size_t>(metric_index(s, cell.band_lo)));
    hi = metric_series(s, static_cast<std::size_t>(metric_index(s, cell.band_hi)));
    bands.push_back({tr("dash.band"), lo.x, lo.y, hi.y, IM_COL32(31, 119, 180, 40)});
  }
  const std::string help = help_of(cell);
  PlotOptions o;
  o.title = cell.title.c_str();
  o.help = help.c_str();
  o.value_format = cell.value_format;
  o.kind = cell.kind;
  o.shade_before_x = 0;
  o.shade_label = tr("plot.burn_in");
  ImGui::BeginGroup();
  draw_time_plot(cell.id.c_str(), size, o, series, bands, markers, ui.time_window, data_lo, data_hi);
  ImGui::EndGroup();
}

}  // namespace

void draw_dashboards(UiState& ui) {
  const auto& s = *ui.snapshot;
  if (s.frames.empty()) {
    draw_run_status(s);
    return;
  }
  draw_metric_picker(ui);
  help_marker(tr("plot.hint"));  // as a tooltip: on the button's line it would be cut at 1280 px
  std::vector<PlotCell> cells;
  for (const auto& panel : extra_panels(lesson_panels(ui), ui.picked_metrics, *s.metrics)) cells.push_back(extra_cell(panel, s));
  const std::size_t extra = cells.size();
  for (const auto& d : dashboard_defs()) cells.push_back(dashboard_cell(d));
  const auto markers = event_markers(s);
  const double data_lo = s.frames.front()->week;
  const double data_hi = std::max<double>(s.frames.back()->week, data_lo + 8);
  ImGui::BeginChild("dashboard_plots");
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const int columns = avail.x > 700 ? 3 : 2;
  // The fixed dashboards fill the tab; extra panels come on top of them and the tab scrolls.
  const auto rows_of = [&](std::size_t n) { return static_cast<int>((n + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns)); };
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 cell_size((avail.x - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns),
                         std::max(110.0f, avail.y / static_cast<float>(rows_of(cells.size() - extra)) - 4));
  for (std::size_t i = 0; i < cells.size(); ++i) {
    // Extra panels and dashboards each start on their own row.
    const std::size_t column = i < extra ? i : i - extra;
    if (column % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
    draw_cell(ui, cells[i], cell_size, markers, data_lo, data_hi);
  }
  ImGui::EndChild();
}

}  // namespace shanzhi::viz
