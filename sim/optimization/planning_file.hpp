#pragma once
// Optimization files (`shanzhi optimize OPT.toml`) and calibration files (`shanzhi calibrate
// CAL.toml`): what they hold once read and checked. Both start like an experiment file (a base
// scenario, weeks, replicates with common random numbers, a master seed, [[factor]] tables) and
// add what the search needs. Layout (docs/planning.md has the full reference):
//
//   [optimization]                       # or [calibration]
//   base = "../experiments/tiny_district.toml"
//   weeks = 52                           # run.weeks of every run (default: the base's)
//   burn_in_weeks = 8
//   replicates = 4                       # runs per evaluation, seeds shared by every policy (CRN)
//   seed = 11                            # master seed
//   algorithm = "cmaes"                  # cmaes | nsga2 (default: cmaes for one objective)
//   generations = 10
//   population = 8
//   report_points = 5                    # optimization: policies re-evaluated for the report
//   report_replicates = 20               # optimization: fresh replicates per reported policy
//   statistic = "mean_last_year"         # calibration: statistic of headline survey targets
//
//   [[factor]]  role = "lever" | "uncertainty"   (sim/experiments/factors.hpp). Optimization:
//               levers are searched, uncertainties sampled into scenarios. Calibration: every
//               factor is a parameter to fit within [min, max].
//   [[objective]] metric, statistic, direction = "maximize" | "minimize", breakdown, key
//   [budget]      metric, statistic, limit, penalty
//   [robustness]  scenarios, score = "worst" | "quantile" | "mean", quantile

#include "sim/experiments/experiment.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace shanzhi::sim::optimization {

namespace ex = experiments;

/// One number taken from a finished run: a metric's statistic over the recorded weeks, or, when
/// `breakdown` is set, the metric's value for one key of a breakdown (community, category,
/// group, street) at the last week the breakdowns were recorded.
struct Target {
  std::string metric;
  ex::Statistic statistic = ex::Statistic::mean_last_year;
  std::string breakdown;  ///< empty: the district-wide metric
  std::string key;        ///< the breakdown's key, e.g. a community's name
  SourceLocation where;

  /// How the target is named in the results store's `outcomes` table: "metric" for district
  /// metrics, "metric[breakdown=key]" for breakdown cells (statistic "final").
  ex::OutcomeSpec outcome() const;
  /// "metric/statistic" or "metric[breakdown=key]/final".
  std::string label() const { return outcome().label(); }
};

struct Objective {
  Target target;
  bool maximize = true;
};

/// A spending limit on a model metric, enforced by a penalty (see scoring.hpp).
struct Budget {
  bool active = false;
  Target cost;
  double limit = 0;
  double penalty = 100;  ///< objective units per 100% overrun of the limit
};

enum class RobustScore { worst, quantile, mean };

struct Robustness {
  std::size_t scenarios = 1;  ///< sampled settings of the uncertainty factors (1 when there are none)
  RobustScore score = RobustScore::worst;
  double quantile = 0.1;      ///< for score = quantile: the share of scenarios allowed to be worse
};

enum class Algorithm { cmaes, nsga2 };

struct SearchSettings {
  Algorithm algorithm = Algorithm::cmaes;
  std::int64_t generations = 10;
  std::int64_t population = 8;
};

/// What optimization and calibration files share.
struct RunSetup {
  std::string path;
  std::string text;
  std::string name;
  std::string description;
  std::string base_path;
  ScenarioDocument base;  ///< with weeks and burn-in applied
  std::int64_t replicates = 4;
  std::uint64_t master_seed = 1;
  std::vector<ex::Factor> levers;         ///< searched (optimization) or fitted (calibration)
  std::vector<ex::Factor> uncertainties;  ///< sampled into scenarios (optimization only)
  SearchSettings search;
};

struct OptimizationSpec {
  RunSetup setup;
  std::vector<Objective> objectives;
  Budget budget;
  Robustness robustness;
  std::int64_t report_points = 5;
  std::int64_t report_replicates = 20;
  std::vector<Diagnostic> warnings;
};

struct CalibrationSpec {
  RunSetup setup;
  ex::Statistic statistic = ex::Statistic::mean_last_year;  ///< of district-wide survey targets
  std::vector<Diagnostic> warnings;
};

/// Reads and checks an optimization file. Throws ScenarioError listing every problem with
/// file:line:column, the key, what was expected and the nearest valid name.
OptimizationSpec load_optimization(const std::filesystem::path& file, const ex::ExperimentSchema& schema);

/// Reads and checks a calibration file (same conventions).
CalibrationSpec load_calibration(const std::filesystem::path& file, const ex::ExperimentSchema& schema);

/// The experiment the results store keeps for a planning run: factors are the levers then the
/// uncertainties, outcomes the targets, and the design an LHS of `scenarios` points (the
/// uncertainty scenarios). Its canonical text decides whether a database can be resumed.
ex::Experiment store_experiment(const RunSetup& setup, const std::vector<Target>& targets, std::size_t scenarios);

}  // namespace shanzhi::sim::optimization
