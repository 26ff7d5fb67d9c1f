#include "sim/optimization/optimizer.hpp"

#include "sim/optimization/search.hpp"
#include "sim/random.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace shanzhi::sim::optimization {
namespace {

constexpr std::size_t errors_kept = 5;
constexpr std::uint64_t bootstrap_stream = 0x626F6F74ull;  // "boot"

std::string settings_key(const experiments::Settings& settings) {
  std::string key;
  for (const auto& [name, value] : settings) key += name + "=" + format_value(value) + ";";
  return key;
}

/// Evaluations to report: the best `count` distinct settings (one objective), or the
/// non-dominated ones, thinned evenly along the first objective when there are more than `count`.
std::vector<std::size_t> choose_reported(const std::vector<Evaluation>& evaluations, std::size_t objectives,
                                         std::size_t count) {
  std::vector<std::size_t> candidates;
  std::set<std::string> seen;
  std::vector<std::size_t> order(evaluations.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return evaluations[a].score.fitness < evaluations[b].score.fitness;
  });
  for (const auto i : order) {
    if (evaluations[i].score.fitness.front() >= failed_fitness) continue;
    if (seen.insert(settings_key(evaluations[i].result.levers)).second) candidates.push_back(i);
  }
  if (objectives == 1) {
    if (candidates.size() > count) candidates.resize(count);
    return candidates;
  }
  std::vector<std::vector<double>> fitness;
  for (const auto i : candidates) fitness.push_back(evaluations[i].score.fitness);
  std::vector<std::size_t> front;
  for (const auto j : non_dominated(fitness)) front.push_back(candidates[j]);  // sorted by first objective
  if (front.size() <= count) return front;
  std::vector<std::size_t> thinned;
  for (std::size_t k = 0; k < count; ++k)
    thinned.push_back(front[count == 1 ? 0 : k * (front.size() - 1) / (count - 1)]);
  thinned.erase(std::unique(thinned.begin(), thinned.end()), thinned.end());
  return thinned;
}

void add_regret(OptimizationReport& report, const OptimizationSpec& spec, ReportedPolicy& policy) {
  const std::size_t scenarios = report.scenarios.size();
  for (std::size_t o = 0; o < spec.objectives.size(); ++o) {
    const bool maximize = spec.objectives[o].maximize;
    const std::size_t t = report.positions.objectives[o];
    std::vector<double> best(scenarios, std::numeric_limits<double>::quiet_NaN());
    for (const auto& evaluation : report.evaluations) {
      const auto means = scenario_means(evaluation.result, t);
      for (std::size_t s = 0; s < scenarios; ++s)
        if (!std::isnan(means[s]) && (std::isnan(best[s]) || (maximize ? means[s] > best[s] : means[s] < best[s])))
          best[s] = means[s];
    }
    const auto values = scenario_means(report.evaluations[policy.evaluation].result, t);
    std::vector<double> regret;
    double largest = 0;
    for (std::size_t s = 0; s < scenarios; ++s) {
      regret.push_back(maximize ? best[s] - values[s] : values[s] - best[s]);
      largest = std::max(largest, regret.back());
    }
    policy.scenario_values.push_back(values);
    policy.regret.push_back(std::move(regret));
    policy.max_regret.push_back(largest);
  }
}

void add_scenario_report(const OptimizationReport& report, const OptimizationSpec& spec, const PolicyResult& again,
                         ReportedPolicy& policy) {
  for (std::size_t o = 0; o < spec.objectives.size(); ++o) {
    const std::size_t t = report.positions.objectives[o];
    std::vector<experiments::MeanInterval> per_scenario;
    for (const auto& scenario : again.values) {
      std::vector<double> values;
      for (const auto& replicate : scenario)
        if (!std::isnan(replicate[t])) values.push_back(replicate[t]);
      per_scenario.push_back(experiments::mean_with_interval(values));
    }
    policy.scenario_report.push_back(std::move(per_scenario));
  }
}

}  // namespace

experiments::Experiment optimization_store_experiment(const OptimizationSpec& spec) {
  TargetPositions positions;
  return store_experiment(spec.setup, optimization_targets(spec, positions), spec.robustness.scenarios);
}

OptimizationReport optimize(const OptimizationSpec& spec, experiments::ResultsStore& store, const RunFunction& run,
                            int threads, const Progress& progress) {
  OptimizationReport report;
  report.targets = optimization_targets(spec, report.positions);
  report.scenarios = sample_scenarios(spec.setup, spec.robustness.scenarios);
  Evaluator evaluator(spec.setup, report.targets, report.scenarios, store, run, threads);
  const auto search_set = search_replicates(spec.setup);
  // One evaluation per distinct lever settings, not per candidate: candidates that round to the
  // same settings are the same store point and runs, and the database (read back for the GUI's
  // Planning tab) knows only settings, so the report's evaluation ids are its policies' order.
  std::set<std::string> seen;
  const auto note_errors = [&](const PolicyResult& result) {
    for (const auto& error : result.errors)
      if (report.errors.size() < errors_kept &&
          std::find(report.errors.begin(), report.errors.end(), error) == report.errors.end())
        report.errors.push_back(error);
  };

  const BatchFitness fitness = [&](const std::vector<std::vector<double>>& candidates) {
    auto results = evaluator.evaluate(candidates, search_set);
    std::vector<std::vector<double>> out;
    for (auto& result : results) {
      auto score = score_policy(result, spec, report.positions);
      out.push_back(score.fitness);
      note_errors(result);
      if (seen.insert(settings_key(result.levers)).second)
        report.evaluations.push_back({std::move(result), std::move(score)});
    }
    if (progress) progress(report.evaluations.size(), evaluator.runs_simulated(), evaluator.runs_from_store());
    return out;
  };
  run_search(spec.setup.search, spec.setup.levers.size(), spec.objectives.size(), spec.setup.master_seed, fitness);

  const auto chosen = choose_reported(report.evaluations, spec.objectives.size(), static_cast<std::size_t>(spec.report_points));
  std::vector<std::vector<double>> units;
  for (const auto i : chosen) units.push_back(report.evaluations[i].result.unit);
  const auto again = evaluator.evaluate(units, report_replicates(spec.setup, static_cast<std::size_t>(spec.report_replicates)));
  for (std::size_t p = 0; p < chosen.size(); ++p) {
    ReportedPolicy policy;
    policy.evaluation = chosen[p];
    note_errors(again[p]);
    const auto seed = derive_seed(spec.setup.master_seed, bootstrap_stream + p);
    for (std::size_t o = 0; o < spec.objectives.size(); ++o)
      policy.objectives.push_back(robust_interval(again[p], report.positions.objectives[o], spec.objectives[o].maximize,
                                                  spec.robustness, seed));
    if (spec.budget.active) {
      policy.cost = robust_interval(again[p], report.positions.cost, false, spec.robustness, seed);
      policy.within_budget = policy.cost.value <= spec.budget.limit;
    }
    add_regret(report, spec, policy);
    add_scenario_report(report, spec, again[p], policy);
    report.policies.push_back(std::move(policy));
  }
  report.runs_simulated = evaluator.runs_simulated();
  report.runs_from_store = evaluator.runs_from_store();
  return report;
}

}  // namespace shanzhi::sim::optimization
