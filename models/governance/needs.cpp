// Weekly need arrivals (MODEL_BRIEF §2.1). A resident has at most one new need a week (rates are
// small: about 0.04 a week for an adult); its category is drawn in proportion to the class's
// rates. The resident brings it forward with probability a_k (less for isolated residents);
// otherwise it stays hidden, visible to the three databases with probability coverage (L6).

#include "models/governance/phases.hpp"
#include "models/governance/random_purposes.hpp"
#include "sim/parallel.hpp"
#include "sim/random_batch.hpp"

namespace shanzhi::gov {
namespace {

int pick_category(const std::array<float, category_count>& cumulative, float u) {
  for (int k = 0; k < category_count - 1; ++k)
    if (u < cumulative[static_cast<std::size_t>(k)]) return k;
  return category_count - 1;
}

void arrive_in_community(ModelState& s, std::size_t c, int week) {
  const auto& community = s.layout.communities[c];
  const auto& t = s.demography;
  auto& queues = s.queues[c];
  auto& stats = s.stats[c];
  // Supported group leaders (L14) bring part of what the databases miss to light.
  const auto& pp = s.params.participation;
  const double database = s.params.information.database_coverage;
  const auto coverage = static_cast<float>(
      pp.group_leader_support ? database + (1.0 - database) * pp.leader_report_share : database);
  const auto arrive = [&](std::uint32_t i, sim::RandomStream& rng) {
    const auto cls = s.residents.demographic_class[i];
    // Draws come in a fixed order (arrival, category, severity, referral, visibility); only the
    // last is conditional, so no outcome shifts the number another decision sees.
    if (rng.uniform_float() >= t.weekly_any_need[cls]) return;
    const int k = pick_category(t.category_cumulative[cls], rng.uniform_float());
    Request request;
    request.resident = i;
    request.arrival_week = week;
    request.priority = t.vulnerability[cls] * (0.5f + rng.uniform_float());  // severity 0.5–1.5 [A]
    ++stats.new_needs;
    if (rng.uniform_float() < t.self_referral[cls]) {
      queues.waiting[static_cast<std::size_t>(k)].push_back(request);
      ++stats.self_referred;
    } else {
      request.visible = rng.uniform_float() < coverage ? 1 : 0;
      queues.hidden[static_cast<std::size_t>(k)].push_back(request);
    }
  };
  sim::for_each_entity_stream(s.seed, community.first_resident, community.end_resident(),
                              static_cast<std::uint32_t>(week), purpose::need_arrival, arrive);
}

}  // namespace

void arrive_needs(ModelState& s, const sim::CalendarDate& date) {
  sim::parallel_for_blocks(static_cast<int>(s.community_count()), [&](int c) {
    const auto cu = static_cast<std::size_t>(c);
    s.stats[cu] = CommunityWeekStats{};
    arrive_in_community(s, cu, date.week);
  });
}

}  // namespace shanzhi::gov
