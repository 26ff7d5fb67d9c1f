// Experiment files: reading and checking them (every problem at once, with file:line:column),
// their canonical text and hash, the statistics of outcomes, and the list of runs they ask for.

#include "sim/experiments/experiment.hpp"

#include "sim/random.hpp"
#include "sim/scenario/file_text.hpp"
#include "sim/scenario/input_file_reader.hpp"
#include "sim/scenario/toml_values.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

namespace shanzhi::sim::experiments {
namespace {

namespace fs = std::filesystem;
using detail::describe_node;

const std::vector<std::string> top_level_names{"experiment", "design", "factor", "outcome"};
const std::vector<std::string> experiment_fields{"name",       "description", "base",        "weeks", "burn_in_weeks",
                                                 "replicates", "seed",        "common_seeds"};
const std::vector<std::string> design_fields{"kind", "samples", "levels"};
const std::vector<std::string> outcome_fields{"metric", "statistic"};

struct NamedKind {
  std::string_view name;
  DesignKind kind;
};
constexpr NamedKind design_kinds[] = {{"full_factorial", DesignKind::full_factorial},
                                      {"lhs", DesignKind::latin_hypercube},
                                      {"sobol", DesignKind::sobol},
                                      {"morris", DesignKind::morris}};

constexpr Statistic all_statistics[] = {Statistic::final, Statistic::mean_last_year, Statistic::mean, Statistic::min,
                                        Statistic::max};

// Sizes past these are typing mistakes, not experiments anyone can run.
constexpr std::int64_t max_samples = 10'000'000;
constexpr std::int64_t max_levels = 1'000;
constexpr std::int64_t max_replicates = 100'000;
// Points × replicates: each run is planned in memory before the sweep starts (a few hundred bytes
// each), so ten million runs is already gigabytes. Found by fuzzing: 10 million LHS points × 100,000
// replicates passed every single-field limit and then ran out of memory while planning.
constexpr std::size_t max_runs = 10'000'000;

/// Refuses an experiment with more runs than max_runs (std::invalid_argument, like build_design).
void check_run_count(std::size_t points, std::int64_t replicates) {
  const auto per_point = static_cast<std::size_t>(std::max<std::int64_t>(replicates, 1));
  if (points > max_runs / per_point)
    throw std::invalid_argument(std::to_string(points) + " points x " + std::to_string(replicates) +
                                " replicates would be more than the limit of 10 million runs");
}

constexpr std::size_t weeks_per_year = 52;

std::string_view design_kind_name(DesignKind kind) {
  for (const auto& k : design_kinds)
    if (k.kind == kind) return k.name;
  return "?";
}

std::vector<std::string> design_kind_names() {
  std::vector<std::string> out;
  for (const auto& k : design_kinds) out.emplace_back(k.name);
  return out;
}

/// Level counts of list factors (0 for ranges), as build_design wants them.
std::vector<std::size_t> list_levels(const std::vector<Factor>& factors) {
  std::vector<std::size_t> levels;
  for (const auto& factor : factors) levels.push_back(factor.level_count());
  return levels;
}

/// Reads one experiment file. Problems in the experiment file itself are sorted by position;
/// problems inside the base scenario follow, as that file's loader reported them.
class ExperimentReader : InputFileReader {
 public:
  ExperimentReader(const fs::path& file, const ExperimentSchema& schema)
      : InputFileReader(file, schema.parameters), schema_(schema) {
    experiment_.path = file.string();
  }

  Experiment read() {
    const auto text = detail::read_scenario_text(file_);
    if (text.problem) {
      report_unreadable(*text.problem);
      throw ScenarioError(problems_);
    }
    experiment_.text = text.text;
    toml::table root;
    try {
      root = toml::parse(experiment_.text, std::string_view{experiment_.path});
    } catch (const toml::parse_error& e) {
      error(at(e.source()), "", "invalid TOML: " + std::string(e.description()));
      throw ScenarioError(problems_);
    }
    check_names(root, "", top_level_names, "unknown table");
    read_experiment_table(root);
    read_design_table(root);
    read_factor_tables(root);
    read_outcome_tables(root);
    check_design_size();
    finish();
    return std::move(experiment_);
  }

