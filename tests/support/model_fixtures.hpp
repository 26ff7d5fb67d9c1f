#pragma once
// Shared set-up for model tests: real scenario files from scenarios/, shrunk where a test needs
// speed, so tests exercise the same loading path as users.

#include "models/governance/spec/validation.hpp"

#include <string>
#include <vector>

namespace shanzhi::test {

inline std::string scenario_path(const std::string& name) {
  return std::string(SHANZHI_SOURCE_DIR) + "/scenarios/" + name + ".toml";
}

/// Parameters of scenarios/NAME.toml with the given overrides ("key=value").
inline gov::GovernanceParameters scenario_parameters(const std::string& name,
                                                     const std::vector<std::string>& overrides = {}) {
  return gov::load_governance_scenario(scenario_path(name), overrides).parameters;
}

}  // namespace shanzhi::test
