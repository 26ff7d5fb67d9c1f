// Live plots of the headline metrics: satisfaction overall and of vulnerable residents (with
// the 10th–90th percentile band), unmet need, waits, worker admin share and turnover,
// organisations, spending and trust. Each title shows its metrics' definitions on hover.

#include "app/dashboards.hpp"

#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/i18n.hpp"

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

std::string help_of(const DashboardDef& d) {
  std::string text;
  auto add = [&](const char* name) {
    if (!text.empty()) text += "\n\n";
    text += std::string(tr(std::string("metric.") + name)) + ": " + tr(std::string("metric_help.") + name);
  };
  for (const char* m : d.metrics) add(m);
  if (d.band_lo) {
    text += "\n\n";
    text += tr("dash.band_help");
  }
  return text;
}

}  // namespace

void draw_dashboards(UiState& ui) {
  const auto& s = *ui.snapshot;
  if (s.frames.empty()) {
    draw_run_status(s);
    return;
  }
  const auto markers = event_markers(s);
  const double data_lo = s.frames.front()->week;
  const double data_hi = std::max<double>(s.frames.back()->week, data_lo + 8);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const int columns = avail.x > 700 ? 3 : 2;
  const auto& defs = dashboard_defs();
  const int rows = static_cast<int>((defs.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 cell((avail.x - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns),
                    std::max(110.0f, (avail.y - ImGui::GetTextLineHeightWithSpacing()) / static_cast<float>(rows) - 4));
  int i = 0;
  for (const auto& d : defs) {
    std::vector<Series> data;
    std::vector<PlotSeries> series;
    for (const char* name : d.metrics) {
      const int m = metric_index(s, name);
      if (m >= 0) data.push_back(metric_series(s, static_cast<std::size_t>(m)));
    }
    std::size_t k = 0;
    for (const char* name : d.metrics) {
      if (metric_index(s, name) < 0) continue;
      series.push_back({tr(std::string("metric.") + name), data[k].x, data[k].y, series_color(static_cast<int>(k)), 2.0f, false});
      ++k;
    }
    std::vector<PlotBand> bands;
    Series lo, hi;
    if (d.band_lo && metric_index(s, d.band_lo) >= 0 && metric_index(s, d.band_hi) >= 0) {
      lo = metric_series(s, static_cast<std::size_t>(metric_index(s, d.band_lo)));
      hi = metric_series(s, static_cast<std::size_t>(metric_index(s, d.band_hi)));
      bands.push_back({tr("dash.band"), lo.x, lo.y, hi.y, IM_COL32(31, 119, 180, 40)});
    }
    const std::string help = help_of(d);
    PlotOptions o;
    const std::string title = tr(d.title_key);
    o.title = title.c_str();
    o.help = help.c_str();
    o.value_format = d.value_format;
    o.kind = d.kind;
    o.shade_before_x = 0;
    o.shade_label = tr("plot.burn_in");
    if (i % columns != 0) ImGui::SameLine();
    ImGui::BeginGroup();
    draw_time_plot(d.title_key, cell, o, series, bands, markers, ui.time_window, data_lo, data_hi);
    ImGui::EndGroup();
    ++i;
  }
  ImGui::TextDisabled("%s", tr("plot.hint"));
}

}  // namespace shanzhi::viz