 private:
  // --- [experiment] ---------------------------------------------------------------------------

  void read_experiment_table(const toml::table& root) {
    const auto* table = section(root, "experiment", "the base scenario, replicates and master seed");
    if (!table) return;
    check_names(*table, "experiment", experiment_fields, "unknown field");
    experiment_.name = text_field(*table, "experiment", "name").value_or(file_.stem().string());
    experiment_.description = text_field(*table, "experiment", "description").value_or("");
    experiment_.replicates =
        integer_field(*table, "experiment", "replicates", 1, max_replicates).value_or(experiment_.replicates);
    const auto seed = integer_field(*table, "experiment", "seed", 0, std::numeric_limits<std::int64_t>::max());
    if (seed) experiment_.master_seed = static_cast<std::uint64_t>(*seed);
    experiment_.common_seeds = boolean_field(*table, "experiment", "common_seeds").value_or(false);
    read_base_with_run_keys(*table, "experiment", experiment_.base_path, experiment_.base);
  }

  // --- [design] -------------------------------------------------------------------------------

  void read_design_table(const toml::table& root) {
    const auto* table = section(root, "design", "the kind of design and its size");
    if (!table) return;
    design_where_ = at(table->source());
    check_names(*table, "design", design_fields, "unknown field");
    const bool kind_ok = read_design_kind(*table);
    const auto samples = integer_field(*table, "design", "samples", 1, max_samples);
    const auto levels = integer_field(*table, "design", "levels", 2, max_levels);
    if (levels) experiment_.design.levels = *levels;
    if (!kind_ok) return;
    const bool uses_samples = experiment_.design.kind != DesignKind::full_factorial;
    if (samples) experiment_.design.samples = *samples;
    if (uses_samples && !table->get("samples"))
      error(design_where_, "design.samples",
            "missing: a " + std::string(design_kind_name(experiment_.design.kind)) + " design needs samples (" +
                samples_meaning() + ")");
    if (!uses_samples && table->get("samples"))
      warn(at(table->get("samples")->source()), "design.samples",
           "a full factorial design takes every combination of levels; samples is ignored");
    const bool uses_levels =
        experiment_.design.kind == DesignKind::full_factorial || experiment_.design.kind == DesignKind::morris;
    if (!uses_levels && table->get("levels"))
      warn(at(table->get("levels")->source()), "design.levels",
           "only full_factorial and morris designs use levels; it is ignored");
  }

  bool read_design_kind(const toml::table& table) {
    const auto* node = table.get("kind");
    if (!node) {
      error(at(table.source()), "design.kind", "missing: expected one of " + one_of(design_kind_names()));
      return false;
    }
    const auto kind = text_field(table, "design", "kind");
    if (!kind) return false;
    for (const auto& k : design_kinds) {
      if (k.name != *kind) continue;
      experiment_.design.kind = k.kind;
      return true;
    }
    std::string message = "unknown design kind \"" + *kind + "\"; expected one of " + one_of(design_kind_names());
    if (const auto near = nearest_key(*kind, design_kind_names()); !near.empty())
      message += "; did you mean '" + near + "'?";
    error(at(node->source()), "design.kind", message);
    return false;
  }

  std::string samples_meaning() const {
    switch (experiment_.design.kind) {
      case DesignKind::latin_hypercube: return "the number of points";
      case DesignKind::sobol: return "the base sample size N; the design has N·(factors + 2) points";
      case DesignKind::morris: return "the number of trajectories";
      case DesignKind::full_factorial: break;
    }
    return "";
  }

  /// Impossible sizes are found by the design builder itself, the one authority on them.
  void check_design_size() {
    if (has_errors() || experiment_.factors.empty()) return;
    try {
      const auto points = design_point_count(design_spec(), experiment_.factors.size(), list_levels(experiment_.factors));
      check_run_count(points, experiment_.replicates);
    } catch (const std::invalid_argument& e) {
      error(design_where_, "design", e.what());
    }
  }

