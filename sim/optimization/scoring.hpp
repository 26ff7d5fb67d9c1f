#pragma once
// From a policy's simulated values to the numbers an optimizer minimizes and a report shows.
//
//   per-scenario value  m_s = mean over the replicates of scenario s
//   robust value        worst case (the worst m_s in the objective's direction), a quantile (the
//                       q-quantile of m_s on the bad side: the value that a share q of scenarios
//                       does worse than; linear interpolation) or the mean over scenarios; with
//                       no uncertainties there is one scenario and all three are m_0
//   budget              the cost target's robust value on its bad side (the highest cost);
//                       overrun = max(0, cost − limit) / limit
//   fitness             for each objective, −value (maximize) or value (minimize), plus
//                       penalty · overrun: a soft constraint, so the search can cross an
//                       infeasible region, and the report flags any policy over the limit
// A failed run makes its value NaN; the fitness of such a policy is a large finite number
// (`failed_fitness`), so the optimizer moves away from it.

#include "sim/experiments/analysis.hpp"
#include "sim/optimization/evaluator.hpp"

#include <cstdint>
#include <vector>

namespace shanzhi::sim::optimization {

inline constexpr double failed_fitness = 1e12;

/// Mean over replicates of target t in each scenario (NaN if any replicate failed).
std::vector<double> scenario_means(const PolicyResult& result, std::size_t target);

/// The robust value of per-scenario values for an objective with the given direction.
double robust_value(const std::vector<double>& per_scenario, bool maximize, const Robustness& robustness);

/// Where an objective or the budget's cost is in the evaluator's target list.
struct TargetPositions {
  std::vector<std::size_t> objectives;
  std::size_t cost = 0;  ///< meaningful when the budget is active
};

/// The targets an optimization needs (objectives then the budget's cost, each once) and where
/// each objective and the cost sits in that list.
std::vector<Target> optimization_targets(const OptimizationSpec& spec, TargetPositions& positions);

struct PolicyScore {
  std::vector<double> values;   ///< robust value per objective, in its own direction
  double cost = 0;              ///< robust cost (NaN without a budget)
  double overrun = 0;           ///< relative excess over the budget limit (0 within it)
  std::vector<double> fitness;  ///< what the optimizer minimizes, per objective
};

PolicyScore score_policy(const PolicyResult& result, const OptimizationSpec& spec, const TargetPositions& positions);

/// Interval of a robust value from report replicates: a Student-t interval of the mean with one
/// scenario; with several, a percentile bootstrap (replicates resampled within each scenario,
/// `resamples` times, seeded) around the robust value of the scenario means.
struct Interval {
  double value = 0, low = 0, high = 0;
  std::size_t runs = 0;  ///< successful runs behind it
};
Interval robust_interval(const PolicyResult& result, std::size_t target, bool maximize,
                                          const Robustness& robustness, std::uint64_t seed, std::size_t resamples = 1000);

/// Indices of the points not dominated by any other (all objectives minimized), in input order.
std::vector<std::size_t> non_dominated(const std::vector<std::vector<double>>& fitness);

}  // namespace shanzhi::sim::optimization
