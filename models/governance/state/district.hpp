#pragma once
// The district's fixed structure: streets → communities → compounds → buildings → residents.
// Residents are stored community by community and building by building, so a community is a
// contiguous index range: the unit of parallel work, with no writes across communities.

#include "models/governance/spec/parameters.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace shanzhi::gov {

struct Community {
  std::uint16_t street = 0;
  std::uint32_t first_resident = 0;
  std::uint32_t resident_count = 0;
  bool general_practice = false;  ///< L10 全科社工 applies here
  bool separated = false;         ///< L9 居站分设 applies here
  std::uint32_t end_resident() const { return first_resident + resident_count; }
};

struct Street {
  std::string name;
  std::vector<std::uint32_t> communities;
};

struct DistrictLayout {
  std::vector<Street> streets;
  std::vector<Community> communities;
  std::uint32_t residents_per_building = 0;
  std::uint32_t residents_per_group = 0;  ///< resident group (居民小组): district.buildings_per_resident_group buildings
  std::uint32_t resident_count = 0;

  /// First resident of the building holding resident `i` of community `c`, and its size.
  std::uint32_t building_start(const Community& c, std::uint32_t i) const {
    return c.first_resident + (i - c.first_resident) / residents_per_building * residents_per_building;
  }
  std::uint32_t building_size(const Community& c, std::uint32_t start) const {
    const std::uint32_t end = c.end_resident();
    return start + residents_per_building <= end ? residents_per_building : end - start;
  }
};

/// Builds the layout. Policy flags per community (L9, L10) are assigned by share: round(share × n)
/// communities of each street, chosen by a draw keyed by the run's seed and the lever, so the
/// choice is deterministic, spread over the streets and independent between the two levers.
DistrictLayout build_layout(const GovernanceParameters& params);

/// Re-applies the per-community policy flags after a lever change.
void assign_policy_flags(DistrictLayout& layout, const GovernanceParameters& params);

}  // namespace shanzhi::gov
