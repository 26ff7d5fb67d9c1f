#include "models/governance/comparison_series.hpp"

#include "models/governance/governance_metrics.hpp"
#include "sim/calendar.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace shanzhi::gov {
namespace {

/// A metric computed from two recorded ones, row by row.
struct DerivedMetric {
  sim::MetricInfo info;
  std::string first, second;  ///< value = first + second
};

/// Derived metrics, each added only while the model does not record one of the same name.
/// Satisfaction of the residents outside the vulnerable groups lets a report show who gains:
/// the gap is defined as their mean minus the vulnerable residents' mean.
std::vector<DerivedMetric> derived_metrics(const std::vector<sim::MetricInfo>& declared) {
  std::vector<DerivedMetric> all{
      {{"satisfaction_nonvulnerable_mean", "points 0-100",
        "Mean satisfaction of residents outside the vulnerable groups (derived: satisfaction_vulnerable_mean + "
        "vulnerable_gap).",
        sim::Direction::higher_is_better, false},
       "satisfaction_vulnerable_mean",
       "vulnerable_gap"},
  };
  auto has = [&](const std::string& name) {
    return std::any_of(declared.begin(), declared.end(), [&](const auto& m) { return m.name == name; });
  };
  std::vector<DerivedMetric> usable;
  for (auto& d : all)
    if (!has(d.info.name) && has(d.first) && has(d.second)) usable.push_back(std::move(d));
  return usable;
}

std::vector<sim::MetricInfo> declared_metrics() {
  sim::MetricRecorder declared;
  declare_metrics(declared);
  return declared.metrics();
}

}  // namespace

std::vector<sim::MetricInfo> compared_metrics() {
  auto metrics = declared_metrics();
  for (auto& d : derived_metrics(metrics)) metrics.push_back(d.info);
  return metrics;
}

RunSeries series_of(const sim::MetricRecorder& recorder) {
  RunSeries series;
  const std::size_t rows = recorder.row_count();
  for (std::size_t r = 0; r < rows; ++r) series.weeks.push_back(recorder.week_of_row(r));
  for (std::size_t m = 0; m < recorder.metrics().size(); ++m) {
    std::vector<double> column(rows);
    for (std::size_t r = 0; r < rows; ++r) column[r] = recorder.value(r, m);
    series.columns.push_back(std::move(column));
  }
  for (const auto& d : derived_metrics(recorder.metrics())) {
    const auto& a = series.columns[recorder.handle(d.first)];
    const auto& b = series.columns[recorder.handle(d.second)];
    std::vector<double> column(rows);
    for (std::size_t r = 0; r < rows; ++r) column[r] = a[r] + b[r];
    series.columns.push_back(std::move(column));
  }
  return series;
}

bool is_year_to_date(const sim::MetricInfo& metric) {
  return metric.unit == "CNY" && metric.name.find("spent_year") != std::string::npos;
}

std::string statistic_name(const sim::MetricInfo& metric) {
  return is_year_to_date(metric) ? "paid in the last 52 recorded weeks" : "mean of the last 52 recorded weeks";
}

double paid_in_last_weeks(const std::vector<double>& year_to_date, const std::vector<int>& weeks, int burn_in_weeks,
                          std::size_t window) {
  const std::size_t rows = std::min(year_to_date.size(), weeks.size());
  if (rows < 2) return 0;
  const std::size_t first = rows - 1 > window ? rows - window : 1;
  double paid = 0;
  for (std::size_t r = first; r < rows; ++r) {
    const bool opened_year = sim::date_of_week(burn_in_weeks + weeks[r] - 1).starts_year;
    paid += opened_year ? year_to_date[r] : year_to_date[r] - year_to_date[r - 1];
  }
  return paid;
}

double summary_statistic(const RunSeries& series, std::size_t m, const sim::MetricInfo& metric, int burn_in_weeks) {
  const auto& column = series.columns[m];
  if (is_year_to_date(metric)) return paid_in_last_weeks(column, series.weeks, burn_in_weeks);
  const std::size_t rows = std::min(column.size(), summary_weeks);
  if (rows == 0) return std::numeric_limits<double>::quiet_NaN();
  return std::accumulate(column.end() - static_cast<std::ptrdiff_t>(rows), column.end(), 0.0) /
         static_cast<double>(rows);
}

}  // namespace shanzhi::gov
