#pragma once
// GovernanceModel: builds the district from parameters, runs the weekly schedule, records
// metrics and applies policy changes as recorded events.
//
// Burn-in: the first `run.burn_in_weeks` weeks run with every lever at its pre-reform value;
// then the scenario's levers take effect (a policy event), and the recorded horizon begins.

#include "models/governance/recording/breakdown_metrics.hpp"
#include "models/governance/state/model_state.hpp"
#include "sim/metrics.hpp"
#include "sim/schedule.hpp"

#include <string>

namespace shanzhi::gov {

class GovernanceModel {
 public:
  /// A model of the district described by `scenario` (resolved parameters), seeded by
  /// `scenario.run.seed`.
  explicit GovernanceModel(const GovernanceParameters& scenario);

  /// A model that continues `settled` under `scenario`: `settled` has run its burn-in and
  /// recorded nothing, and `scenario` is the same until the reform (same_until_reform), so its
  /// own run with the same seed would have reached exactly this state. Arms of a comparison share
  /// the pre-reform run this way. Throws std::invalid_argument when the conditions do not hold.
  GovernanceModel(const GovernanceModel& settled, const GovernanceParameters& scenario);

  // The schedule's phases hold `this`: a plain copy would run another model's phases, so a moved
  // model builds its schedule anew, and copies are made only by continuing a settled model.
  GovernanceModel(GovernanceModel&& other) noexcept;
  GovernanceModel(const GovernanceModel&) = delete;
  GovernanceModel& operator=(const GovernanceModel&) = delete;
  GovernanceModel& operator=(GovernanceModel&&) = delete;

  /// Simulates one week.
  void step();
  /// Runs burn-in and horizon to the end, recording a row at the end of burn-in (week 0) and
  /// after every horizon week.
  void run_to_end();
  /// The first part of run_to_end: the burn-in weeks, recording nothing.
  void run_burn_in();
  /// The rest: records the row of week 0, then runs and records the horizon.
  void run_recorded();

  /// Replaces the active parameters from the next week on, recording the change as an event.
  /// Structural keys (district size, seed) are ignored after construction.
  void apply_policy(const GovernanceParameters& params, std::string label);

  /// Sets street `street`'s own value of a street lever (state/street_levers.hpp) from the next
  /// week on (a budget from the next fiscal year), recorded as an event naming street and key.
  /// Throws std::invalid_argument for a street that does not exist or a value outside the
  /// district key's range (the schema's).
  void set_street_lever(std::size_t street, StreetLever lever, double value);

  int week() const { return state_.week; }
  int total_weeks() const { return burn_in_weeks() + horizon_weeks(); }
  int burn_in_weeks() const { return static_cast<int>(scenario_.run.burn_in_weeks); }
  int horizon_weeks() const { return static_cast<int>(scenario_.run.weeks); }
  bool finished() const { return state_.week >= total_weeks(); }

  /// Records the current state as the row for `recorded_week`.
  void record(int recorded_week);

  const ModelState& state() const { return state_; }
  const sim::MetricRecorder& recorder() const { return recorder_; }
  const sim::BreakdownTable& breakdowns() const { return breakdown_table_; }
  const sim::Schedule& schedule() const { return schedule_; }
  const GovernanceParameters& scenario() const { return scenario_; }

 private:
  void build_schedule();

  GovernanceParameters scenario_;
  ModelState state_;
  sim::Schedule schedule_;
  sim::MetricRecorder recorder_;
  BreakdownRecorder breakdown_recorder_;
  sim::BreakdownTable breakdown_table_;
};

}  // namespace shanzhi::gov
