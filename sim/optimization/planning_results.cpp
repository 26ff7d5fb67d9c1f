#include "sim/optimization/planning_results.hpp"

#include "sim/random.hpp"

#include <toml++/toml.h>

#include <cmath>
#include <map>

namespace shanzhi::sim::optimization {
namespace {

namespace ex = experiments;

/// Seeds of the loader's bootstrap intervals (several scenarios only), one stream per policy.
constexpr std::uint64_t reevaluation_stream = 0x706C616Eull;  // "plan"

std::string text_of(const toml::table& table, std::string_view key) {
  const auto* node = table.get(key);
  return node && node->is_string() ? node->as_string()->get() : std::string{};
}

/// Objectives and robust score from the stored optimization file's text.
void read_stored_file(const std::string& text, const std::string& path, PlanningResults& out) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view{path});
  } catch (const toml::parse_error&) {
    throw ex::StoreRefused(path + ": the stored optimization file cannot be parsed");
  }
  const auto* main = root.get_as<toml::table>("optimization");
  const auto* objectives = root.get_as<toml::array>("objective");
  if (!main || !objectives) throw ex::StoreRefused(path + " is not an optimization's results database (no [[objective]] in its file)");
  if (const auto* weeks = main->get("weeks")) out.weeks = weeks->value<std::int64_t>().value_or(0);
  if (const auto* burn_in = main->get("burn_in_weeks")) out.burn_in_weeks = burn_in->value<std::int64_t>().value_or(-1);
  const auto base = text_of(*main, "base");
  out.base_path = (std::filesystem::path(out.file_path).parent_path() / base).lexically_normal().string();
  for (const auto& element : *objectives) {
    const auto* table = element.as_table();
    if (!table) continue;
    Objective objective;
    objective.target.metric = text_of(*table, "metric");
    if (const auto statistic = ex::statistic_named(text_of(*table, "statistic"))) objective.target.statistic = *statistic;
    objective.target.breakdown = text_of(*table, "breakdown");
    objective.target.key = text_of(*table, "key");
    objective.maximize = text_of(*table, "direction") == "maximize";
    out.objectives.push_back(objective);
  }
  if (const auto* budget = root.get_as<toml::table>("budget")) {
    out.budget.active = true;
    out.budget.cost.metric = text_of(*budget, "metric");
    out.budget.cost.statistic = ex::statistic_named(text_of(*budget, "statistic")).value_or(ex::Statistic::max);
    out.budget.cost.breakdown = text_of(*budget, "breakdown");
    out.budget.cost.key = text_of(*budget, "key");
    if (const auto* limit = budget->get("limit")) out.budget.limit = limit->value<double>().value_or(0);
    if (const auto* penalty = budget->get("penalty")) out.budget.penalty = penalty->value<double>().value_or(out.budget.penalty);
  }
  if (const auto* robustness = root.get_as<toml::table>("robustness")) {
    const auto score = text_of(*robustness, "score");
    out.robustness.score = score == "quantile" ? RobustScore::quantile : score == "mean" ? RobustScore::mean : RobustScore::worst;
    if (const auto* q = robustness->get("quantile"); q && q->is_number()) out.robustness.quantile = q->value<double>().value_or(0.1);
  }
}

/// Robust value and 95% interval of every objective over a policy's fresh report replicates, or
/// nothing when the report did not re-evaluate it (an interval needs two runs per scenario).
std::vector<Interval> reevaluation(const PolicyResult& fresh, const PlanningResults& results,
                                   const TargetPositions& positions, std::uint64_t seed) {
  for (const auto& scenario : fresh.values)
    if (scenario.size() < 2) return {};
  std::vector<Interval> out;
  for (std::size_t o = 0; o < results.objectives.size(); ++o)
    out.push_back(robust_interval(fresh, positions.objectives[o], results.objectives[o].maximize, results.robustness, seed));
  return out;
}

}  // namespace

