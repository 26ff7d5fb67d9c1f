#pragma once
// Paired comparison of a baseline with one or more policies under common random numbers:
// replicate r of every arm runs with the same seed, so every agent meets the same random draws
// and the difference isolates the policy. Model-independent: the model supplies a function that
// runs every arm of one replicate and returns each arm's recorded series. Each metric is
// summarised per run by its last-year statistic (run_series.hpp); every run's series is kept for
// time bands (timeseries_bands.hpp).

#include "sim/experiments/analysis.hpp"
#include "sim/experiments/run_series.hpp"
#include "sim/metrics.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace shanzhi::sim::experiments {

struct MetricComparison {
  MetricInfo metric;
  std::string statistic;            ///< how one run is summarised, e.g. "mean of the last 52 recorded weeks"
  std::vector<double> baseline;     ///< per replicate
  std::vector<double> policy;       ///< per replicate
  MeanInterval baseline_summary;
  MeanInterval policy_summary;
  MeanInterval difference;          ///< policy − baseline, paired
  /// Replicates needed for the interval's half-width to fall to a quarter of the effect.
  std::size_t replicates_for_precision = 0;
};

/// "For whom": one breakdown cell (e.g. satisfaction of the elderly, unmet need in one street)
/// compared like a metric, paired by replicate.
struct BreakdownComparison {
  std::string metric;
  std::string breakdown;  ///< "group", "street", "community", "category"
  std::string key;
  MeanInterval baseline;
  MeanInterval policy;
  MeanInterval difference;  ///< policy − baseline, paired
};

struct Comparison {
  std::size_t replicates = 0;
  std::vector<std::uint64_t> seeds;
  std::vector<MetricComparison> metrics;  ///< every compared metric, in the runs' column order
  /// Every breakdown cell both arms recorded in every replicate, in the baseline's order.
  std::vector<BreakdownComparison> breakdowns;
  std::vector<RunSeries> baseline_runs;   ///< per replicate
  std::vector<RunSeries> policy_runs;     ///< per replicate
};

/// Largest seed a replicate gets: scenario seeds are documented up to this (run.seed), so any
/// replicate can be rerun alone with --seed.
inline constexpr std::uint64_t replicate_seed_limit = 4'000'000'000'000'000'000ull;

/// The seeds of replicates 0..replicates−1 derived from `master_seed`.
std::vector<std::uint64_t> replicate_seeds(std::size_t replicates, std::uint64_t master_seed);

/// Runs every arm of one replicate with `seed` and returns their series: element 0 the baseline,
/// then each policy in order. Columns must follow the `metrics` given to compare_paired.
using ReplicateRunner = std::function<std::vector<RunSeries>(std::uint64_t seed)>;

/// Told how many replicates (every arm of each) have finished, one call at a time, for a
/// progress line.
using ReplicateDone = std::function<void(std::size_t replicates_done)>;

/// `replicates` paired replicates of a baseline and `policies` policies (seeds from
/// `master_seed`), replicates spread over threads; one Comparison per policy. Results do not
/// depend on the thread count.
std::vector<Comparison> compare_paired(const std::vector<MetricInfo>& metrics, std::size_t policies,
                                       std::size_t replicates, std::uint64_t master_seed, const ReplicateRunner& run,
                                       const ReplicateDone& on_done = {});

/// The comparison built from runs already made: baseline[r] and policy[r] ran with seeds[r].
Comparison paired_summary(const std::vector<MetricInfo>& metrics, const std::vector<const RunSeries*>& baseline,
                          const std::vector<const RunSeries*>& policy, const std::vector<std::uint64_t>& seeds);

/// The comparison of metric `name`, or nullptr when there is none.
const MetricComparison* find_metric(const Comparison& c, const std::string& name);

/// The cells of `comparison` for one metric and breakdown ("group", "street", ...), in order.
std::vector<const BreakdownComparison*> breakdown_cells(const Comparison& comparison, const std::string& metric,
                                                        const std::string& breakdown);

/// Whether the replicates settle a metric's effect: the interval decides the sign when it
/// excludes zero, and settles the size when its half-width is at most a quarter of the effect.
enum class Precision { one_replicate, no_effect, sign_clear, enough };
Precision precision_of(const MetricComparison& m);

/// "enough", "sign clear; ~N replicates for ±25%" or "no detectable effect" for one metric.
std::string precision_verdict(const MetricComparison& m);

}  // namespace shanzhi::sim::experiments
