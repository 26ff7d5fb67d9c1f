#pragma once
// One optimization from start to report: open the search's evaluations through the results
// store, run the search, pick the policies to report (the best ones, or the Pareto front),
// re-evaluate them with fresh replicates for intervals, and, with uncertainties, score every
// reported policy in every scenario with its regret. Model-independent: the model comes in as a
// RunFunction.

#include "sim/optimization/evaluator.hpp"
#include "sim/optimization/scoring.hpp"

#include <functional>
#include <string>
#include <vector>

namespace shanzhi::sim::optimization {

/// One distinct policy (lever settings) the search evaluated, in the order it was first asked for:
/// the order of its policies in the results database (load_planning_results).
struct Evaluation {
  PolicyResult result;  ///< search replicates
  PolicyScore score;
};

struct ReportedPolicy {
  std::size_t evaluation = 0;            ///< index into OptimizationReport::evaluations
  std::vector<Interval> objectives;      ///< re-evaluated robust value per objective, 95% interval
  Interval cost;                         ///< re-evaluated robust cost (budget only)
  bool within_budget = true;
  /// [objective][scenario]: mean over the search replicates (CRN with every other candidate),
  /// its regret against the best evaluated candidate in that scenario, and the largest regret.
  std::vector<std::vector<double>> scenario_values;
  std::vector<std::vector<double>> regret;
  std::vector<double> max_regret;
  /// [objective][scenario]: re-evaluated mean with its 95% Student-t interval.
  std::vector<std::vector<experiments::MeanInterval>> scenario_report;
};

struct OptimizationReport {
  std::vector<Target> targets;
  TargetPositions positions;
  Scenarios scenarios;
  std::vector<Evaluation> evaluations;
  std::vector<ReportedPolicy> policies;  ///< best first (one objective) or by the first objective (front)
  std::size_t runs_simulated = 0;
  std::size_t runs_from_store = 0;
  std::vector<std::string> errors;       ///< first messages of failed runs
};

/// Called after every evaluated batch: candidates so far, runs simulated, runs reused.
using Progress = std::function<void(std::size_t, std::size_t, std::size_t)>;

/// The store must have been opened for `store_experiment(spec.setup, targets, scenarios)`.
OptimizationReport optimize(const OptimizationSpec& spec, experiments::ResultsStore& store, const RunFunction& run,
                            int threads, const Progress& progress = {});

/// The experiment to open the store with (targets and scenario count as optimize uses them).
experiments::Experiment optimization_store_experiment(const OptimizationSpec& spec);

}  // namespace shanzhi::sim::optimization
