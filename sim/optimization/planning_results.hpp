#pragma once
// Reading an optimization's results database back, for the GUI (shanzhi-viz) and for scripts:
// every evaluated policy with its lever settings and robust objective values over the search
// replicates, which policies are on the Pareto front (or best, with one objective), and the base
// scenario a policy is loaded into to watch it run:
//
//   const auto results = sim::optimization::load_planning_results("results/optimize/x.sqlite");
//   for (const auto& policy : results.policies) if (policy.on_front) ...
//   auto params = gov::parameters_with(gov::load_governance_scenario(results.base_path, {}), policy.levers);
//
// Objective directions and the robust score are read from the optimization file's text stored
// in the database, so the file itself need not exist any more; the base scenario must.

#include "sim/experiments/results_store.hpp"
#include "sim/optimization/planning_file.hpp"
#include "sim/optimization/scoring.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace shanzhi::sim::optimization {

struct PlannedPolicy {
  experiments::Settings levers;
  std::vector<std::size_t> points;  ///< the store's point of this policy in each scenario
  std::vector<double> values;       ///< robust value per objective (search replicates; NaN if a run failed)
  double cost = 0;                  ///< robust value of the budget's cost (NaN without a budget)
  bool within_budget = true;
  std::size_t runs = 0;             ///< successful search runs behind the values
  /// Non-dominated on the penalized fitness, as the optimize report chooses (with one
  /// objective: the best policy). The report's re-evaluated intervals are in NAME-policies.csv.
  bool on_front = false;
  /// The report's re-evaluation on its fresh replicates, per objective: the robust value with
  /// its 95% interval (Student-t with one scenario, else a seeded bootstrap of its own, which
  /// may differ in the last digits from NAME-policies.csv). Empty when the policy was not reported.
  std::vector<Interval> reevaluated;
};

struct PlanningResults {
  std::string name;
  std::string file_path;                 ///< the optimization file as named when it was run
  std::string base_path;                 ///< its base scenario, resolved against the file's folder
  std::vector<Objective> objectives;
  Budget budget;
  Robustness robustness;
  std::size_t search_replicates = 0;
  std::uint64_t master_seed = 0;
  std::int64_t weeks = 0;           ///< run.weeks of every run (0: the base scenario's own)
  std::int64_t burn_in_weeks = -1;  ///< run.burn_in_weeks of every run (−1: the base scenario's own)
  std::vector<PlannedPolicy> policies;   ///< in the order the search first evaluated them
};

/// Reads an optimization database. Throws experiments::StoreRefused for a file that is not a
/// results database or holds no optimization (e.g. a sweep's), StoreError when it cannot be read.
PlanningResults load_planning_results(const std::filesystem::path& database);

}  // namespace shanzhi::sim::optimization
