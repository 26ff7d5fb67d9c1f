#pragma once
// The settled pre-reform district (docs/model.md, "The settled baseline"). A run must start from
// the model's own long-run state, or part of every "effect" is the baseline still drifting from
// its arbitrary starting values (expectations, organisations, trust) toward where the model
// takes them, which takes years.
//
// Before reform, communities do not interact (no contracts, no projects) and are built alike,
// and organisations live street by street. So the long run of a district can be learnt from a
// pilot of one community per street: the pilot runs the pre-reform scenario for
// run.spin_up_years, then each resident of the real district takes the state of a pilot
// resident of the same demographic class (and group-leader flag), each worker that of a pilot
// worker of the same post, and each street the pilot street's organisations. The burn-in that
// follows rebuilds what resampling cannot carry (opinion clustering within buildings, queues,
// vacancies, appraisals).

#include "models/governance/spec/parameters.hpp"
#include "models/governance/state/model_state.hpp"

namespace shanzhi::gov {

/// The pilot's parameters: `scenario` with every lever at its pre-reform value, one community per
/// street, no spin-up or burn-in of its own, run.spin_up_years of weeks, and a seed of its own
/// derived from the scenario's.
GovernanceParameters pilot_parameters(const GovernanceParameters& scenario);

/// Runs the pilot of `scenario` and draws the residents, workers and organisations of `s` (built
/// but not yet run) from its end state. Draws are keyed by the entity, so thread counts do not
/// matter.
void draw_settled_state(ModelState& s, const GovernanceParameters& scenario);

}  // namespace shanzhi::gov