PlanningResults load_planning_results(const std::filesystem::path& database) {
  const auto stored = ex::ResultsStore::open_read_only(database).read_all();
  PlanningResults out;
  out.name = stored.name;
  out.file_path = stored.file_path;
  out.search_replicates = stored.replicates;
  out.master_seed = stored.master_seed;
  read_stored_file(stored.file_text, stored.file_path, out);

  std::size_t lever_count = 0;
  for (const auto& factor : stored.factors) lever_count += factor.role == "lever" ? 1 : 0;
  std::map<std::string, std::size_t> position;  // lever settings → policy
  std::map<std::size_t, std::pair<std::size_t, std::size_t>> where;  // point → (policy, scenario)
  for (const auto& point : stored.points) {
    ex::Settings levers(point.settings.begin(), point.settings.begin() + static_cast<std::ptrdiff_t>(lever_count));
    std::string key;
    for (const auto& [name, value] : levers) key += name + "=" + format_value(value) + ";";
    auto [found, added] = position.emplace(key, out.policies.size());
    if (added) {
      out.policies.emplace_back();
      out.policies.back().levers = levers;
    }
    where[point.index] = {found->second, out.policies[found->second].points.size()};
    out.policies[found->second].points.push_back(point.index);
  }

  // values[policy][scenario][replicate][outcome] from the search replicates only
  // and fresh[policy][scenario][replicate][outcome] from the report's re-evaluation
  std::vector<PolicyResult> results(out.policies.size());
  std::vector<PolicyResult> fresh(out.policies.size());
  for (std::size_t p = 0; p < out.policies.size(); ++p) {
    results[p].values.assign(out.policies[p].points.size(), {});
    fresh[p].values.assign(out.policies[p].points.size(), {});
  }
  for (const auto& run : stored.runs) {
    const auto [p, s] = where.at(run.point);
    if (run.replicate >= stored.replicates) {
      fresh[p].values[s].push_back(run.values);
      continue;
    }
    results[p].values[s].push_back(run.values);
    out.policies[p].runs += run.ok ? 1 : 0;
  }
  std::map<std::string, std::size_t> outcome_position;
  for (std::size_t k = 0; k < stored.outcomes.size(); ++k) outcome_position[stored.outcomes[k].label()] = k;
  OptimizationSpec spec;  // what score_policy needs: objectives, budget, robust score
  spec.objectives = out.objectives;
  spec.budget = out.budget;
  spec.robustness = out.robustness;
  TargetPositions positions;
  for (const auto& objective : out.objectives) positions.objectives.push_back(outcome_position.at(objective.target.label()));
  if (out.budget.active) positions.cost = outcome_position.at(out.budget.cost.label());

  for (std::size_t p = 0; p < out.policies.size(); ++p)
    out.policies[p].reevaluated = reevaluation(fresh[p], out, positions, derive_seed(out.master_seed, reevaluation_stream + p));

  std::vector<std::vector<double>> fitness;
  std::vector<std::size_t> scored;
  for (std::size_t p = 0; p < out.policies.size(); ++p) {
    bool complete = true;
    for (const auto& scenario : results[p].values) complete = complete && scenario.size() == stored.replicates;
    if (!complete) {  // an interrupted evaluation: shown, but not compared
      out.policies[p].values.assign(out.objectives.size(), std::nan(""));
      out.policies[p].cost = std::nan("");
      continue;
    }
    const auto score = score_policy(results[p], spec, positions);
    out.policies[p].values = score.values;
    out.policies[p].cost = score.cost;
    out.policies[p].within_budget = score.overrun <= 0;
    if (score.fitness.front() < failed_fitness) {
      fitness.push_back(score.fitness);
      scored.push_back(p);
    }
  }
  // The same choice as the optimize report: non-dominated on the penalized fitness (with one
  // objective, the best policy and any exact ties).
  for (const auto i : non_dominated(fitness)) out.policies[scored[i]].on_front = true;
  return out;
}

}  // namespace shanzhi::sim::optimization
