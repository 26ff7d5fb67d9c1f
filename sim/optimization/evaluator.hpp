#pragma once
// Evaluating policies (settings of the levers) by simulation, with common random numbers, in
// parallel, through the results store: every (point, replicate) already in the database is taken
// from it instead of being run again, so an interrupted optimization or calibration replays its
// deterministic search and resumes where the runs stopped.
//
// A policy is run in every uncertainty scenario s (one when there are none) and replicate r. The
// store's point is (levers, scenario's uncertainty values); the seed depends only on (s, r) and
// the replicate set, never on the levers, so every policy meets the same random draws (CRN) and
// differences between policies are not seed noise.

#include "sim/experiments/results_store.hpp"
#include "sim/optimization/planning_file.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace shanzhi::sim::optimization {

/// Runs one simulation (model-specific; never throws: a failed run is a failed RunOutcome).
using RunFunction = std::function<ex::RunOutcome(const ex::RunPlan&, const std::vector<Target>&)>;

/// Which replicates an evaluation uses. The search uses replicates 0..R−1; the report re-runs
/// chosen policies with fresh seeds (stored as replicates R.., so they never mix with the
/// search's), which keeps the reported intervals free of the search's selection bias.
struct ReplicateSet {
  std::size_t first_index = 0;  ///< stored replicate number of the first
  std::size_t count = 1;
  std::uint64_t master_seed = 1;
  /// Search: derive_seed(master, s·count + k) >> 11, the sweep's formula (count = replicates is
  /// fixed by the file's canonical text). Report: derive_seed(derive_seed(master, s), k) >> 11,
  /// which does not depend on count, so raising report_replicates keeps the stored ones valid.
  bool nested = false;

  /// Seed of replicate k (0-based within the set) in scenario s.
  std::uint64_t seed(std::size_t scenario, std::size_t k) const;
};

/// Search replicates of a setup, and the report's fresh ones.
ReplicateSet search_replicates(const RunSetup& setup);
ReplicateSet report_replicates(const RunSetup& setup, std::size_t count);

/// values[s][r][t]: target t of replicate r in scenario s (NaN for a failed run).
struct PolicyResult {
  std::vector<double> unit;  ///< lever coordinates in [0, 1]
  ex::Settings levers;
  std::vector<std::vector<std::vector<double>>> values;
  std::vector<std::string> errors;  ///< messages of failed runs
};

/// Scenarios: an LHS of the uncertainty factors (`count` points; one empty scenario without
/// uncertainties), deterministic in the master seed.
struct Scenarios {
  std::vector<std::vector<double>> unit;  ///< per scenario, per uncertainty factor
  std::vector<ex::Settings> settings;
  std::size_t size() const { return settings.size(); }
};
Scenarios sample_scenarios(const RunSetup& setup, std::size_t count);

class Evaluator {
 public:
  Evaluator(const RunSetup& setup, std::vector<Target> targets, Scenarios scenarios, ex::ResultsStore& store,
            RunFunction run, int threads);

  /// Evaluates each policy (lever coordinates in [0, 1]) in every scenario with the replicate
  /// set, running only the runs the store does not hold, in parallel. Results do not depend on
  /// the thread count or on which runs were stored before. Throws StoreError when the store
  /// cannot be written (runs committed before stay).
  std::vector<PolicyResult> evaluate(const std::vector<std::vector<double>>& policies, const ReplicateSet& set);

  /// The lever settings at unit coordinates u (integers rounded as the factors say).
  ex::Settings lever_settings(const std::vector<double>& unit) const;

  const std::vector<Target>& targets() const { return targets_; }
  const Scenarios& scenarios() const { return scenarios_; }
  std::size_t runs_simulated() const { return simulated_; }
  std::size_t runs_from_store() const { return reused_; }

 private:
  struct Job;
  std::size_t point_of(const std::vector<double>& lever_unit, std::size_t scenario);
  void run_jobs(std::vector<Job>& jobs);

  const RunSetup& setup_;
  std::vector<Target> targets_;
  std::vector<ex::OutcomeSpec> outcome_specs_;
  Scenarios scenarios_;
  ex::ResultsStore& store_;
  RunFunction run_;
  int threads_;
  std::map<std::string, std::size_t> point_by_key_;
  std::size_t next_point_ = 0;
  /// (point, replicate) → target values; a failed run maps to NaNs with its error kept.
  std::map<ex::RunKey, std::vector<double>> stored_;
  std::map<ex::RunKey, std::string> stored_errors_;
  std::size_t simulated_ = 0, reused_ = 0;
};

}  // namespace shanzhi::sim::optimization
