#pragma once
// Shared set-up for model tests: real scenario files from scenarios/, shrunk where a test needs
// speed, so tests exercise the same loading path as users.

#include "models/governance/spec/validation.hpp"
#include "sim/metrics.hpp"

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

/// Every value a recorder holds, row by row (for comparing two runs bit for bit).
inline std::vector<double> all_recorded_values(const sim::MetricRecorder& recorder) {
  std::vector<double> values;
  values.reserve(recorder.row_count() * recorder.metrics().size());
  for (std::size_t row = 0; row < recorder.row_count(); ++row)
    for (std::size_t m = 0; m < recorder.metrics().size(); ++m) values.push_back(recorder.value(row, m));
  return values;
}

}  // namespace shanzhi::test
