#pragma once
// Levers a street office holds for its own communities (classroom mode: one student per street).
// Every lever is one of the district's scenario keys; a street that has not set it follows the
// district's value, so a district with no street levers set runs exactly as before.

#include "models/governance/spec/parameters.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace shanzhi::gov {

/// The district keys a street can set for itself. Each is applied where its phase already works
/// community by community, so a street's value reaches only its own communities:
/// - purchase.budget_per_community_yuan (L3): what the street buys for each of its communities;
///   read when a fiscal year opens, like the district's budget.
/// - admin.task_cut_share (L16): how much of the line departments' tasks the street stops.
/// - admin.admission_strictness (L1): how strictly the street refuses off-list tasks.
enum class StreetLever { purchase_budget, task_cut_share, admission_strictness };
inline constexpr int street_lever_count = 3;  // enum size

/// The district scenario key behind a street lever.
constexpr std::string_view street_lever_key(StreetLever lever) {
  switch (lever) {
    case StreetLever::purchase_budget: return "purchase.budget_per_community_yuan";
    case StreetLever::task_cut_share: return "admin.task_cut_share";
    case StreetLever::admission_strictness: return "admin.admission_strictness";
  }
  return "";
}

/// The street lever of a district key, if the key is one.
std::optional<StreetLever> street_lever_of_key(std::string_view key);

/// The district's value of a street lever in `params`.
double district_value(const GovernanceParameters& params, StreetLever lever);

/// One street's own values; an empty value follows the district.
struct StreetLevers {
  std::array<std::optional<double>, street_lever_count> value{};

  const std::optional<double>& operator[](StreetLever lever) const { return value[static_cast<std::size_t>(lever)]; }
  std::optional<double>& operator[](StreetLever lever) { return value[static_cast<std::size_t>(lever)]; }
};

/// The value in force in `street` given the district's parameters (the street's own if set).
/// `by_street` may be empty (a state built without streets' levers).
double street_value(const std::vector<StreetLevers>& by_street, std::size_t street, const GovernanceParameters& params,
                    StreetLever lever);

}  // namespace shanzhi::gov
