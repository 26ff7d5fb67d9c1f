#pragma once
#include "models/governance/spec/parameters.hpp"
#include "sim/parameters.hpp"

namespace shanzhi::gov {

using Schema = sim::ParameterSchema<GovernanceParameters>;

/// Every scenario key of the governance model with its documentation; built once.
const Schema& governance_schema();

}  // namespace shanzhi::gov
