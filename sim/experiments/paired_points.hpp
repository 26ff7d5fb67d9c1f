#pragma once
// Paired replicates at several points of a design: at each point (a set of scenario settings)
// every arm runs with each of the same replicate seeds, and each policy's paired difference from
// the baseline is averaged over the replicates. The building block of comparisons under
// assumptions (assumption_comparison.hpp): (point, replicate) tasks are spread over threads, and
// only the effects are kept, not the runs, so thousands of runs fit in memory.

#include "sim/experiments/paired_comparison.hpp"
#include "sim/parameters.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace shanzhi::sim::experiments {

/// One scenario key set to one value at a point.
using Setting = std::pair<std::string, ParamValue>;

/// The runner of one replicate of every arm (baseline first, then each policy) at a point with
/// these settings. Called once per point, on one thread, before any run; throws (any
/// std::exception) when the settings do not make a valid scenario, and the point is then
/// recorded as failed with the message.
using ArmsAtPoint = std::function<ReplicateRunner(const std::vector<Setting>& settings)>;

/// Reports progress after every finished replicate (all arms of one seed at one point):
/// replicates done so far and in all. Calls are serialised.
using ReplicateProgress = std::function<void(std::size_t done, std::size_t total)>;

/// The effects at one point, means over its replicates of policy − baseline.
struct PointEffects {
  std::string error;         ///< why the point failed (its settings or a run), or empty
  std::vector<int> weeks;    ///< recorded weeks every run of the point has (when weekly effects are kept)
  /// Summary statistic (run_series.hpp): effect of policy p on metric m at [p · metrics + m].
  std::vector<double> effects;
  /// Week by week: effect of policy p on metric m at row w at [(p · weeks + w) · metrics + m].
  std::vector<double> weekly;
  bool ok() const { return error.empty(); }
};

/// Runs every point with every seed. `metrics` are the columns each run returns; `keep_weekly`
/// asks for the week-by-week effects as well. Results do not depend on the thread count.
std::vector<PointEffects> run_paired_points(const std::vector<std::vector<Setting>>& points,
                                            const std::vector<std::uint64_t>& seeds,
                                            const std::vector<MetricInfo>& metrics, std::size_t policies,
                                            bool keep_weekly, const ArmsAtPoint& arms,
                                            const ReplicateProgress& progress = {});

}  // namespace shanzhi::sim::experiments
