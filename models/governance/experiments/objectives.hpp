#pragma once
// The governance model as seen by `shanzhi optimize` and `shanzhi calibrate`: one run of a plan,
// reduced to the targets the search asks for (sim/optimization/target_values.hpp reads them from
// the model's recorder and breakdown table by name).

#include "sim/optimization/evaluator.hpp"
#include "sim/scenario/diagnostics.hpp"

namespace shanzhi::gov {

/// Runs `plan` on `base` and returns one value per target. Never throws: a failed run (invalid
/// parameters, a breakdown cell the model does not produce) is a failed outcome with its reason.
sim::experiments::RunOutcome run_targets(const sim::ScenarioDocument& base, const sim::experiments::RunPlan& plan,
                                         const std::vector<sim::optimization::Target>& targets);

/// Problems with targets the model would not record on `base` (a breakdown or key that does not
/// exist, breakdowns turned off), found by one short probe run of `base` (no spin-up, no burn-in,
/// one breakdown period), so a misspelt key is refused before hours of runs, not after. Each
/// problem names its target's location. Empty when every target is recorded.
std::vector<sim::Diagnostic> unrecorded_targets(const sim::ScenarioDocument& base,
                                                const std::vector<sim::optimization::Target>& targets);

/// run_targets bound to a base scenario, for the optimizer and the calibrator.
sim::optimization::RunFunction target_runner(const sim::ScenarioDocument& base);

}  // namespace shanzhi::gov
