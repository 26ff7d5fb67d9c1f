#include "sim/metrics.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace shanzhi::sim {
namespace {

void check_declared(MetricRecorder::Handle metric, std::size_t metric_count) {
  if (metric >= metric_count)
    throw std::out_of_range("metric handle " + std::to_string(metric) + " was never declared");
}

}  // namespace

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::higher_is_better: return "higher";
    case Direction::lower_is_better: return "lower";
    case Direction::neutral: return "neutral";
  }
  return "neutral";
}

MetricRecorder::Handle MetricRecorder::declare(MetricInfo info) {
  // Rows are stored flat with a fixed width, so a metric added after the first row would shift
  // every later value into the wrong column.
  if (!weeks_.empty())
    throw std::logic_error("metric '" + info.name + "' declared after recording started");
  const bool taken = std::any_of(metrics_.begin(), metrics_.end(),
                                 [&](const MetricInfo& m) { return m.name == info.name; });
  if (taken) throw std::invalid_argument("metric '" + info.name + "' declared twice");
  metrics_.push_back(std::move(info));
  return metrics_.size() - 1;
}

void MetricRecorder::begin_row(int week) {
  weeks_.push_back(week);
  // NaN marks "not recorded this week" and is written as "nan", never mistaken for a zero.
  values_.resize(values_.size() + metrics_.size(), std::numeric_limits<double>::quiet_NaN());
}

void MetricRecorder::set(Handle metric, double value) {
  if (weeks_.empty()) throw std::logic_error("MetricRecorder::set called before begin_row");
  check_declared(metric, metrics_.size());
  values_[(weeks_.size() - 1) * metrics_.size() + metric] = value;
}

MetricRecorder::Handle MetricRecorder::handle(std::string_view name) const {
  for (Handle h = 0; h < metrics_.size(); ++h)
    if (metrics_[h].name == name) return h;
  throw std::out_of_range("no metric named '" + std::string(name) + "'");
}

double MetricRecorder::mean_of_last(Handle metric, std::size_t rows) const {
  check_declared(metric, metrics_.size());
  const std::size_t count = std::min(rows, row_count());
  if (count == 0) return std::numeric_limits<double>::quiet_NaN();
  // A NaN (unset week) in the window makes the mean NaN: a gap should show, not be averaged away.
  double sum = 0;
  for (std::size_t row = row_count() - count; row < row_count(); ++row) sum += value(row, metric);
  return sum / static_cast<double>(count);
}

}  // namespace shanzhi::sim
