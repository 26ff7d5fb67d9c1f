#pragma once
// Requests waiting for service, per community and category, plus needs nobody has reported.

#include "models/governance/service_category.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace shanzhi::gov {

struct Request {
  std::uint32_t resident = 0;
  std::int32_t arrival_week = 0;
  float priority = 1;              ///< severity × vulnerability (used by the priority rule)
  std::uint8_t found_by_outreach = 0;
  std::uint8_t visible = 1;        ///< for hidden needs: known to the databases (L6)
};

struct CommunityQueues {
  std::array<std::vector<Request>, category_count> waiting;  ///< reported, in arrival order
  std::array<std::vector<Request>, category_count> hidden;   ///< not reported (yet)
};

}  // namespace shanzhi::gov
