#pragma once
// The recorded series of one run as a paired comparison keeps it, and the statistic that
// summarises each metric over the last recorded year. Model-independent: a model hands over its
// MetricRecorder and, optionally, metrics derived from recorded ones.
//
// Most metrics are levels (satisfaction, shares, waits), summarised by their mean over the last
// 52 recorded weeks. Money metrics named *spent_year* are year-to-date amounts that restart at
// every fiscal year; their mean would be about half a year's spending, so they are summarised by
// the amount paid during the last 52 recorded weeks (annual spending).

#include "sim/breakdowns.hpp"
#include "sim/metrics.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace shanzhi::sim::experiments {

/// One cell of a run's breakdowns (a metric for one group, street, community or category),
/// summarised over the last recorded year: the mean of the values recorded in the last 52
/// recorded weeks (breakdowns are recorded every few weeks, see run.breakdown_every_weeks).
struct BreakdownSummary {
  std::string metric;
  std::string breakdown;
  std::string key;
  double value = 0;
};

/// One run's recorded metrics: row r is recorded week weeks[r]; columns[m][r] is metric m.
/// Row r holds the state after simulated tick burn_in_weeks + weeks[r] − 1 (row 0: the end of
/// the burn-in).
struct RunSeries {
  std::vector<int> weeks;
  std::vector<std::vector<double>> columns;
  int burn_in_weeks = 0;
  /// Every breakdown cell, in the order the model first recorded them (empty when the model
  /// records none).
  std::vector<BreakdownSummary> breakdowns;
};

/// Each cell of `table` summarised over its last year (rows recorded after week last − 52).
std::vector<BreakdownSummary> summarise_breakdowns(const BreakdownTable& table);

/// A metric computed row by row as the sum of two recorded ones.
struct DerivedMetric {
  MetricInfo info;
  std::string first, second;  ///< value = first + second
};

/// Rows summarised by a compared run's statistic (one year of weeks).
inline constexpr std::size_t summary_weeks = 52;

/// `declared` followed by each derived metric whose inputs are declared and whose name is not.
std::vector<MetricInfo> with_derived(const std::vector<MetricInfo>& declared, const std::vector<DerivedMetric>& derived);

/// The recorded rows of `recorder` with the usable derived columns appended (with_derived order).
RunSeries series_of(const MetricRecorder& recorder, const std::vector<DerivedMetric>& derived, int burn_in_weeks);

/// True for year-to-date money metrics (unit CNY or CNY per something, e.g. "CNY/resident"; name
/// containing "spent_year"), which restart at every fiscal year.
bool is_year_to_date(const MetricInfo& metric);

/// What summary_statistic computes for `metric`, in words for CSV and JSON.
std::string statistic_name(const MetricInfo& metric);

/// Paid during the last `window` recorded weeks of a year-to-date series (all rows after row 0
/// when there are fewer). A fiscal year opens at the first tick of every 52-week calendar year;
/// row r holds the state after tick burn_in_weeks + weeks[r] − 1, so the payment of a row is its
/// value when its tick opened a year, else its increase over the previous row.
double paid_in_last_weeks(const std::vector<double>& year_to_date, const std::vector<int>& weeks, int burn_in_weeks,
                          std::size_t window = summary_weeks);

/// The summary of metric `m` of one run: paid in the last year for year-to-date metrics, else
/// the mean of the last 52 rows.
double summary_statistic(const RunSeries& series, std::size_t m, const MetricInfo& metric);

}  // namespace shanzhi::sim::experiments
