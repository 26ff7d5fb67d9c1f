#pragma once
#include "models/governance/spec/parameters.hpp"
#include "sim/parameters.hpp"

namespace shanzhi::gov {

using Schema = sim::ParameterSchema<GovernanceParameters>;

/// Every scenario key of the governance model with its documentation; built once.
const Schema& governance_schema();

/// True when runs of `a` and `b` with the same seed are identical until the reform starts: every
/// key is equal once the levers are at their pre-reform values, except the recorded horizon and
/// the breakdown cadence (run.weeks, run.breakdown_every_weeks), which only matter afterwards.
bool same_until_reform(const GovernanceParameters& a, const GovernanceParameters& b);

}  // namespace shanzhi::gov
