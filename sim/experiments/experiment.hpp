#pragma once
// Experiment files: a base scenario, the factors a design varies, replicates, a master seed and
// the outcomes to keep from each run. Nothing here knows about a particular model: the model
// supplies its parameter schema and metric names (ExperimentSchema), and runs the plans.
//
//   [experiment]
//   name = "purchase_lhs"              # default: the file's stem
//   description = "..."
//   base = "../small_district.toml"    # scenario file, relative to this file (required)
//   weeks = 104                        # sets run.weeks of every run (default: the base's)
//   burn_in_weeks = 52                 # sets run.burn_in_weeks (default: the base's)
//   replicates = 3                     # runs per design point (default 1)
//   seed = 42                          # master seed (default 1)
//   common_seeds = false               # true: replicate r has the same seed at every point
//
//   [design]
//   kind = "lhs"                       # full_factorial | lhs | sobol | morris
//   samples = 50                       # LHS points, Sobol base N, Morris trajectories
//   levels = 4                         # Morris grid levels; full-factorial points per range
//
//   [[factor]] ...                     # see factors.hpp
//
//   [[outcome]]
//   metric = "satisfaction_mean"       # a metric of the model
//   statistic = "final"                # final | mean_last_year | mean | min | max
//
// Seeds: the run of design point p, replicate r (of R replicates) uses
//   seed = derive_seed(master, p·R + r) >> 11
// or, with common_seeds, the seed of point 0 at every point (common random numbers across the
// design: a difference between points is then the factors' and not the draws', which lowers the
// noise of Sobol and Morris estimates; replicates still differ).
// (sim/random.hpp). It depends only on (master, p, r), never on the order in which runs happen or
// on the thread count. The top 53 bits are kept so every seed is exact as a double (R, pandas,
// JSON and spreadsheets read it unchanged) and within any model's run.seed range, so a single
// run can be repeated with `shanzhi run BASE --seed SEED --set KEY=VALUE ...`.

#include "sim/experiments/design.hpp"
#include "sim/experiments/factors.hpp"
#include "sim/metrics.hpp"
#include "sim/parameters.hpp"
#include "sim/scenario/scenario.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace shanzhi::sim::experiments {

/// How a run's time series of one metric becomes one number.
enum class Statistic {
  final,           ///< the value after the last recorded week
  mean_last_year,  ///< mean over the last 52 recorded weeks
  mean,            ///< mean over the recorded horizon (weeks 1..W)
  min,             ///< smallest value over the recorded horizon
  max,             ///< largest value over the recorded horizon
};

std::string_view to_string(Statistic statistic);
/// The statistic named `name`, or nullopt.
std::optional<Statistic> statistic_named(std::string_view name);
/// Every statistic's name, in declaration order.
std::vector<std::string> statistic_names();

struct OutcomeSpec {
  std::string metric;
  Statistic statistic = Statistic::final;
  SourceLocation where;
  /// "satisfaction_mean/final": unique within an experiment.
  std::string label() const;
};

/// The statistic of one metric over a finished run's recorder. Week 0 (the state at the end of
/// burn-in, before the scenario's levers apply) is excluded from mean, min and max; NaN weeks
/// make mean/min/max NaN rather than being skipped, so a gap shows.
double outcome_value(const MetricRecorder& recorder, const OutcomeSpec& outcome);

/// What a model tells the experiment reader: its scenario keys and its metric names.
struct ExperimentSchema {
  std::vector<ParamInfo> parameters;
  std::vector<std::string> metrics;
};

