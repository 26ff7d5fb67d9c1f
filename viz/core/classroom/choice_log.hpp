#pragma once
// The classroom's choice log: every lever a student set, with the model week it took effect
// from. The scenario, its seed and this log describe the class's run completely, so the trainer
// can replay it week by week after the lesson (replay.hpp) and get the same numbers.

#include "models/governance/state/street_levers.hpp"

#include <string>
#include <vector>

namespace shanzhi::viz::classroom {

struct StreetChoice {
  int model_week = 0;      ///< 0-based model tick (burn-in included) the choice applies from
  int recorded_week = 0;   ///< the same week counted from the end of burn-in, as the class sees it
  std::size_t street = 0;  ///< street index in the district layout
  gov::StreetLever lever = gov::StreetLever::purchase_budget;
  double value = 0;        ///< in the district key's unit
  std::string student;     ///< the name the student joined with
};

using ChoiceLog = std::vector<StreetChoice>;

/// The log as CSV (model_week,recorded_week,street,key,value,student), values in shortest
/// round-trip form so a log read back replays exactly.
std::string choice_log_csv(const ChoiceLog& log);

}  // namespace shanzhi::viz::classroom

namespace shanzhi::viz::classroom {

/// The value of `lever` in force on `street` during recorded week `recorded_week` by the log
/// (the last choice made before that week was simulated), or `district` if the street made none.
double lever_in_week(const ChoiceLog& log, std::size_t street, gov::StreetLever lever, int recorded_week, double district);

}  // namespace shanzhi::viz::classroom
