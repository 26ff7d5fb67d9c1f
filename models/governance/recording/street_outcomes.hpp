#pragma once
// One street's outcomes in the week just simulated, with the same definitions as the district's
// headline metrics (governance_metrics.cpp) and the street breakdowns (breakdown_metrics.cpp), but
// read weekly from the communities' week summaries, so a class sees its street move every week.

#include "models/governance/state/model_state.hpp"

#include <vector>

namespace shanzhi::gov {

struct StreetWeekOutcome {
  double satisfaction_mean = 0;     ///< points 0–100, mean over the street's residents
  double unmet_need_share = 0;      ///< share 0–1 of needs closed this week that went unmet
  double wait_mean_weeks = 0;       ///< weeks, mean wait of needs closed this week
  double trust_street_mean = 0;     ///< 0–1, residents' trust in the street office
  double purchased_hours = 0;       ///< hours/week bought with the purchase budget
  double budget_per_community_yuan = 0;  ///< CNY/year, the purchase budget in force this fiscal year
};

/// Outcomes of every street (in street order) and, last, of the whole district.
std::vector<StreetWeekOutcome> street_week_outcomes(const ModelState& s);

}  // namespace shanzhi::gov