struct Experiment {
  std::string path;          ///< the file as named
  std::string text;          ///< the file's text, for the results store
  std::string name;
  std::string description;
  std::string base_path;     ///< the base scenario, resolved against the experiment's folder
  /// The base scenario with the experiment's `weeks` and `burn_in_weeks` applied (their
  /// locations point into the experiment file). Keys are checked one by one; the model checks
  /// the combination (see models/governance/experiments/experiment_runner.hpp).
  ScenarioDocument base;
  std::int64_t replicates = 1;
  std::uint64_t master_seed = 1;
  bool common_seeds = false;  ///< every point's replicate r runs with the same seed
  DesignSpec design;
  std::vector<Factor> factors;
  std::vector<OutcomeSpec> outcomes;
  /// Things worth saying that do not stop the experiment (e.g. a field its design ignores).
  std::vector<Diagnostic> warnings;
};

/// Reads and validates an experiment file and its base scenario. Throws ScenarioError listing
/// every problem with file:line:column (unknown fields with the nearest valid name, unknown
/// metrics with the nearest metric, a missing base, a bad kind or statistic, replicates < 1, ...).
Experiment load_experiment(const std::filesystem::path& file, const ExperimentSchema& schema);

/// Everything that decides an experiment's results, one "name = value" per line in a fixed
/// order: replicates, seed, design, factors, outcomes and every value of the base scenario
/// (after weeks and burn-in). Comments, layout, name and description do not appear, so editing
/// them does not make stored results stale; any change that would change a run does.
std::string canonical_text(const Experiment& experiment);

/// 64-bit FNV-1a of `text` as 16 hex digits: a change detector for canonical_text (not a
/// defence against someone forging a collision).
std::string fnv1a_hex(std::string_view text);

/// Seed of replicate `replicate` of design point `point` (see the top of this file).
std::uint64_t run_seed(std::uint64_t master, std::uint64_t point, std::uint64_t replicates, std::uint64_t replicate);

/// Scenario keys and values in the order set: the factor settings of a design point, a lever
/// change, a lesson step's levers.
using Settings = std::vector<std::pair<std::string, ParamValue>>;

/// Sets `key` in `settings` to `value`, replacing an earlier value of the key, else appending it.
void set_setting(Settings& settings, const std::string& key, const ParamValue& value);

struct DesignPoint {
  std::size_t index = 0;
  std::vector<double> unit;  ///< coordinates in the unit hypercube, one per factor
  Settings settings;
};

/// One simulation to run: a design point, a replicate and its seed.
struct RunPlan {
  std::size_t point = 0;
  std::size_t replicate = 0;
  std::uint64_t seed = 0;
  Settings settings;
};

/// The design of an experiment and every run it asks for. Points and runs are made on demand
/// from the design matrix, so a plan of 10 million runs costs the matrix (points × factors ×
/// 8 bytes) and nothing per run.
struct ExperimentPlan {
  UnitDesign design;
  std::vector<Factor> factors;
  std::size_t replicates = 1;
  std::uint64_t master_seed = 1;
  bool common_seeds = false;

  std::size_t point_count() const { return design.point_count(); }
  std::size_t run_count() const { return point_count() * replicates; }
  /// Design point `p` (< point_count()): its unit coordinates and factor settings.
  DesignPoint point(std::size_t p) const;
  /// Run `position` (< run_count()), point-major: (0,0), (0,1), ..., (1,0), ...
  /// Throws std::out_of_range past the end.
  RunPlan run(std::size_t position) const;
};

/// The design of `experiment` and every run it asks for. Throws std::invalid_argument for an
/// impossible design size (see build_design).
ExperimentPlan plan_experiment(const Experiment& experiment);

/// Design points `experiment` asks for, with every size check of plan_experiment but without
/// building the design. Throws std::invalid_argument like plan_experiment.
std::size_t planned_point_count(const Experiment& experiment);

/// What became of one run.
struct RunOutcome {
  bool ok = false;
  std::vector<double> values;  ///< one per OutcomeSpec, in order (empty when !ok)
  std::string error;           ///< why the run failed (empty when ok)
  double wall_seconds = 0;
  /// Every metric of every recorded week, when the sweep keeps time series.
  std::optional<MetricRecorder> timeseries;
};

}  // namespace shanzhi::sim::experiments
