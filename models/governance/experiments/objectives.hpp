#pragma once
// The governance model as seen by `shanzhi optimize` and `shanzhi calibrate`: one run of a plan,
// reduced to the targets the search asks for (sim/optimization/target_values.hpp reads them from
// the model's recorder and breakdown table by name).

#include "sim/optimization/evaluator.hpp"

namespace shanzhi::gov {

/// Runs `plan` on `base` and returns one value per target. Never throws: a failed run (invalid
/// parameters, a breakdown cell the model does not produce) is a failed outcome with its reason.
sim::experiments::RunOutcome run_targets(const sim::ScenarioDocument& base, const sim::experiments::RunPlan& plan,
                                         const std::vector<sim::optimization::Target>& targets);

/// run_targets bound to a base scenario, for the optimizer and the calibrator.
sim::optimization::RunFunction target_runner(const sim::ScenarioDocument& base);

}  // namespace shanzhi::gov
