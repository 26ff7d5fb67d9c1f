#pragma once
// Paired comparison of two scenarios with common random numbers: replicate r of the baseline
// and of the policy run with the same seed, so every resident meets the same random draws and
// the difference isolates the policy. Each metric is summarised by its mean over the last 52
// recorded weeks (less noisy than the final week).

#include "models/governance/parameters.hpp"
#include "sim/experiments/analysis.hpp"
#include "sim/metrics.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace shanzhi::gov {

struct MetricComparison {
  sim::MetricInfo metric;
  std::vector<double> baseline;     ///< per replicate
  std::vector<double> policy;       ///< per replicate
  sim::experiments::MeanInterval baseline_summary;
  sim::experiments::MeanInterval policy_summary;
  sim::experiments::MeanInterval difference;  ///< policy − baseline, paired
  /// Replicates needed for the interval's half-width to fall to a quarter of the effect.
  std::size_t replicates_for_precision = 0;
};

struct Comparison {
  std::size_t replicates = 0;
  std::vector<std::uint64_t> seeds;
  std::vector<MetricComparison> metrics;  ///< every metric, in recorder order
};

/// Runs `replicates` paired replicates (seeds derived from `master_seed`) of both scenarios,
/// spreading runs over threads; results do not depend on the thread count.
Comparison compare_scenarios(const GovernanceParameters& baseline, const GovernanceParameters& policy,
                             std::size_t replicates, std::uint64_t master_seed);

/// "enough", "more replicates (~N)" or "no detectable effect" for one metric (see comparison.cpp).
std::string precision_verdict(const MetricComparison& m);

}  // namespace shanzhi::gov
