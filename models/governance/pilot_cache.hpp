#pragma once
// The pilots of recent runs, kept for the next run that needs the same one.
//
// A pilot depends only on its parameters (every lever at its pre-reform value, so the arms of a
// comparison, the points of a lever sweep and the runs of a fact test share it for a given seed)
// and is 20 years of a district: without this memory every arm and every point ran it again.
// Reusing one is exact, since a pilot is a deterministic function of its parameters.

#include "models/governance/spec/parameters.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace shanzhi::gov {

class GovernanceModel;

/// A text that is equal for two parameter sets exactly when every schema key has the same value
/// (reals compared bit for bit).
std::string parameter_fingerprint(const GovernanceParameters& params);

/// The finished pilot with these parameters: from memory when a recent run needed the same one,
/// else made by `run_pilot` and kept. Thread-safe; two threads asking for the same new pilot may
/// both run it (the results are identical). Recent pilots are kept up to a bound on the residents
/// they hold, so memory stays small whatever the number of runs.
std::shared_ptr<const GovernanceModel> finished_pilot(const GovernanceParameters& params,
                                                      const std::function<GovernanceModel()>& run_pilot);

/// How the memory of pilots has served so far (for tests and profiling).
struct PilotCacheStats {
  std::size_t hits = 0;
  std::size_t runs = 0;
  std::size_t kept = 0;
};
PilotCacheStats pilot_cache_stats();

/// Forgets every kept pilot (tests use it to compare a fresh pilot with a remembered one).
void clear_pilot_cache();

}  // namespace shanzhi::gov