  DesignSpec design_spec() const {
    DesignSpec spec = experiment_.design;
    spec.seed = experiment_.master_seed;
    return spec;
  }

  // --- [[factor]] -----------------------------------------------------------------------------

  /// The factor reader reports its own problems, a missing [[factor]] included.
  void read_factor_tables(const toml::table& root) {
    std::vector<Diagnostic> found;
    experiment_.factors = read_factors(root, experiment_.path, schema_.parameters, found);
    for (auto& d : found) problems_.push_back(std::move(d));
    for (const auto& factor : experiment_.factors)
      if (factor.key == "run.seed")
        error(factor.where, "run.seed",
              "cannot be a factor: every run's seed is derived from [experiment] seed and the run's (point, "
              "replicate); use replicates for more seeds");
  }

  // --- [[outcome]] ----------------------------------------------------------------------------

  void read_outcome_tables(const toml::table& root) {
    const auto* node = root.get("outcome");
    if (!node) {
      error(SourceLocation{experiment_.path, 0, 0}, "outcome",
            "no [[outcome]] tables: name what to keep from each run, e.g.\n"
            "  [[outcome]]\n  metric = \"satisfaction_mean\"\n  statistic = \"final\"");
      return;
    }
    const auto* array = node->as_array();
    if (!array || !array->is_array_of_tables()) {
      error(at(node->source()), "outcome",
            "expected [[outcome]] tables (double brackets: one per outcome), got " + describe_node(*node));
      return;
    }
    std::set<std::string> seen;
    for (const auto& element : *array) read_outcome(*element.as_table(), seen);
  }

  void read_outcome(const toml::table& table, std::set<std::string>& seen) {
    check_names(table, "outcome", outcome_fields, "unknown field");
    OutcomeSpec outcome;
    outcome.where = at(table.source());
    const auto metric = read_metric(table);
    const auto statistic = read_statistic(table);
    if (!metric || !statistic) return;
    outcome.metric = *metric;
    outcome.statistic = *statistic;
    if (!seen.insert(outcome.label()).second)
      return error(outcome.where, "outcome", "'" + outcome.label() + "' is listed twice");
    experiment_.outcomes.push_back(std::move(outcome));
  }

  std::optional<std::string> read_metric(const toml::table& table) {
    const auto* node = table.get("metric");
    if (!node) {
      error(at(table.source()), "outcome.metric", "missing: name a metric of the model, e.g. metric = \"" +
                                                      (schema_.metrics.empty() ? "x" : schema_.metrics.front()) + "\"");
      return std::nullopt;
    }
    auto metric = text_field(table, "outcome", "metric");
    if (!metric) return std::nullopt;
    if (std::find(schema_.metrics.begin(), schema_.metrics.end(), *metric) != schema_.metrics.end()) return metric;
    std::string message = "unknown metric '" + *metric + "'";
    if (const auto near = nearest_key(*metric, schema_.metrics); !near.empty())
      message += "; did you mean '" + near + "'?";
    else
      message += " (`shanzhi run` writes every metric's name in outcomes.csv)";
    error(at(node->source()), "outcome.metric", message);
    return std::nullopt;
  }

  std::optional<Statistic> read_statistic(const toml::table& table) {
    const auto* node = table.get("statistic");
    if (!node) return Statistic::final;
    const auto name = text_field(table, "outcome", "statistic");
    if (!name) return std::nullopt;
    if (const auto statistic = statistic_named(*name)) return statistic;
    std::string message = "unknown statistic \"" + *name + "\"; expected one of " + one_of(statistic_names());
    if (const auto near = nearest_key(*name, statistic_names()); !near.empty())
      message += "; did you mean '" + near + "'?";
    error(at(node->source()), "outcome.statistic", message);
    return std::nullopt;
  }

  // --- field helpers --------------------------------------------------------------------------

  /// The table `name` of the root; reports it missing (with what it holds) or of the wrong kind.
  const toml::table* section(const toml::table& root, const std::string& name, const std::string& holds) {
    const auto* node = root.get(name);
    if (!node) {
      error(SourceLocation{experiment_.path, 0, 0}, name, "missing [" + name + "] table (" + holds + ")");
      return nullptr;
    }
    const auto* table = node->as_table();
    if (!table) error(at(node->source()), name, "expected a [" + name + "] table, got " + describe_node(*node));
    return table;
  }

