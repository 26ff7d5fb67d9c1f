#pragma once
// The class's shared simulation: one governance model past its burn-in, advanced a week at a
// time, taking street choices between weeks and keeping every street's outcomes of every week.
// The live session and the replay both drive this type, so they cannot drift apart.

#include "core/classroom/choice_log.hpp"
#include "models/governance/model.hpp"
#include "models/governance/recording/street_outcomes.hpp"

#include <vector>

namespace shanzhi::viz::classroom {

/// Outcomes of one recorded week: one per street in street order, then the district's.
using WeekOutcomes = std::vector<gov::StreetWeekOutcome>;

class ClassRun {
 public:
  /// Builds the model of `scenario` and runs its burn-in (so the class starts at the reform),
  /// keeping the outcomes of recorded week 0.
  explicit ClassRun(const gov::GovernanceParameters& scenario);

  /// Applies a choice from the next simulated week on. Throws std::invalid_argument for a value
  /// the model refuses (GovernanceModel::set_street_lever).
  void apply(const StreetChoice& choice);
  /// Simulates and records one week; does nothing once the horizon is reached.
  void advance_week();

  int model_week() const { return model_.week(); }
  int recorded_week() const { return model_.week() - model_.burn_in_weeks(); }
  bool finished() const { return model_.finished(); }
  const gov::GovernanceModel& model() const { return model_; }
  /// outcomes()[w] is recorded week w (0 = the end of burn-in).
  const std::vector<WeekOutcomes>& outcomes() const { return outcomes_; }

 private:
  gov::GovernanceModel model_;
  std::vector<WeekOutcomes> outcomes_;
};

/// Runs `scenario` again with `log`'s choices applied at their model weeks, up to recorded week
/// `recorded_weeks` (capped at the horizon): the trainer's replay of a class.
ClassRun replay(const gov::GovernanceParameters& scenario, const ChoiceLog& log, int recorded_weeks);

}  // namespace shanzhi::viz::classroom
