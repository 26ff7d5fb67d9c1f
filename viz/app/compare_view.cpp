// Compare mode: the baseline twin (same seed, levers frozen at the branch week) against the
// run the user steers, metric by metric, with the difference policy − baseline plotted.

#include "app/dashboards.hpp"
#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/i18n.hpp"
#include "core/plot_range.hpp"

#include <algorithm>
#include <limits>

namespace shanzhi::viz {

/// The span of the policy's and the baseline's values over the whole run (0 when empty).
double value_span(const Series& policy, const Series& baseline) {
  constexpr double everywhere = std::numeric_limits<double>::infinity();
  const PlottedValues both[] = {{policy.x, policy.y}, {baseline.x, baseline.y}};
  const auto range = value_range(both, -everywhere, everywhere);
  return range.empty() ? 0 : range.hi - range.lo;
}

void draw_compare_view(UiState& ui) {
  const auto& s = *ui.snapshot;
  draw_uncertainty_section(ui);
  if (!s.compare_active) {
    ImGui::TextWrapped("%s", tr("cmp.off"));
    if (ImGui::Button((std::string(tr("cmp.start")) + "###cmpstart").c_str())) ui.controller->set_compare(true);
    return;
  }
  if (s.compare_against_base) ImGui::TextWrapped("%s", tr("cmp.explain_base"));
  else ImGui::TextWrapped("%s %d.", tr("cmp.explain"), s.compare_from_week);
  if (s.status_key == "status.catching_up") {
    ImGui::ProgressBar(static_cast<float>(s.baseline_rows.size()) / static_cast<float>(std::max<std::size_t>(1, s.frames.size())),
                       ImVec2(-1, 0), tr("status.catching_up"));
    return;
  }
  if (s.frames.empty()) return;
  const auto markers = event_markers(s);
  const double data_lo = std::max<double>(s.frames.front()->week, s.compare_from_week - 26);
  const double data_hi = std::max<double>(s.frames.back()->week, data_lo + 8);
  ImGui::BeginChild("compare_plots");
  const float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  const ImVec2 size(width, 150);
  for (const auto& d : dashboard_defs()) {
    const int m = metric_index(s, d.metrics.front());
    if (m < 0) continue;
    const auto policy = metric_series(s, static_cast<std::size_t>(m));
    const auto baseline = baseline_series(s, static_cast<std::size_t>(m));
    const auto difference = difference_series(s, static_cast<std::size_t>(m));
    const std::string name = tr(std::string("metric.") + d.metrics.front());
    const std::string help = std::string(tr(std::string("metric_help.") + d.metrics.front()));
    // The baseline is drawn last, dashed, so it stays visible where the runs coincide.
    const PlotSeries both[] = {
        {tr("cmp.policy"), policy.x, policy.y, series_color(0), 2.0f, false},
        {tr("cmp.baseline"), baseline.x, baseline.y, IM_COL32(90, 90, 100, 255), 1.5f, true}};
    PlotOptions o;
    o.title = name.c_str();
    o.help = help.c_str();
    o.value_format = d.value_format;
    o.kind = d.kind;
    // Both runs over every week: the baseline never leaves the plot while the difference goes on.
    o.y_over_whole_run = true;
    ImGui::BeginGroup();
    draw_time_plot((name + "##a").c_str(), size, o, both, {}, markers, ui.compare_window, data_lo, data_hi);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    const PlotSeries diff[] = {{tr("cmp.difference"), difference.x, difference.y, series_color(3), 2.0f, false}};
    const std::string diff_title = std::string(tr("cmp.difference")) + ": " + name;
    PlotOptions od;
    od.title = diff_title.c_str();
    od.help = tr("help.difference");
    od.value_format = d.value_format;
    od.kind = d.kind;
    od.zero_line = true;
    od.min_span = 0.1 * value_span(policy, baseline);
    od.y_over_whole_run = true;
    draw_time_plot((name + "##d").c_str(), size, od, diff, {}, markers, ui.compare_window, data_lo, data_hi);
    ImGui::EndGroup();
  }
  ImGui::EndChild();
}

}  // namespace shanzhi::viz
