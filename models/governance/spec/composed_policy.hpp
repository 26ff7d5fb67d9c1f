#pragma once
// Policies composed on the command line, so a planner can compare "purchase ¥300k plus the six
// rules" without writing a file: `compare BASE P1+P2` applies the changes each shipped policy
// makes to the baseline together, and `compare BASE [POLICY] --with KEY=VALUE ...` applies
// single values. Either way the result is an ordinary scenario, checked like a file.

#include "models/governance/spec/validation.hpp"

#include <string>
#include <vector>

namespace shanzhi::gov {

/// The scenario files of a policy argument: the argument itself when it names a file, else its
/// '+'-separated parts ("a.toml+b.toml"). Empty parts are kept, to be refused by the caller.
std::vector<std::string> policy_parts(const std::string& argument);

/// The policy made of `parts` (scenario files) against `baseline`: each part's changes to the
/// baseline (the keys it sets to another value) applied together on the baseline, with their
/// provenance. Two parts changing one key to different values are refused, naming both places;
/// a part that changes nothing is a warning. `overrides` (--set, --weeks) apply to every part as
/// they did to the baseline. Throws sim::ScenarioError.
LoadedScenario compose_policy(const LoadedScenario& baseline, const std::vector<std::string>& parts,
                              const std::vector<std::string>& overrides);

/// `policy` with `assignments` (KEY=VALUE, as typed after --with) applied, named after them, and
/// checked as a combination. Throws sim::ScenarioError naming the --with that is wrong.
LoadedScenario with_changes(const LoadedScenario& policy, const std::vector<std::string>& assignments);

/// The district keys (role "structure": size, population shares) on which `policy` differs from
/// `baseline`, as "key baseline → policy": a paired comparison of two different districts mixes
/// the policy with the district, which is rarely what a planner means. Empty when they agree.
std::vector<std::string> district_differences(const LoadedScenario& baseline, const LoadedScenario& policy);

}  // namespace shanzhi::gov
