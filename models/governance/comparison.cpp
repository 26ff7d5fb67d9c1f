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

/// The comparison of one policy's runs with the baseline's, replicate by replicate.
Comparison paired_summary(const std::vector<const RunResult*>& baseline, const std::vector<const RunResult*>& policy,
                          const std::vector<std::uint64_t>& seeds, const std::vector<sim::MetricInfo>& metrics) {
  Comparison result;
  result.replicates = seeds.size();
  result.seeds = seeds;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    MetricComparison c;
    c.metric = metrics[m];
    c.statistic = statistic_name(metrics[m]);
    std::vector<double> differences;
    for (std::size_t r = 0; r < seeds.size(); ++r) {
      c.baseline.push_back(baseline[r]->summary[m]);
      c.policy.push_back(policy[r]->summary[m]);
      differences.push_back(c.policy.back() - c.baseline.back());
    }
    c.baseline_summary = sim::experiments::mean_with_interval(c.baseline);
    c.policy_summary = sim::experiments::mean_with_interval(c.policy);
    c.difference = sim::experiments::mean_with_interval(differences);
    c.replicates_for_precision = replicates_needed(c.difference);
    result.metrics.push_back(std::move(c));
  }
  for (std::size_t r = 0; r < seeds.size(); ++r) {
    result.baseline_runs.push_back(baseline[r]->series);
    result.policy_runs.push_back(policy[r]->series);
  }
  return result;
}

}  // namespace

/// Replicate seeds derived from the master seed, kept inside run.seed's documented range so any
/// replicate can be rerun with --seed.
std::vector<std::uint64_t> replicate_seeds(std::size_t replicates, std::uint64_t master_seed) {
  constexpr std::uint64_t seed_range = 4'000'000'000'000'000'000ull;
  std::vector<std::uint64_t> seeds;
  for (std::size_t r = 0; r < replicates; ++r) seeds.push_back(sim::derive_seed(master_seed, r) % seed_range);
  return seeds;
}

std::vector<Comparison> compare_scenarios(const GovernanceParameters& baseline,
                                          const std::vector<GovernanceParameters>& policies, std::size_t replicates,
                                          std::uint64_t master_seed) {
  const auto seeds = replicate_seeds(replicates, master_seed);
  const auto metrics = compared_metrics();
  // One task per (replicate, scenario), scenario 0 the baseline; each model runs its own loops
  // on one thread.
  const std::size_t scenarios = 1 + policies.size();
  const auto runs = static_cast<int>(scenarios * replicates);
  std::vector<RunResult> outcomes(static_cast<std::size_t>(runs));
  const int levels = omp_get_max_active_levels();
  omp_set_max_active_levels(1);
#pragma omp parallel for schedule(dynamic, 1)
  for (int run = 0; run < runs; ++run) {
    const auto r = static_cast<std::size_t>(run) / scenarios, k = static_cast<std::size_t>(run) % scenarios;
    outcomes[static_cast<std::size_t>(run)] = run_once(k == 0 ? baseline : policies[k - 1], seeds[r], metrics);
  }
  omp_set_max_active_levels(levels);

  std::vector<Comparison> results;
  for (std::size_t p = 0; p < policies.size(); ++p) {
    std::vector<const RunResult*> base_runs, policy_runs;
    for (std::size_t r = 0; r < replicates; ++r) {
      base_runs.push_back(&outcomes[r * scenarios]);
      policy_runs.push_back(&outcomes[r * scenarios + 1 + p]);
    }
    results.push_back(paired_summary(base_runs, policy_runs, seeds, metrics));
  }
  return results;
}

Comparison compare_scenarios(const GovernanceParameters& baseline, const GovernanceParameters& policy,
                             std::size_t replicates, std::uint64_t master_seed) {
  return std::move(compare_scenarios(baseline, std::vector<GovernanceParameters>{policy}, replicates, master_seed).front());
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
