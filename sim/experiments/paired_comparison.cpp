#include "sim/experiments/paired_comparison.hpp"

#include "sim/random.hpp"

#include <omp.h>

#include <cmath>
#include <map>
#include <tuple>
#include <stdexcept>

namespace shanzhi::sim::experiments {
namespace {

std::size_t replicates_needed(const MeanInterval& d) {
  if (d.n < 2 || d.mean == 0 || d.half_width == 0) return d.n;
  const double target = std::fabs(d.mean) / 4;
  const double ratio = d.half_width / target;
  return static_cast<std::size_t>(std::ceil(static_cast<double>(d.n) * ratio * ratio));
}

/// Runs `run` for every seed, spread over threads; each task runs its models on one thread.
std::vector<std::vector<RunSeries>> run_replicates(const std::vector<std::uint64_t>& seeds, std::size_t arms,
                                                   const ReplicateRunner& run, const ReplicateDone& on_done) {
  std::vector<std::vector<RunSeries>> runs(seeds.size());
  std::size_t finished = 0;
  const int levels = omp_get_max_active_levels();
  omp_set_max_active_levels(1);
  std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1)
  for (int r = 0; r < static_cast<int>(seeds.size()); ++r) {
    try {
      runs[static_cast<std::size_t>(r)] = run(seeds[static_cast<std::size_t>(r)]);
      if (on_done) {
#pragma omp critical(shanzhi_paired_progress)
        on_done(++finished);
      }
    } catch (...) {
#pragma omp critical(shanzhi_paired_failure)
      if (!failure) failure = std::current_exception();
    }
  }
  omp_set_max_active_levels(levels);
  if (failure) std::rethrow_exception(failure);
  for (const auto& replicate : runs)
    if (replicate.size() != arms) throw std::logic_error("a replicate runner returned the wrong number of arms");
  return runs;
}

/// The cells both arms recorded in every replicate, compared; cells are matched by (metric,
/// breakdown, key), so arms with different districts compare what they share.
std::vector<BreakdownComparison> compare_breakdowns(const std::vector<const RunSeries*>& baseline,
                                                    const std::vector<const RunSeries*>& policy) {
  using Cell = std::tuple<std::string, std::string, std::string>;
  const auto cell_of = [](const BreakdownSummary& b) { return Cell{b.metric, b.breakdown, b.key}; };
  std::vector<BreakdownComparison> out;
  if (baseline.empty()) return out;
  // Per run, cell → value; the first baseline run gives the order.
  const auto values_of = [&](const RunSeries& run) {
    std::map<Cell, double> values;
    for (const auto& b : run.breakdowns) values.emplace(cell_of(b), b.value);
    return values;
  };
  std::vector<std::map<Cell, double>> base_values, policy_values;
  for (std::size_t r = 0; r < baseline.size(); ++r) {
    base_values.push_back(values_of(*baseline[r]));
    policy_values.push_back(values_of(*policy[r]));
  }
  for (const auto& cell : baseline.front()->breakdowns) {
    const auto key = cell_of(cell);
    std::vector<double> b, p, d;
    for (std::size_t r = 0; r < baseline.size(); ++r) {
      const auto in_base = base_values[r].find(key);
      const auto in_policy = policy_values[r].find(key);
      if (in_base == base_values[r].end() || in_policy == policy_values[r].end()) break;
      b.push_back(in_base->second);
      p.push_back(in_policy->second);
      d.push_back(in_policy->second - in_base->second);
    }
    if (d.size() != baseline.size()) continue;
    out.push_back({cell.metric, cell.breakdown, cell.key, mean_with_interval(b), mean_with_interval(p),
                   mean_with_interval(d)});
  }
  return out;
}

}  // namespace

std::vector<std::uint64_t> replicate_seeds(std::size_t replicates, std::uint64_t master_seed) {
  std::vector<std::uint64_t> seeds;
  for (std::size_t r = 0; r < replicates; ++r) seeds.push_back(derive_seed(master_seed, r) % replicate_seed_limit);
  return seeds;
}

Comparison paired_summary(const std::vector<MetricInfo>& metrics, const std::vector<const RunSeries*>& baseline,
                          const std::vector<const RunSeries*>& policy, const std::vector<std::uint64_t>& seeds) {
  Comparison result;
  result.replicates = seeds.size();
  result.seeds = seeds;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    MetricComparison c;
    c.metric = metrics[m];
    c.statistic = statistic_name(metrics[m]);
    std::vector<double> differences;
    for (std::size_t r = 0; r < seeds.size(); ++r) {
      c.baseline.push_back(summary_statistic(*baseline[r], m, metrics[m]));
      c.policy.push_back(summary_statistic(*policy[r], m, metrics[m]));
      differences.push_back(c.policy.back() - c.baseline.back());
    }
    c.baseline_summary = mean_with_interval(c.baseline);
    c.policy_summary = mean_with_interval(c.policy);
    c.difference = mean_with_interval(differences);
    c.replicates_for_precision = replicates_needed(c.difference);
    result.metrics.push_back(std::move(c));
  }
  result.breakdowns = compare_breakdowns(baseline, policy);
  for (std::size_t r = 0; r < seeds.size(); ++r) {
    result.baseline_runs.push_back(*baseline[r]);
    result.policy_runs.push_back(*policy[r]);
  }
  return result;
}

std::vector<Comparison> compare_paired(const std::vector<MetricInfo>& metrics, std::size_t policies,
                                       std::size_t replicates, std::uint64_t master_seed, const ReplicateRunner& run,
                                       const ReplicateDone& on_done) {
  const auto seeds = replicate_seeds(replicates, master_seed);
  const auto runs = run_replicates(seeds, 1 + policies, run, on_done);
  std::vector<Comparison> results;
  for (std::size_t p = 0; p < policies; ++p) {
    std::vector<const RunSeries*> base_runs, policy_runs;
    for (std::size_t r = 0; r < replicates; ++r) {
      base_runs.push_back(&runs[r][0]);
      policy_runs.push_back(&runs[r][1 + p]);
    }
    results.push_back(paired_summary(metrics, base_runs, policy_runs, seeds));
  }
  return results;
}

const MetricComparison* find_metric(const Comparison& c, const std::string& name) {
  for (const auto& m : c.metrics)
    if (m.metric.name == name) return &m;
  return nullptr;
}

std::vector<const BreakdownComparison*> breakdown_cells(const Comparison& comparison, const std::string& metric,
                                                        const std::string& breakdown) {
  std::vector<const BreakdownComparison*> out;
  for (const auto& b : comparison.breakdowns)
    if (b.metric == metric && b.breakdown == breakdown) out.push_back(&b);
  return out;
}

Precision precision_of(const MetricComparison& m) {
  const auto& d = m.difference;
  if (d.n < 2) return Precision::one_replicate;
  if (std::fabs(d.mean) <= d.half_width) return Precision::no_effect;
  if (d.half_width <= std::fabs(d.mean) / 4) return Precision::enough;
  return Precision::sign_clear;
}

std::string precision_verdict(const MetricComparison& m) {
  switch (precision_of(m)) {
    case Precision::one_replicate: return "one replicate: no interval";
    case Precision::no_effect: return "no detectable effect";
    case Precision::enough: return "enough";
    case Precision::sign_clear: break;
  }
  return "sign clear; ~" + std::to_string(m.replicates_for_precision) + " replicates for ±25%";
}

}  // namespace shanzhi::sim::experiments
