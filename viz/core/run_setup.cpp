#include "core/run_setup.hpp"

#include "models/governance/spec/parameter_schema.hpp"
#include "sim/calendar.hpp"

#include <algorithm>

namespace shanzhi::viz {

Settings accumulated_settings(const std::vector<LeverChange>& changes) {
  Settings out;
  for (const auto& change : changes)
    for (const auto& [key, value] : change.settings) set_setting(out, key, value);
  return out;
}

bool changes_at_fiscal_year(const Settings& settings) {
  const auto& schema = gov::governance_schema();
  return std::any_of(settings.begin(), settings.end(), [&](const auto& setting) {
    const auto* entry = schema.find(setting.first);
    return entry && entry->info.at_fiscal_year;
  });
}

int fiscal_year_effect_week(int week, int burn_in_weeks) {
  const int tick = std::max(0, week + burn_in_weeks);
  const int opening = (tick + sim::weeks_per_year - 1) / sim::weeks_per_year * sim::weeks_per_year;
  return opening - burn_in_weeks;
}

}  // namespace shanzhi::viz
