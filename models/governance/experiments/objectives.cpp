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

ex::RunOutcome run_targets(const sim::ScenarioDocument& base, const ex::RunPlan& plan, const std::vector<opt::Target>& targets) {
  return run_guarded([&] { return simulate(base, plan, targets); });
}

opt::RunFunction target_runner(const sim::ScenarioDocument& base) {
  return [&base](const ex::RunPlan& plan, const std::vector<opt::Target>& targets) { return run_targets(base, plan, targets); };
}

}  // namespace shanzhi::gov
