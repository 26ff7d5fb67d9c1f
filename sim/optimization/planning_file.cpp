// Reading optimization and calibration files: every problem at once, with file:line:column, the
// key, what was expected and the nearest valid name (the conventions of scenario and experiment
// files).

#include "sim/optimization/planning_file.hpp"

#include "sim/scenario/file_text.hpp"
#include "sim/scenario/input_file_reader.hpp"
#include "sim/scenario/toml_values.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

namespace shanzhi::sim::optimization {
namespace {

namespace fs = std::filesystem;
using detail::describe_node;

const std::vector<std::string> common_fields{"name",      "description", "base",       "weeks",     "burn_in_weeks",
                                             "replicates", "seed",        "algorithm", "generations", "population"};
const std::vector<std::string> optimization_only{"report_points", "report_replicates"};
const std::vector<std::string> target_fields{"metric", "statistic", "breakdown", "key"};
const std::vector<std::string> algorithm_names{"cmaes", "nsga2"};
const std::vector<std::string> direction_names{"maximize", "minimize"};
const std::vector<std::string> score_names{"worst", "quantile", "mean"};

constexpr std::int64_t max_replicates = 10'000;
constexpr std::int64_t max_generations = 100'000;
constexpr std::int64_t max_population = 10'000;
constexpr std::int64_t max_scenarios = 10'000;

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

/// Reads the parts both file kinds share and collects every problem.
class PlanningReader : public InputFileReader {
 public:
  PlanningReader(const fs::path& file, const ex::ExperimentSchema& schema, std::string main_table)
      : InputFileReader(file, schema.parameters), schema_(schema), main_(std::move(main_table)) {
    setup_.path = file.string();
  }

  /// Parses the file; false (with the problem recorded) when it cannot be parsed at all.
  bool parse() {
    const auto text = detail::read_scenario_text(file_);
    if (text.problem) {
      const SourceLocation where{setup_.path, text.problem->line, text.problem->column};
      if (text.problem->cannot_open) error(where, "", "cannot read " + main_ + " file: " + text.problem->message);
      else if (text.problem->line == 0) error(where, "", "file is empty: a " + main_ + " file needs a [" + main_ + "] table");
      else error(where, "", text.problem->message);
      return false;
    }
    setup_.text = text.text;
    try {
      root_ = toml::parse(setup_.text, std::string_view{setup_.path});
    } catch (const toml::parse_error& e) {
      error(at(e.source()), "", "invalid TOML: " + std::string(e.description()));
      return false;
    }
    return true;
  }

  const toml::table& root() const { return root_; }
  RunSetup& setup() { return setup_; }

  void check_top_level(const std::vector<std::string>& allowed) { check_names(root_, "", allowed, "unknown table"); }

  /// The [main] table's shared fields; `extra` are the fields only this file kind has.
  const toml::table* read_main_table(const std::vector<std::string>& extra) {
    const auto* table = section(main_, true);
    if (!table) return nullptr;
    check_names(*table, main_, joined(common_fields, extra), "unknown field");
    setup_.name = text_field(*table, main_, "name").value_or(file_.stem().string());
    setup_.description = text_field(*table, main_, "description").value_or("");
    setup_.replicates = integer_field(*table, main_, "replicates", 1, max_replicates).value_or(setup_.replicates);
    if (const auto seed = integer_field(*table, main_, "seed", 0, std::numeric_limits<std::int64_t>::max()))
      setup_.master_seed = static_cast<std::uint64_t>(*seed);
    setup_.search.generations = integer_field(*table, main_, "generations", 1, max_generations).value_or(10);
    setup_.search.population = integer_field(*table, main_, "population", 5, max_population).value_or(8);
    read_base_with_run_keys(*table, main_, setup_.base_path, setup_.base);
    return table;
  }

  /// Reads `algorithm`; nullopt when absent.
  std::optional<Algorithm> read_algorithm(const toml::table& table) {
    const auto name = choice_field(table, main_, "algorithm", algorithm_names);
    if (!name) return std::nullopt;
    return *name == "nsga2" ? Algorithm::nsga2 : Algorithm::cmaes;
  }

