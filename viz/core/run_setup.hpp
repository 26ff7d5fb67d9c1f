#pragma once
// What the simulation thread runs: a validated scenario, a seed and the lever changes to apply
// at given weeks. A run is fully described by this value, so it can be replayed exactly (compare
// mode's baseline twin, lesson steps backwards, a saved file reopened).

#include "models/governance/spec/parameters.hpp"
#include "sim/experiments/experiment.hpp"
#include "sim/parameters.hpp"
#include "sim/scenario/scenario.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace shanzhi::viz {

using Settings = sim::experiments::Settings;
using sim::experiments::set_setting;

/// Lever values set at the start of model week `week` (0-based tick, burn-in included).
struct LeverChange {
  int week = 0;
  Settings settings;
  std::string label;
};

struct RunSetup {
  sim::ScenarioDocument document;    ///< the scenario as loaded (values with provenance)
  gov::GovernanceParameters parameters;  ///< resolved and validated; run.seed is the run's seed
  std::vector<LeverChange> changes;  ///< in week order
  /// Compare mode's baseline when it is another scenario (a policy loaded from an optimization
  /// against its base scenario, same seed); null: the run's own twin (same scenario and seed).
  std::shared_ptr<const gov::GovernanceParameters> baseline;
};

/// Every setting in force after applying `changes` in order (later values of a key win).
Settings accumulated_settings(const std::vector<LeverChange>& changes);


/// Whether `settings` changes a key the model reads when a fiscal year opens (budgets, the
/// purchase catalogue: ParamInfo::at_fiscal_year), whose change waits for the next fiscal year.
bool changes_at_fiscal_year(const Settings& settings);

/// Recorded week at which such a change, made before recorded week `week`, takes effect: the first
/// week of the next fiscal year. A fiscal year opens every 52 simulated weeks counting the burn-in
/// (`burn_in_weeks`), so with a one-year burn-in the years open at recorded weeks 0, 52, 104, ...
int fiscal_year_effect_week(int week, int burn_in_weeks);

}  // namespace shanzhi::viz
