#include "models/governance/objectives.hpp"

#include "models/governance/experiment_runner.hpp"
#include "models/governance/model.hpp"
#include "models/governance/validation.hpp"

#include <set>
#include <stdexcept>

namespace shanzhi::gov {
namespace {

namespace ex = sim::experiments;
namespace opt = sim::optimization;

/// The target's cell at the last breakdown week; throws naming the keys that exist.
double breakdown_value(const sim::BreakdownTable& table, const opt::Target& target) {
  int last_week = -1;
  for (const auto& row : table.rows())
    if (row.metric == target.metric && row.breakdown == target.breakdown) last_week = std::max(last_week, row.week);
  std::set<std::string> keys;
  for (const auto& row : table.rows()) {
    if (row.week != last_week || row.metric != target.metric || row.breakdown != target.breakdown) continue;
    if (row.key == target.key) return row.value;
    keys.insert(row.key);
  }
  std::string known;
  for (const auto& key : keys) known += (known.empty() ? "" : ", ") + key;
  if (last_week < 0)
    throw std::invalid_argument("the model records no breakdown '" + target.breakdown + "' of " + target.metric +
                                " (breakdowns are recorded every 13 weeks; is the run long enough?)");
  throw std::invalid_argument("no key '" + target.key + "' in breakdown '" + target.breakdown + "' of " + target.metric +
                              "; keys are: " + known);
}

ex::RunOutcome simulate(const sim::ScenarioDocument& base, const ex::RunPlan& plan, const std::vector<opt::Target>& targets) {
  ex::Settings settings = plan.settings;
  settings.emplace_back("run.seed", sim::ParamValue{static_cast<std::int64_t>(plan.seed)});
  GovernanceModel model(parameters_with(base, settings));
  model.run_to_end();
  ex::RunOutcome outcome;
  for (const auto& target : targets) {
    if (target.breakdown.empty()) outcome.values.push_back(ex::outcome_value(model.recorder(), target.outcome()));
    else outcome.values.push_back(breakdown_value(model.breakdowns(), target));
  }
  outcome.ok = true;
  return outcome;
}

}  // namespace

ex::RunOutcome run_targets(const sim::ScenarioDocument& base, const ex::RunPlan& plan, const std::vector<opt::Target>& targets) {
  return run_guarded([&] { return simulate(base, plan, targets); });
}

opt::RunFunction target_runner(const sim::ScenarioDocument& base) {
  return [&base](const ex::RunPlan& plan, const std::vector<opt::Target>& targets) { return run_targets(base, plan, targets); };
}

}  // namespace shanzhi::gov