  // --- diagnostics ----------------------------------------------------------------------------

  void report_unreadable(const detail::TextProblem& problem) {
    const SourceLocation where{experiment_.path, problem.line, problem.column};
    if (problem.cannot_open)
      error(where, "", "cannot read experiment file: " + problem.message);
    else if (problem.line == 0)  // empty or only whitespace: the reader's message speaks of scenarios
      error(where, "", "file is empty: an experiment needs [experiment], [design], [[factor]] and [[outcome]] tables");
    else
      error(where, "", problem.message);
  }

  /// Throws every problem if any is an error; otherwise keeps the warnings.
  void finish() { experiment_.warnings = warnings_or_throw(); }

  const ExperimentSchema& schema_;
  Experiment experiment_;
  SourceLocation design_where_;
};

std::string factor_line(std::size_t position, const Factor& factor) {
  std::string line = "factor." + std::to_string(position + 1) + " = " + factor.key;
  line += factor.role == FactorRole::lever ? " lever " : " uncertainty ";
  if (factor.is_list()) {
    line += "values [";
    for (std::size_t i = 0; i < factor.values.size(); ++i) line += (i ? ", " : "") + format_value(factor.values[i]);
    return line + "]";
  }
  return line + "range [" + format_value(factor.min) + ", " + format_value(factor.max) + "]" +
         (factor.integer ? " integer" : "");
}

/// Horizon rows: every recorded week after the end of burn-in (week 0).
std::vector<double> horizon_values(const MetricRecorder& recorder, MetricRecorder::Handle metric) {
  std::vector<double> values;
  for (std::size_t row = 0; row < recorder.row_count(); ++row)
    if (recorder.week_of_row(row) >= 1) values.push_back(recorder.value(row, metric));
  return values;
}

bool any_nan(const std::vector<double>& values) {
  return std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); });
}

double mean_of(const std::vector<double>& values) {
  if (values.empty() || any_nan(values)) return std::numeric_limits<double>::quiet_NaN();
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

}  // namespace

std::string_view to_string(Statistic statistic) {
  switch (statistic) {
    case Statistic::final: return "final";
    case Statistic::mean_last_year: return "mean_last_year";
    case Statistic::mean: return "mean";
    case Statistic::min: return "min";
    case Statistic::max: return "max";
  }
  return "?";
}

std::optional<Statistic> statistic_named(std::string_view name) {
  for (const auto statistic : all_statistics)
    if (to_string(statistic) == name) return statistic;
  return std::nullopt;
}

std::vector<std::string> statistic_names() {
  std::vector<std::string> out;
  for (const auto statistic : all_statistics) out.emplace_back(to_string(statistic));
  return out;
}

std::string OutcomeSpec::label() const { return metric + "/" + std::string(to_string(statistic)); }

double outcome_value(const MetricRecorder& recorder, const OutcomeSpec& outcome) {
  const auto metric = recorder.handle(outcome.metric);
  if (recorder.row_count() == 0) return std::numeric_limits<double>::quiet_NaN();
  if (outcome.statistic == Statistic::final) return recorder.final_value(metric);
  auto values = horizon_values(recorder, metric);
  switch (outcome.statistic) {
    case Statistic::mean_last_year:
      if (values.size() > weeks_per_year) values.erase(values.begin(), values.end() - weeks_per_year);
      return mean_of(values);
    case Statistic::mean: return mean_of(values);
    case Statistic::min:
      if (values.empty() || any_nan(values)) return std::numeric_limits<double>::quiet_NaN();
      return *std::min_element(values.begin(), values.end());
    case Statistic::max:
      if (values.empty() || any_nan(values)) return std::numeric_limits<double>::quiet_NaN();
      return *std::max_element(values.begin(), values.end());
    case Statistic::final: break;
  }
  return recorder.final_value(metric);
}

