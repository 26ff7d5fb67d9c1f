#pragma once
// The governance model in a comparison under assumptions (sim/experiments/
// assumption_comparison.hpp): which factors `--assumptions default` varies, which keys a factor
// file may vary, the district the draws run on, and how one point's settings become the runs of
// every arm.

#include "models/governance/experiments/comparison.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/experiments/assumption_comparison.hpp"

#include <string>
#include <vector>

namespace shanzhi::gov {

/// Where the assumption draws run. `small`: the district table and organizations.per_street of
/// scenarios/small_district.toml replace the scenarios' own (12,000 residents instead of the
/// default district's 336,000, about 30 times faster); `scenario`: the scenarios' own district.
enum class AssumptionDistrict { small, scenario };

/// The small district's settings, applied to every arm when the draws run on the small district.
/// The one place these numbers live in code; a test checks them against small_district.toml.
const std::vector<sim::experiments::Setting>& small_district_settings();

/// "2 streets × 2 communities × 3,000 residents" for the output.
std::string small_district_description();

/// Every assumption of the schema that has a plausible range, as factors (none yet is an empty
/// vector; the caller says so).
std::vector<sim::experiments::Factor> default_assumption_factors();

/// Problems with varying these factors in this comparison, each at the factor's place: a
/// control key (how runs are made, not an assumption), a key whose value differs between the
/// arms (varying it in both would erase that part of the policy), or, on the small district, one
/// of the small district's own keys.
std::vector<sim::Diagnostic> check_assumption_factors(const std::vector<sim::experiments::Factor>& factors,
                                                      const std::vector<const LoadedScenario*>& arms,
                                                      AssumptionDistrict district);

/// The runs of every arm at one point: each arm's scenario with the district's settings (none
/// for `scenario`) and then the point's settings applied, checked like a scenario.
sim::experiments::ArmsAtPoint arms_at_point(std::vector<sim::ScenarioDocument> arms, AssumptionDistrict district);

}  // namespace shanzhi::gov
