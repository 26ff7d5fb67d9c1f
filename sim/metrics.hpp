#pragma once
// The metrics recorder. A model declares each output once (name, unit, meaning, which direction
// is better) and fills one row per recorded week; agents never write output themselves.
// Writers in sim/output/ turn the recorder into timeseries.csv and outcomes.csv.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace shanzhi::sim {

enum class Direction { higher_is_better, lower_is_better, neutral };

std::string_view to_string(Direction direction);  // "higher", "lower", "neutral"

struct MetricInfo {
  std::string name;         ///< snake_case column name, e.g. "satisfaction_mean"
  std::string unit;         ///< e.g. "points 0-100", "share 0-1", "hours/week", "CNY"
  std::string description;  ///< one sentence a planner understands
  Direction direction = Direction::neutral;
  bool headline = false;    ///< shown in run summaries and compared by `shanzhi compare`
};

class MetricRecorder {
 public:
  using Handle = std::size_t;

  /// Declares a metric; names must be unique (throws std::invalid_argument otherwise).
  Handle declare(MetricInfo info);

  /// Starts the row for `week`; its values are NaN until set.
  void begin_row(int week);
  /// Sets a value in the current row.
  void set(Handle metric, double value);

  const std::vector<MetricInfo>& metrics() const { return metrics_; }
  std::size_t row_count() const { return weeks_.size(); }
  int week_of_row(std::size_t row) const { return weeks_[row]; }
  double value(std::size_t row, Handle metric) const { return values_[row * metrics_.size() + metric]; }
  /// The handle of a metric by name, or throws std::out_of_range.
  Handle handle(std::string_view name) const;

  /// Value in the last recorded row.
  double final_value(Handle metric) const { return value(row_count() - 1, metric); }
  /// Mean over the last `rows` rows (or all rows if fewer).
  double mean_of_last(Handle metric, std::size_t rows) const;

 private:
  std::vector<MetricInfo> metrics_;
  std::vector<int> weeks_;
  std::vector<double> values_;  // row-major: row * metric_count + metric
};

}  // namespace shanzhi::sim
