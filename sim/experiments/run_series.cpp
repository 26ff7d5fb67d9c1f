#include "sim/experiments/run_series.hpp"

#include "sim/calendar.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <string_view>
#include <tuple>

namespace shanzhi::sim::experiments {
namespace {

bool has(const std::vector<MetricInfo>& metrics, const std::string& name) {
  return std::any_of(metrics.begin(), metrics.end(), [&](const auto& m) { return m.name == name; });
}

std::vector<const DerivedMetric*> usable(const std::vector<MetricInfo>& declared,
                                         const std::vector<DerivedMetric>& derived) {
  std::vector<const DerivedMetric*> out;
  for (const auto& d : derived)
    if (!has(declared, d.info.name) && has(declared, d.first) && has(declared, d.second)) out.push_back(&d);
  return out;
}

}  // namespace

std::vector<MetricInfo> with_derived(const std::vector<MetricInfo>& declared, const std::vector<DerivedMetric>& derived) {
  auto metrics = declared;
  for (const auto* d : usable(declared, derived)) metrics.push_back(d->info);
  return metrics;
}

RunSeries series_of(const MetricRecorder& recorder, const std::vector<DerivedMetric>& derived, int burn_in_weeks) {
  RunSeries series;
  series.burn_in_weeks = burn_in_weeks;
  const std::size_t rows = recorder.row_count();
  for (std::size_t r = 0; r < rows; ++r) series.weeks.push_back(recorder.week_of_row(r));
  for (std::size_t m = 0; m < recorder.metrics().size(); ++m) {
    std::vector<double> column(rows);
    for (std::size_t r = 0; r < rows; ++r) column[r] = recorder.value(r, m);
    series.columns.push_back(std::move(column));
  }
  for (const auto* d : usable(recorder.metrics(), derived)) {
    const auto& a = series.columns[recorder.handle(d->first)];
    const auto& b = series.columns[recorder.handle(d->second)];
    std::vector<double> column(rows);
    for (std::size_t r = 0; r < rows; ++r) column[r] = a[r] + b[r];
    series.columns.push_back(std::move(column));
  }
  return series;
}

std::vector<BreakdownSummary> summarise_breakdowns(const BreakdownTable& table) {
  const auto& rows = table.rows();
  if (rows.empty()) return {};
  int last_week = rows.front().week;
  for (const auto& row : rows) last_week = std::max(last_week, row.week);
  const int first_week = last_week - static_cast<int>(summary_weeks);
  std::vector<BreakdownSummary> cells;
  std::vector<std::size_t> counts;
  std::map<std::tuple<std::string_view, std::string_view, std::string_view>, std::size_t> index;
  for (const auto& row : rows) {
    if (row.week <= first_week) continue;
    const auto [at, added] = index.try_emplace({row.metric, row.breakdown, row.key}, cells.size());
    if (added) {
      cells.push_back({row.metric, row.breakdown, row.key, 0});
      counts.push_back(0);
    }
    cells[at->second].value += row.value;
    ++counts[at->second];
  }
  for (std::size_t c = 0; c < cells.size(); ++c) cells[c].value /= static_cast<double>(counts[c]);
  return cells;
}

bool is_year_to_date(const MetricInfo& metric) {
  return metric.unit.rfind("CNY", 0) == 0 && metric.name.find("spent_year") != std::string::npos;
}

std::string statistic_name(const MetricInfo& metric) {
  return is_year_to_date(metric) ? "paid in the last 52 recorded weeks" : "mean of the last 52 recorded weeks";
}

double paid_in_last_weeks(const std::vector<double>& year_to_date, const std::vector<int>& weeks, int burn_in_weeks,
                          std::size_t window) {
  const std::size_t rows = std::min(year_to_date.size(), weeks.size());
  if (rows < 2) return 0;
  const std::size_t first = rows - 1 > window ? rows - window : 1;
  double paid = 0;
  for (std::size_t r = first; r < rows; ++r) {
    const bool opened_year = date_of_week(burn_in_weeks + weeks[r] - 1).starts_year;
    paid += opened_year ? year_to_date[r] : year_to_date[r] - year_to_date[r - 1];
  }
  return paid;
}

double summary_statistic(const RunSeries& series, std::size_t m, const MetricInfo& metric) {
  const auto& column = series.columns[m];
  if (is_year_to_date(metric)) return paid_in_last_weeks(column, series.weeks, series.burn_in_weeks);
  const std::size_t rows = std::min(column.size(), summary_weeks);
  if (rows == 0) return std::numeric_limits<double>::quiet_NaN();
  return std::accumulate(column.end() - static_cast<std::ptrdiff_t>(rows), column.end(), 0.0) /
         static_cast<double>(rows);
}

}  // namespace shanzhi::sim::experiments
