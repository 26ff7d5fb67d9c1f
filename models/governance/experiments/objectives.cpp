#include "models/governance/experiments/objectives.hpp"

#include "models/governance/experiments/experiment_runner.hpp"
#include "models/governance/model.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/optimization/target_values.hpp"

namespace shanzhi::gov {
namespace {

namespace ex = sim::experiments;
namespace opt = sim::optimization;

ex::RunOutcome simulate(const sim::ScenarioDocument& base, const ex::RunPlan& plan, const std::vector<opt::Target>& targets) {
  ex::Settings settings = plan.settings;
  settings.emplace_back("run.seed", sim::ParamValue{static_cast<std::int64_t>(plan.seed)});
  GovernanceModel model(parameters_with(base, settings));
  model.run_to_end();
  ex::RunOutcome outcome;
  outcome.values = opt::target_values(model.recorder(), model.breakdowns(), targets);
  outcome.ok = true;
  return outcome;
}

}  // namespace

std::vector<sim::Diagnostic> unrecorded_targets(const sim::ScenarioDocument& base,
                                                const std::vector<opt::Target>& targets) {
  std::vector<sim::Diagnostic> problems;
  const auto error = [&](const opt::Target& target, const std::string& message) {
    problems.push_back({sim::Diagnostic::Severity::error, target.where, target.breakdown.empty() ? "metric" : "key", message});
  };
  bool any_breakdown = false;
  for (const auto& target : targets) any_breakdown = any_breakdown || !target.breakdown.empty();
  if (!any_breakdown) return problems;  // district-wide metrics are checked by name when read
  const auto parameters = parameters_with(base, {});
  const std::int64_t period = parameters.run.breakdown_every_weeks;
  if (period == 0) {
    for (const auto& target : targets)
      if (!target.breakdown.empty()) error(target, "the base scenario records no breakdowns (run.breakdown_every_weeks = 0)");
    return problems;
  }
  const ex::Settings probe{{"run.weeks", sim::ParamValue{period}},
                           {"run.burn_in_weeks", sim::ParamValue{std::int64_t{0}}},
                           {"run.spin_up_years", sim::ParamValue{std::int64_t{0}}}};
  GovernanceModel model(parameters_with(base, probe));
  model.run_to_end();
  for (const auto& target : targets) {
    if (target.breakdown.empty()) continue;
    try {
      (void)opt::target_values(model.recorder(), model.breakdowns(), {target});
    } catch (const std::invalid_argument& e) {
      error(target, e.what());
    }
  }
  return problems;
}

ex::RunOutcome run_targets(const sim::ScenarioDocument& base, const ex::RunPlan& plan, const std::vector<opt::Target>& targets) {
  return run_guarded([&] { return simulate(base, plan, targets); });
}

opt::RunFunction target_runner(const sim::ScenarioDocument& base) {
  return [&base](const ex::RunPlan& plan, const std::vector<opt::Target>& targets) { return run_targets(base, plan, targets); };
}

}  // namespace shanzhi::gov