  void read_factor_tables(bool allow_uncertainties) {
    std::vector<Diagnostic> found;
    auto factors = ex::read_factors(root_, setup_.path, schema_.parameters, found);
    for (const auto& d : found) problems_.push_back(d);
    for (auto& factor : factors) {
      if (factor.key == "run.seed") {
        error(factor.where, "run.seed", "cannot be a factor: seeds come from [" + main_ + "] seed and replicates");
        continue;
      }
      const bool lever = factor.role == ex::FactorRole::lever || !allow_uncertainties;
      if (lever && factor.is_list()) {
        error(factor.where, factor.key,
              "a searched or fitted factor needs a range (min and max), not a list of values");
        continue;
      }
      if (lever && factor.distribution != ex::Distribution::uniform) {
        error(factor.where, factor.key,
              allow_uncertainties ? "a lever is searched over its range; a distribution only applies to role = \"uncertainty\""
                                  : "a fitted parameter is searched over its range [min, max]; leave out the distribution");
        continue;
      }
      (lever ? setup_.levers : setup_.uncertainties).push_back(std::move(factor));
    }
    if (setup_.levers.empty() && found.empty())
      error(SourceLocation{setup_.path, 0, 0}, "factor",
            allow_uncertainties ? "no [[factor]] with role = \"lever\": name at least one lever to search"
                                : "no [[factor]]: name at least one parameter to fit");
  }

  /// One target table: metric, statistic, breakdown, key. `extra` fields are checked by the caller.
  std::optional<Target> read_target(const toml::table& table, const std::string& prefix,
                                    const std::vector<std::string>& extra, ex::Statistic default_statistic) {
    check_names(table, prefix, joined(target_fields, extra), "unknown field");
    Target target;
    target.where = at(table.source());
    target.statistic = default_statistic;
    const auto metric = metric_field(table, prefix);
    bool ok = metric.has_value();
    if (metric) target.metric = *metric;
    if (table.get("statistic")) {
      const auto name = choice_field(table, prefix, "statistic", ex::statistic_names());
      if (name) target.statistic = *ex::statistic_named(*name);
      ok = ok && name.has_value();
    }
    target.breakdown = text_field(table, prefix, "breakdown").value_or("");
    target.key = text_field(table, prefix, "key").value_or("");
    if (target.breakdown.empty() != target.key.empty()) {
      error(target.where, prefix + ".breakdown",
            "breakdown and key go together, e.g. breakdown = \"group\" and key = \"elderly\"");
      ok = false;
    }
    if (!ok) return std::nullopt;
    return target;
  }

  /// The table `name`; reports it missing when `required`, or of the wrong kind.
  const toml::table* section(const std::string& name, bool required) {
    const auto* node = root_.get(name);
    if (!node) {
      if (required) error(SourceLocation{setup_.path, 0, 0}, name, "missing [" + name + "] table");
      return nullptr;
    }
    const auto* table = node->as_table();
    if (!table) error(at(node->source()), name, "expected a [" + name + "] table, got " + describe_node(*node));
    return table;
  }

  /// The [[name]] array of tables (empty when absent or wrong).
  std::vector<const toml::table*> table_array(const std::string& name) {
    std::vector<const toml::table*> out;
    const auto* node = root_.get(name);
    if (!node) return out;
    const auto* array = node->as_array();
    if (!array || !array->is_array_of_tables()) {
      error(at(node->source()), name, "expected [[" + name + "]] tables (double brackets), got " + describe_node(*node));
      return out;
    }
    for (const auto& element : *array) out.push_back(element.as_table());
    return out;
  }

  std::optional<std::string> choice_field(const toml::table& table, const std::string& prefix, std::string_view field,
                                          const std::vector<std::string>& choices) {
    const auto name = text_field(table, prefix, field);
    if (!name) return std::nullopt;
    if (std::find(choices.begin(), choices.end(), *name) != choices.end()) return name;
    std::string message = "unknown " + std::string(field) + " \"" + *name + "\"; expected one of " + one_of(choices);
    if (const auto near = nearest_key(*name, choices); !near.empty()) message += "; did you mean '" + near + "'?";
    error(at(table.get(field)->source()), prefix + "." + std::string(field), message);
    return std::nullopt;
  }

  /// A finite number in [min, max] (integers accepted).
  std::optional<double> number_field(const toml::table& table, const std::string& prefix, std::string_view field,
                                     double min, double max) {
    const auto* node = table.get(field);
    if (!node) return std::nullopt;
    std::optional<double> value;
    if (const auto* real = node->as_floating_point()) value = real->get();
    if (const auto* whole = node->as_integer()) value = static_cast<double>(whole->get());
    if (!value || !std::isfinite(*value) || *value < min || *value > max) {
      error(at(node->source()), prefix + "." + std::string(field),
            "expected a number between " + format_value(min) + " and " + format_value(max) + ", got " +
                describe_node(*node));
      return std::nullopt;
    }
    return value;
  }

