#pragma once
// The governance model as seen by `shanzhi optimize` and `shanzhi calibrate`: one run of a plan,
// reduced to the targets the search asks for. District-wide targets are a metric's statistic over
// the recorded weeks (as in sweeps); breakdown targets are one cell of the model's breakdown
// table (community, street, category, group) at the last week breakdowns were recorded. Metrics
// are found by name in the recorder and breakdown table, so new metrics need no change here.

#include "sim/optimization/evaluator.hpp"

namespace shanzhi::gov {

/// Runs `plan` on `base` and returns one value per target. Never throws: a failed run (invalid
/// parameters, a breakdown cell the model does not produce) is a failed outcome with its reason.
sim::experiments::RunOutcome run_targets(const sim::ScenarioDocument& base, const sim::experiments::RunPlan& plan,
                                         const std::vector<sim::optimization::Target>& targets);

/// run_targets bound to a base scenario, for the optimizer and the calibrator.
sim::optimization::RunFunction target_runner(const sim::ScenarioDocument& base);

}  // namespace shanzhi::gov
