#include "models/governance/experiments/experiment_runner.hpp"

#include "models/governance/recording/governance_metrics.hpp"
#include "models/governance/model.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/spec/validation.hpp"

#include <chrono>
#include <exception>
#include <new>

namespace shanzhi::gov {
namespace {

namespace ex = sim::experiments;

/// The point's settings with the run's seed; the seed goes last so that nothing overrides it.
ex::Settings settings_of(const ex::RunPlan& plan) {
  ex::Settings settings = plan.settings;
  settings.emplace_back("run.seed", sim::ParamValue{static_cast<std::int64_t>(plan.seed)});
  return settings;
}

/// Every message of a scenario error on one line each, without the "design point: error:"
/// prefix that would repeat on every failed run.
std::string describe(const sim::ScenarioError& e) {
  std::string text;
  for (const auto& d : e.diagnostics()) {
    if (d.severity != sim::Diagnostic::Severity::error) continue;
    if (!text.empty()) text += "\n";
    text += (d.key.empty() ? "" : "key '" + d.key + "': ") + d.message;
  }
  return "invalid parameters: " + text;
}

ex::RunOutcome simulate(const sim::ScenarioDocument& base, const ex::RunPlan& plan,
                        const std::vector<ex::OutcomeSpec>& outcomes, bool keep_timeseries) {
  GovernanceModel model(parameters_with(base, settings_of(plan)));
  model.run_to_end();
  ex::RunOutcome outcome;
  outcome.ok = true;
  for (const auto& spec : outcomes) outcome.values.push_back(ex::outcome_value(model.recorder(), spec));
  if (keep_timeseries) outcome.timeseries = model.recorder();
  return outcome;
}

}  // namespace

ex::ExperimentSchema experiment_schema() { return {governance_schema().infos(), metric_names()}; }

ex::Experiment load_governance_experiment(const std::string& path) {
  auto experiment = ex::load_experiment(path, experiment_schema());
  // The base alone must be a valid scenario: otherwise every run would fail the same way. Its
  // errors point at the keys' places in the base (or at weeks/burn-in in the experiment).
  parameters_with(experiment.base, {});
  return experiment;
}

double timeseries_rows_per_run(const sim::ScenarioDocument& base) {
  const auto weeks = sim::resolve_parameters(base, governance_schema()).run.weeks;
  return static_cast<double>(metric_names().size()) * static_cast<double>(weeks + 1);
}

ex::RunOutcome run_guarded(const std::function<ex::RunOutcome()>& simulate) {
  const auto start = std::chrono::steady_clock::now();
  ex::RunOutcome outcome;
  try {
    outcome = simulate();
  } catch (const sim::ScenarioError& e) {
    outcome.error = describe(e);
  } catch (const std::bad_alloc&) {
    outcome.error = "out of memory while running the model";
  } catch (const std::exception& e) {
    outcome.error = std::string("the run stopped: ") + e.what();
  } catch (...) {
    outcome.error = "the run stopped with an unknown exception";
  }
  outcome.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

ex::RunOutcome run_plan(const sim::ScenarioDocument& base, const ex::RunPlan& plan,
                        const std::vector<ex::OutcomeSpec>& outcomes, bool keep_timeseries) {
  return run_guarded([&] { return simulate(base, plan, outcomes, keep_timeseries); });
}

}  // namespace shanzhi::gov
