#include "models/governance/state/street_levers.hpp"

namespace shanzhi::gov {

std::optional<StreetLever> street_lever_of_key(std::string_view key) {
  for (int i = 0; i < street_lever_count; ++i) {
    const auto lever = static_cast<StreetLever>(i);
    if (street_lever_key(lever) == key) return lever;
  }
  return std::nullopt;
}

double district_value(const GovernanceParameters& params, StreetLever lever) {
  switch (lever) {
    case StreetLever::purchase_budget: return params.purchase.budget_per_community_yuan;
    case StreetLever::task_cut_share: return params.admin.task_cut_share;
    case StreetLever::admission_strictness: return params.admin.admission_strictness;
  }
  return 0;
}

double street_value(const std::vector<StreetLevers>& by_street, std::size_t street, const GovernanceParameters& params,
                    StreetLever lever) {
  if (street < by_street.size() && by_street[street][lever]) return *by_street[street][lever];
  return district_value(params, lever);
}

}  // namespace shanzhi::gov
