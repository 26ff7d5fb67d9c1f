#pragma once
// Paired comparison of two scenarios with common random numbers: replicate r of the baseline
// and of the policy run with the same seed, so every resident meets the same random draws and
// the difference isolates the policy. Each metric is summarised over the last 52 recorded weeks
// (less noisy than the final week; see comparison_series.hpp for the statistic of each metric),
// and every run's recorded series is kept for time bands (timeseries_bands.hpp).

#include "models/governance/comparison_series.hpp"
#include "models/governance/parameters.hpp"
#include "sim/experiments/analysis.hpp"
#include "sim/metrics.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace shanzhi::gov {

struct MetricComparison {
  sim::MetricInfo metric;
  std::string statistic;            ///< how one run is summarised, e.g. "mean of the last 52 recorded weeks"
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
  std::vector<MetricComparison> metrics;  ///< every compared metric (compared_metrics() order)
  std::vector<RunSeries> baseline_runs;   ///< per replicate, columns in compared_metrics() order
  std::vector<RunSeries> policy_runs;     ///< per replicate
};

/// The seeds of replicates 0..replicates−1 derived from `master_seed`, as compare_scenarios uses
/// them (within run.seed's documented range, so any replicate can be rerun with --seed).
std::vector<std::uint64_t> replicate_seeds(std::size_t replicates, std::uint64_t master_seed);

/// The comparison of metric `name`, or nullptr when there is none.
const MetricComparison* find_metric(const Comparison& c, const std::string& name);

/// Runs `replicates` paired replicates (seeds derived from `master_seed`) of both scenarios,
/// spreading runs over threads; results do not depend on the thread count.
Comparison compare_scenarios(const GovernanceParameters& baseline, const GovernanceParameters& policy,
                             std::size_t replicates, std::uint64_t master_seed);

/// The same for several policies against one baseline: the baseline runs once per replicate and
/// is shared, so each result equals compare_scenarios(baseline, policies[i], ...) exactly.
std::vector<Comparison> compare_scenarios(const GovernanceParameters& baseline,
                                          const std::vector<GovernanceParameters>& policies, std::size_t replicates,
                                          std::uint64_t master_seed);

/// "enough", "more replicates (~N)" or "no detectable effect" for one metric (see comparison.cpp).
std::string precision_verdict(const MetricComparison& m);

}  // namespace shanzhi::gov
