#pragma once
// Shared helpers of the shanzhi-viz unit tests: the tiny test scenario and waiting on the
// simulation thread.

#include "core/scenario_files.hpp"
#include "core/sim_thread.hpp"

#include <string>

namespace shanzhi::viz::test {

inline std::string source_path(const std::string& relative) { return std::string(SHANZHI_SOURCE_DIR) + "/" + relative; }

/// The tiny district (2 communities × 600 residents, 4 burn-in weeks, 30 recorded weeks).
inline RunSetup tiny_setup() { return open_run_file(source_path("viz/tests/data/tiny.toml")); }

/// Runs the controller's commands so far and returns the resulting snapshot.
inline std::shared_ptr<const Snapshot> settle(SimulationController& c) {
  c.wait_until_idle();
  return c.snapshot();
}

}  // namespace shanzhi::viz::test
