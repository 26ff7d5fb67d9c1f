#pragma once
// Requests waiting for service, per community and category, plus needs nobody has reported.

#include "models/governance/spec/parameters.hpp"

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

  /// The category residents wait on most, in hours of backlog (reported or not); ties go to the
  /// lower category. What a rectification notice or a public discussion names first.
  int category_with_largest_backlog(const ServiceParameters& services) const {
    int worst = 0;
    double most = -1;
    for (int k = 0; k < category_count; ++k) {
      const auto ku = static_cast<std::size_t>(k);
      const double backlog = static_cast<double>(waiting[ku].size() + hidden[ku].size()) * services.hours_per_request_of(k);
      if (backlog > most) {
        most = backlog;
        worst = k;
      }
    }
    return worst;
  }
};

}  // namespace shanzhi::gov
