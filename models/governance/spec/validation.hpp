#pragma once
// Rules that involve more than one key (single keys are checked by the schema): weights that
// must sum to one, shares that cannot exceed the population, a district too large for memory,
// and the seed's 50% floor on the resident-evaluation weight (a warning: planners may test it).

#include "models/governance/spec/parameters.hpp"
#include "sim/scenario/scenario.hpp"

#include <vector>

namespace shanzhi::gov {

/// Problems with the combination of values in `doc` (resolved into `params`). Each diagnostic
/// points at the place in the file that set one of the keys involved.
std::vector<sim::Diagnostic> check_combination(const GovernanceParameters& params, const sim::ScenarioDocument& doc);

/// Groups of weights that must sum to one (check_combination refuses a scenario where they do
/// not): the three terms of perceived performance and the three criteria of tender awards.
const std::vector<std::vector<std::string>>& weights_summing_to_one();

/// `settings` with every group of weights summing to one that it touches rescaled to sum to one
/// (members it leaves out keep the document's values). Sampling each weight over its own
/// plausible range, as `compare --assumptions` does, then still gives a valid scenario.
std::vector<std::pair<std::string, sim::ParamValue>> with_weights_rescaled(
    const sim::ScenarioDocument& doc, std::vector<std::pair<std::string, sim::ParamValue>> settings);

/// Loads, overrides and validates a scenario in one call; throws sim::ScenarioError listing every
/// problem. Warnings are left in the returned document.
struct LoadedScenario {
  sim::ScenarioDocument document;
  GovernanceParameters parameters;
};
LoadedScenario load_governance_scenario(const std::string& path, const std::vector<std::string>& overrides);

/// A scenario document already read (and changed, e.g. a composed policy) resolved into
/// parameters with its combination checked, as load_governance_scenario does; warnings are kept
/// in the document. Throws sim::ScenarioError.
LoadedScenario checked_scenario(sim::ScenarioDocument document);

/// Parameters of an already loaded scenario with `settings` applied on top (a design point of an
/// experiment). Each value is checked like a file value and the combination like a scenario;
/// throws sim::ScenarioError naming the key when the point is invalid.
GovernanceParameters parameters_with(const sim::ScenarioDocument& base,
                                     const std::vector<std::pair<std::string, sim::ParamValue>>& settings);

}  // namespace shanzhi::gov
