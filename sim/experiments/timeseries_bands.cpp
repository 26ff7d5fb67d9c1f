#include "sim/experiments/timeseries_bands.hpp"

#include <algorithm>

namespace shanzhi::sim::experiments {

std::string_view to_string(Arm arm) {
  switch (arm) {
    case Arm::baseline: return "baseline";
    case Arm::policy: return "policy";
    case Arm::difference: return "difference";
  }
  return "?";
}

std::vector<TimeBand> timeseries_bands(const Comparison& c, double confidence) {
  std::vector<TimeBand> bands;
  if (c.baseline_runs.empty() || c.baseline_runs.size() != c.policy_runs.size()) return bands;
  std::size_t rows = c.baseline_runs.front().weeks.size();
  for (const auto* runs : {&c.baseline_runs, &c.policy_runs})
    for (const auto& run : *runs) rows = std::min(rows, run.weeks.size());

  const std::size_t replicates = c.baseline_runs.size();
  std::vector<double> base(replicates), policy(replicates), difference(replicates);
  for (std::size_t row = 0; row < rows; ++row) {
    for (std::size_t m = 0; m < c.metrics.size(); ++m) {
      for (std::size_t r = 0; r < replicates; ++r) {
        base[r] = c.baseline_runs[r].columns[m][row];
        policy[r] = c.policy_runs[r].columns[m][row];
        difference[r] = policy[r] - base[r];
      }
      const int week = c.baseline_runs.front().weeks[row];
      bands.push_back({week, m, Arm::baseline, mean_with_interval(base, confidence)});
      bands.push_back({week, m, Arm::policy, mean_with_interval(policy, confidence)});
      bands.push_back({week, m, Arm::difference, mean_with_interval(difference, confidence)});
    }
  }
  return bands;
}

}  // namespace shanzhi::sim::experiments
