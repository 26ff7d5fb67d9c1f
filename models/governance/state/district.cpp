#include "models/governance/state/district.hpp"

#include "models/governance/state/random_purposes.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace shanzhi::gov {
namespace {

// Guangling's four urban streets [S31]; further streets are numbered.
constexpr std::array<const char*, 4> street_names{"东关 Dongguan", "汶河 Wenhe", "文峰 Wenfeng", "曲江 Qujiang"};

std::string street_name(std::size_t s) {
  return s < street_names.size() ? street_names[s] : "Street " + std::to_string(s + 1);
}

/// Marks round(share × n) communities of each street: those with the lowest placement draw, a
/// number fixed by the run's seed, the community and the lever's purpose. Each lever draws with
/// its own purpose, so two levers' communities overlap only as chance would (issue 13: L9 and L10
/// used to land on the same first communities of each street). The order does not depend on the
/// share, so a larger share keeps the communities of a smaller one, and the same seed marks the
/// same communities whenever the lever changes.
template <class Setter>
void mark_share(DistrictLayout& layout, std::uint64_t seed, sim::Purpose purpose, double share, Setter set) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> order;  // (draw, community); set-up only
  for (const auto& street : layout.streets) {
    const auto n = street.communities.size();
    const auto marked = static_cast<std::size_t>(std::lround(share * static_cast<double>(n)));
    order.clear();
    for (const auto c : street.communities) order.emplace_back(sim::RandomStream(seed, c, 0, purpose).next_u32(), c);
    std::sort(order.begin(), order.end());  // ties (1 in 2^32) go to the lower community index
    for (std::size_t i = 0; i < n; ++i) set(layout.communities[order[i].second], i < marked);
  }
}

}  // namespace

DistrictLayout build_layout(const GovernanceParameters& params) {
  const auto& d = params.district;
  DistrictLayout layout;
  layout.residents_per_building = static_cast<std::uint32_t>(d.residents_per_building);
  layout.residents_per_group =
      layout.residents_per_building * static_cast<std::uint32_t>(d.buildings_per_resident_group);
  std::uint32_t next_resident = 0;
  for (std::int64_t s = 0; s < d.streets; ++s) {
    Street street{street_name(static_cast<std::size_t>(s)), {}};
    for (std::int64_t c = 0; c < d.communities_per_street; ++c) {
      Community community;
      community.street = static_cast<std::uint16_t>(s);
      community.first_resident = next_resident;
      community.resident_count = static_cast<std::uint32_t>(d.residents_per_community);
      next_resident += community.resident_count;
      street.communities.push_back(static_cast<std::uint32_t>(layout.communities.size()));
      layout.communities.push_back(community);
    }
    layout.streets.push_back(std::move(street));
  }
  layout.resident_count = next_resident;
  assign_policy_flags(layout, params);
  return layout;
}

void assign_policy_flags(DistrictLayout& layout, const GovernanceParameters& params) {
  const auto seed = static_cast<std::uint64_t>(params.run.seed);
  mark_share(layout, seed, purpose::general_practice_placement, params.admin.general_practice_share,
             [](Community& c, bool on) { c.general_practice = on; });
  mark_share(layout, seed, purpose::station_separation_placement, params.admin.station_separation_share,
             [](Community& c, bool on) { c.separated = on; });
}

}  // namespace shanzhi::gov
