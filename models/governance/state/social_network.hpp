#pragma once
// The word-of-mouth network, stored implicitly (no memory per tie): each resident's ties are a
// ring lattice inside their building (degree/2 neighbours each side), each tie rewired with
// probability p to a random resident of the same community (a small world, MODEL_BRIEF §3.5).
// Group leaders have `leader_factor` × the ties (3); their extra ties reach across their resident
// group. The rewiring draw is keyed by (seed, resident, tie), so the network is fixed for a run.
// Ties never leave the community: communities can be updated in parallel without races.

#include "models/governance/state/district.hpp"
#include "models/governance/state/random_purposes.hpp"

#include <algorithm>

namespace shanzhi::gov {

/// Built from the word_of_mouth keys (mean_degree, rewiring_probability, leader_degree_factor).
struct SocialNetwork {
  std::uint64_t seed = 0;
  int degree = 0;
  double rewiring = 0;
  int leader_factor = 1;

  int degree_of(bool leader) const { return leader ? leader_factor * degree : degree; }

  /// The `tie`-th neighbour (0 ≤ tie < degree_of(leader)) of resident i.
  std::uint32_t neighbour(const DistrictLayout& layout, const Community& c, std::uint32_t i, int tie) const {
    sim::RandomStream rng(seed, i, static_cast<std::uint32_t>(tie), purpose::network);
    if (tie >= degree) {  // a leader's extra tie: anyone in the resident group
      const std::uint32_t group = c.first_resident + (i - c.first_resident) / layout.residents_per_group *
                                                         layout.residents_per_group;
      const std::uint32_t size = std::min(layout.residents_per_group, c.end_resident() - group);
      return group + rng.below(size);
    }
    if (rng.uniform() < rewiring) return c.first_resident + rng.below(c.resident_count);
    const std::uint32_t start = layout.building_start(c, i);
    const std::uint32_t size = layout.building_size(c, start);
    if (size <= 1) return i;
    const int half = degree / 2;
    const int offset = tie < half ? tie + 1 : -(tie - half + 1);
    const auto position = static_cast<std::int64_t>(i - start) + offset;
    const auto wrapped = ((position % size) + size) % size;
    return start + static_cast<std::uint32_t>(wrapped);
  }
};

}  // namespace shanzhi::gov
