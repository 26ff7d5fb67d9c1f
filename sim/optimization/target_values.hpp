#pragma once
// One finished run reduced to the targets an optimization or calibration asks for, from what any
// model records: district-wide targets are a metric's statistic over the recorded weeks (as in
// sweeps); breakdown targets are one cell of the breakdown table (e.g. a community, a street, a
// population group) at the last week breakdowns were recorded. Metrics are found by name, so a
// model's new metrics need no change here.

#include "sim/breakdowns.hpp"
#include "sim/metrics.hpp"
#include "sim/optimization/planning_file.hpp"

#include <vector>

namespace shanzhi::sim::optimization {

/// One value per target, in order. Throws std::invalid_argument naming the breakdown keys that
/// exist when a breakdown cell is not in the table, and std::out_of_range for an unknown metric.
std::vector<double> target_values(const MetricRecorder& recorder, const BreakdownTable& breakdowns,
                                  const std::vector<Target>& targets);

}  // namespace shanzhi::sim::optimization
