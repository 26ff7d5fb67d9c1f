// Expectations follow what residents hear (MODEL_BRIEF §3.4: E ← E + η·(P − E) + η_I·(I − E)).
// An encounter moves the expectation of the resident who had it (encounter.cpp); word of mouth
// moves a neighbour's (resident_update.cpp). The information signal I is the rest: each quarter a
// community comes to know how its services performed — what residents perceived in the needs
// closed that quarter, served or unmet, category by category (the public-sentiment database
// 民情库, neighbours, the quarterly appraisal's publication) — and every resident's expectation of
// that category moves a share η_I of the way toward it.
//
// Without it a resident's expectation of a service they rarely use would keep the value it had
// decades ago: expectations would take generations to settle, and no baseline could be settled.

#include "models/governance/phases/phases.hpp"
#include "sim/parallel.hpp"

#include <algorithm>

namespace shanzhi::gov {
namespace {

void spread_in_community(ModelState& s, std::size_t c, float rate) {
  const auto& community = s.layout.communities[c];
  auto& news = s.news[c];
  std::array<float, category_count> heard{};
  std::array<bool, category_count> known{};
  for (int k = 0; k < category_count; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    known[ku] = news.closed[ku] > 0;
    if (known[ku]) heard[ku] = static_cast<float>(news.performance_sum[ku] / news.closed[ku]);
  }
  for (std::uint32_t i = community.first_resident; i < community.end_resident(); ++i) {
    float* expectation = s.residents.expectations_of(i);
    for (int k = 0; k < category_count; ++k) {
      const auto ku = static_cast<std::size_t>(k);
      if (known[ku]) expectation[k] = std::clamp(expectation[k] + rate * (heard[ku] - expectation[k]), 0.0f, 100.0f);
    }
  }
  news = ServiceNews{};
}

}  // namespace

void spread_service_news(ModelState& s, const sim::CalendarDate&) {
  const auto rate = static_cast<float>(s.params.satisfaction.information_rate);
  sim::parallel_for_blocks(static_cast<int>(s.community_count()),
                           [&](int c) { spread_in_community(s, static_cast<std::size_t>(c), rate); });
}

}  // namespace shanzhi::gov