  /// Throws every problem if any is an error; returns the warnings otherwise.
  std::vector<Diagnostic> finish() { return warnings_or_throw(); }

 private:
  std::optional<std::string> metric_field(const toml::table& table, const std::string& prefix) {
    const auto* node = table.get("metric");
    if (!node) {
      error(at(table.source()), prefix + ".metric", "missing: name a metric of the model, e.g. metric = \"satisfaction_mean\"");
      return std::nullopt;
    }
    auto metric = text_field(table, prefix, "metric");
    if (!metric) return std::nullopt;
    if (std::find(schema_.metrics.begin(), schema_.metrics.end(), *metric) != schema_.metrics.end()) return metric;
    std::string message = "unknown metric '" + *metric + "'";
    if (const auto near = nearest_key(*metric, schema_.metrics); !near.empty()) message += "; did you mean '" + near + "'?";
    error(at(node->source()), prefix + ".metric", message);
    return std::nullopt;
  }

  const ex::ExperimentSchema& schema_;
  const std::string main_;
  RunSetup setup_;
  toml::table root_;
};

void read_objectives(PlanningReader& reader, OptimizationSpec& spec) {
  const auto tables = reader.table_array("objective");
  if (tables.empty() && !reader.root().get("objective"))
    reader.error(SourceLocation{spec.setup.path, 0, 0}, "objective",
                 "no [[objective]] tables: name what to optimize, e.g.\n  [[objective]]\n  metric = \"satisfaction_mean\"\n"
                 "  direction = \"maximize\"");
  std::set<std::string> seen;
  for (const auto* table : tables) {
    const auto direction = reader.choice_field(*table, "objective", "direction", direction_names);
    if (!table->get("direction"))
      reader.error(reader.at(table->source()), "objective.direction", "missing: expected one of maximize | minimize");
    auto target = reader.read_target(*table, "objective", {"direction"}, ex::Statistic::mean_last_year);
    if (!target || !direction) continue;
    if (!seen.insert(target->label()).second) {
      reader.error(target->where, "objective", "'" + target->label() + "' is listed twice");
      continue;
    }
    spec.objectives.push_back({*target, *direction == "maximize"});
  }
}

void read_budget(PlanningReader& reader, OptimizationSpec& spec) {
  const auto* table = reader.section("budget", false);
  if (!table) return;
  auto target = reader.read_target(*table, "budget", {"limit", "penalty"}, ex::Statistic::max);
  const auto limit = reader.number_field(*table, "budget", "limit", 0, 1e18);
  if (!table->get("limit")) reader.error(reader.at(table->source()), "budget.limit", "missing: the most the metric may reach");
  const auto penalty = reader.number_field(*table, "budget", "penalty", 0, 1e12);
  if (!target || !limit) return;
  if (*limit <= 0) return reader.error(reader.at(table->get("limit")->source()), "budget.limit", "expected a limit above 0");
  spec.budget = {true, *target, *limit, penalty.value_or(spec.budget.penalty)};
}

void read_robustness(PlanningReader& reader, OptimizationSpec& spec) {
  const auto* table = reader.section("robustness", false);
  const bool uncertain = !spec.setup.uncertainties.empty();
  if (!table) {
    if (uncertain)
      reader.error(SourceLocation{spec.setup.path, 0, 0}, "robustness",
                   "uncertainty factors need a [robustness] table with scenarios = N (how many settings to sample)");
    return;
  }
  reader.check_names(*table, "robustness", {"scenarios", "score", "quantile"}, "unknown field");
  if (!uncertain) {
    reader.error(reader.at(table->source()), "robustness",
                 "no [[factor]] with role = \"uncertainty\" to sample scenarios from");
    return;
  }
  const auto scenarios = reader.integer_field(*table, "robustness", "scenarios", 1, max_scenarios);
  if (!table->get("scenarios"))
    reader.error(reader.at(table->source()), "robustness.scenarios", "missing: how many uncertainty settings to sample");
  if (scenarios) spec.robustness.scenarios = static_cast<std::size_t>(*scenarios);
  if (const auto score = reader.choice_field(*table, "robustness", "score", score_names))
    spec.robustness.score = *score == "worst" ? RobustScore::worst : *score == "mean" ? RobustScore::mean : RobustScore::quantile;
  if (const auto q = reader.number_field(*table, "robustness", "quantile", 0, 1)) spec.robustness.quantile = *q;
  if (table->get("quantile") && spec.robustness.score != RobustScore::quantile)
    reader.warn(reader.at(table->get("quantile")->source()), "robustness.quantile",
                "only score = \"quantile\" uses quantile; it is ignored");
}

}  // namespace

ex::OutcomeSpec Target::outcome() const {
  ex::OutcomeSpec spec;
  spec.where = where;
  if (breakdown.empty()) {
    spec.metric = metric;
    spec.statistic = statistic;
  } else {
    spec.metric = metric + "[" + breakdown + "=" + key + "]";
    spec.statistic = ex::Statistic::final;
  }
  return spec;
}

OptimizationSpec load_optimization(const fs::path& file, const ex::ExperimentSchema& schema) {
  PlanningReader reader(file, schema, "optimization");
  OptimizationSpec spec;
  if (!reader.parse()) reader.finish();
  reader.check_top_level({"optimization", "factor", "objective", "budget", "robustness"});
  const auto* table = reader.read_main_table(optimization_only);
  reader.read_factor_tables(true);
  spec.setup = reader.setup();
  read_objectives(reader, spec);
  read_budget(reader, spec);
  read_robustness(reader, spec);
  if (table) {
    spec.report_points = reader.integer_field(*table, "optimization", "report_points", 1, 1000).value_or(5);
    spec.report_replicates = reader.integer_field(*table, "optimization", "report_replicates", 2, max_replicates).value_or(20);
    const auto algorithm = reader.read_algorithm(*table);
    spec.setup.search.algorithm =
        algorithm.value_or(spec.objectives.size() > 1 ? Algorithm::nsga2 : Algorithm::cmaes);
    if (algorithm == Algorithm::cmaes && spec.objectives.size() > 1)
      reader.error(reader.at(table->get("algorithm")->source()), "optimization.algorithm",
                   "cmaes optimizes one objective; with several objectives use \"nsga2\" (a Pareto front)");
    if (spec.setup.search.algorithm == Algorithm::nsga2 && spec.setup.search.population % 4 != 0)
      reader.error(reader.at(table->source()), "optimization.population",
                   "nsga2 needs a population that is a multiple of 4 (got " + std::to_string(spec.setup.search.population) + ")");
  }
  spec.warnings = reader.finish();
  return spec;
}

CalibrationSpec load_calibration(const fs::path& file, const ex::ExperimentSchema& schema) {
  PlanningReader reader(file, schema, "calibration");
  CalibrationSpec spec;
  if (!reader.parse()) reader.finish();
  reader.check_top_level({"calibration", "factor"});
  const auto* table = reader.read_main_table({"statistic"});
  reader.read_factor_tables(false);
  if (table) {
    if (const auto name = reader.choice_field(*table, "calibration", "statistic", ex::statistic_names()))
      spec.statistic = *ex::statistic_named(*name);
    if (const auto algorithm = reader.read_algorithm(*table); algorithm == Algorithm::nsga2)
      reader.error(reader.at(table->get("algorithm")->source()), "calibration.algorithm",
                   "calibration minimizes one distance; use \"cmaes\"");
  }
  spec.setup = reader.setup();
  spec.warnings = reader.finish();
  return spec;
}

ex::Experiment store_experiment(const RunSetup& setup, const std::vector<Target>& targets, std::size_t scenarios) {
  ex::Experiment experiment;
  experiment.path = setup.path;
  experiment.text = setup.text;
  experiment.name = setup.name;
  experiment.description = setup.description;
  experiment.base_path = setup.base_path;
  experiment.base = setup.base;
  experiment.replicates = setup.replicates;
  experiment.master_seed = setup.master_seed;
  experiment.design.kind = ex::DesignKind::latin_hypercube;
  experiment.design.samples = static_cast<std::int64_t>(scenarios);
  experiment.factors = setup.levers;
  experiment.factors.insert(experiment.factors.end(), setup.uncertainties.begin(), setup.uncertainties.end());
  for (const auto& target : targets) experiment.outcomes.push_back(target.outcome());
  return experiment;
}

}  // namespace shanzhi::sim::optimization
