#include "models/governance/comparison.hpp"

#include "models/governance/model.hpp"
#include "sim/random.hpp"

#include <omp.h>

#include <cmath>

namespace shanzhi::gov {
namespace {

struct RunResult {
  RunSeries series;
  std::vector<double> summary;  ///< per compared metric
};

/// One run: its recorded series and the summary statistic of every compared metric.
RunResult run_once(GovernanceParameters params, std::uint64_t seed, const std::vector<sim::MetricInfo>& metrics) {
  params.run.seed = static_cast<std::int64_t>(seed);
  GovernanceModel model(params);
  model.run_to_end();
  RunResult result{series_of(model.recorder()), {}};
  for (std::size_t m = 0; m < metrics.size(); ++m)
    result.summary.push_back(summary_statistic(result.series, m, metrics[m], model.burn_in_weeks()));
  return result;
}

std::size_t replicates_needed(const sim::experiments::MeanInterval& d) {
  if (d.n < 2 || d.mean == 0 || d.half_width == 0) return d.n;
  const double target = std::fabs(d.mean) / 4;
  const double ratio = d.half_width / target;
  return static_cast<std::size_t>(std::ceil(static_cast<double>(d.n) * ratio * ratio));
}

}  // namespace

Comparison compare_scenarios(const GovernanceParameters& baseline, const GovernanceParameters& policy,
                             std::size_t replicates, std::uint64_t master_seed) {
  Comparison result;
  result.replicates = replicates;
  // Seeds are kept inside run.seed's documented range, so any replicate can be rerun with --seed.
  constexpr std::uint64_t seed_range = 4'000'000'000'000'000'000ull;
  for (std::size_t r = 0; r < replicates; ++r) result.seeds.push_back(sim::derive_seed(master_seed, r) % seed_range);

  // One task per (replicate, scenario); each model runs its own loops on one thread.
  const auto metrics = compared_metrics();
  const auto runs = static_cast<int>(2 * replicates);
  std::vector<RunResult> outcomes(static_cast<std::size_t>(runs));
  const int levels = omp_get_max_active_levels();
  omp_set_max_active_levels(1);
#pragma omp parallel for schedule(dynamic, 1)
  for (int run = 0; run < runs; ++run) {
    const auto r = static_cast<std::size_t>(run / 2);
    outcomes[static_cast<std::size_t>(run)] = run_once(run % 2 == 0 ? baseline : policy, result.seeds[r], metrics);
  }
  omp_set_max_active_levels(levels);

  for (std::size_t m = 0; m < metrics.size(); ++m) {
    MetricComparison c;
    c.metric = metrics[m];
    c.statistic = statistic_name(metrics[m]);
    std::vector<double> differences;
    for (std::size_t r = 0; r < replicates; ++r) {
      c.baseline.push_back(outcomes[2 * r].summary[m]);
      c.policy.push_back(outcomes[2 * r + 1].summary[m]);
      differences.push_back(c.policy.back() - c.baseline.back());
    }
    c.baseline_summary = sim::experiments::mean_with_interval(c.baseline);
    c.policy_summary = sim::experiments::mean_with_interval(c.policy);
    c.difference = sim::experiments::mean_with_interval(differences);
    c.replicates_for_precision = replicates_needed(c.difference);
    result.metrics.push_back(std::move(c));
  }
  for (std::size_t r = 0; r < replicates; ++r) {
    result.baseline_runs.push_back(std::move(outcomes[2 * r].series));
    result.policy_runs.push_back(std::move(outcomes[2 * r + 1].series));
  }
  return result;
}

const MetricComparison* find_metric(const Comparison& c, const std::string& name) {
  for (const auto& m : c.metrics)
    if (m.metric.name == name) return &m;
  return nullptr;
}

std::string precision_verdict(const MetricComparison& m) {
  const auto& d = m.difference;
  if (d.n < 2) return "one replicate: no interval";
  // The interval decides the sign when it excludes zero; it settles the size when its half-width
  // is at most a quarter of the effect.
  if (std::fabs(d.mean) <= d.half_width) return "no detectable effect";
  if (d.half_width <= std::fabs(d.mean) / 4) return "enough";
  return "sign clear; ~" + std::to_string(m.replicates_for_precision) + " replicates for ±25%";
}

}  // namespace shanzhi::gov