Experiment load_experiment(const std::filesystem::path& file, const ExperimentSchema& schema) {
  return ExperimentReader(file, schema).read();
}

std::string canonical_text(const Experiment& experiment) {
  const auto& design = experiment.design;
  std::string text;
  const auto line = [&](const std::string& name, const std::string& value) { text += name + " = " + value + "\n"; };
  line("replicates", std::to_string(experiment.replicates));
  line("seed", std::to_string(experiment.master_seed));
  // Only when set, so databases of experiments written before the option keep their hash.
  if (experiment.common_seeds) line("common_seeds", "true");
  line("design.kind", std::string(design_kind_name(design.kind)));
  // Only the sizes a design uses, so a stray field does not make results look stale.
  if (design.kind != DesignKind::full_factorial) line("design.samples", std::to_string(design.samples));
  if (design.kind == DesignKind::full_factorial || design.kind == DesignKind::morris)
    line("design.levels", std::to_string(design.levels));
  for (std::size_t i = 0; i < experiment.factors.size(); ++i) text += factor_line(i, experiment.factors[i]) + "\n";
  for (std::size_t i = 0; i < experiment.outcomes.size(); ++i)
    line("outcome." + std::to_string(i + 1), experiment.outcomes[i].label());
  for (const auto& [key, value] : experiment.base.values) line("base." + key, format_value(value.first));
  return text;
}

std::string fnv1a_hex(std::string_view text) {
  std::uint64_t hash = 0xCBF29CE484222325ull;  // FNV-1a 64-bit offset basis and prime
  for (const unsigned char byte : text) {
    hash ^= byte;
    hash *= 0x100000001B3ull;
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = digits[hash & 0xF];
  return out;
}

std::uint64_t run_seed(std::uint64_t master, std::uint64_t point, std::uint64_t replicates, std::uint64_t replicate) {
  return derive_seed(master, point * replicates + replicate) >> 11;
}

void set_setting(Settings& settings, const std::string& key, const ParamValue& value) {
  for (auto& [k, v] : settings)
    if (k == key) {
      v = value;
      return;
    }
  settings.emplace_back(key, value);
}

DesignPoint ExperimentPlan::point(std::size_t p) const {
  if (p >= point_count())
    throw std::out_of_range("design point " + std::to_string(p) + " of " + std::to_string(point_count()));
  DesignPoint point;
  point.index = p;
  point.unit.reserve(factors.size());
  point.settings.reserve(factors.size());
  for (std::size_t j = 0; j < factors.size(); ++j) {
    const double u = design.at(p, j);
    point.unit.push_back(u);
    point.settings.emplace_back(factors[j].key, factors[j].value_at(u));
  }
  return point;
}

RunPlan ExperimentPlan::run(std::size_t position) const {
  if (position >= run_count())
    throw std::out_of_range("run " + std::to_string(position) + " of " + std::to_string(run_count()));
  const std::size_t p = position / replicates;
  const std::size_t r = position % replicates;
  return {p, r, run_seed(master_seed, common_seeds ? 0 : p, replicates, r), point(p).settings};
}

std::size_t planned_point_count(const Experiment& experiment) {
  DesignSpec spec = experiment.design;
  spec.seed = experiment.master_seed;
  const auto points = design_point_count(spec, experiment.factors.size(), list_levels(experiment.factors));
  check_run_count(points, experiment.replicates);
  return points;
}

ExperimentPlan plan_experiment(const Experiment& experiment) {
  DesignSpec spec = experiment.design;
  spec.seed = experiment.master_seed;
  check_run_count(design_point_count(spec, experiment.factors.size(), list_levels(experiment.factors)),
                  experiment.replicates);
  ExperimentPlan plan;
  plan.design = build_design(spec, experiment.factors.size(), list_levels(experiment.factors));
  plan.factors = experiment.factors;
  plan.replicates = static_cast<std::size_t>(std::max<std::int64_t>(experiment.replicates, 1));
  plan.master_seed = experiment.master_seed;
  plan.common_seeds = experiment.common_seeds;
  return plan;
}

}  // namespace shanzhi::sim::experiments
