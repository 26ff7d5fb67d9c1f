// Weekly need arrivals (MODEL_BRIEF §2.1). A resident has at most one new need a week (rates are
// small: about 0.04 a week for an adult); its category is drawn in proportion to the class's
// rates. The resident brings it forward with probability a_k (less for isolated residents);
// otherwise it stays hidden, visible to the three databases with probability coverage (L6).
// In a category of the fee-paid convenience tier (L4) the fee deters part of the residents who
// would bring a need forward, more of the minimum-income households.
//
// Arrivals by waiting time: a need in each week with chance p, independently, is the same as a
// geometric number of needless weeks between needs. Each resident keeps the week of its next
// need (Residents::next_need_week); the pass compares one integer per resident and draws random
// numbers only for the few residents with a need this week (one in 25), instead of a Philox
// block for every resident every week.

#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"
#include "sim/parallel.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace shanzhi::gov {
namespace {

int pick_category(const std::array<float, category_count>& cumulative, float u) {
  for (int k = 0; k < category_count - 1; ++k)
    if (u < cumulative[static_cast<std::size_t>(k)]) return k;
  return category_count - 1;
}

constexpr std::int32_t never = std::numeric_limits<std::int32_t>::max();

/// Needless weeks before the next need, at chance p of a need each week: floor(ln u / ln(1 − p))
/// with u uniform on (0, 1] is geometric, P(G ≥ g) = (1 − p)^g. One 32-bit word is enough (u ≥
/// 2^-32 caps the gap at ln 2^-32 / ln(1 − p), 543 weeks at p = 0.04), and keeps an arrival's
/// first four draws in one Philox block.
std::int32_t weeks_until_need(float p, sim::RandomStream& rng) {
  if (p <= 0) return never;
  if (p >= 1) return 0;
  const double u = (static_cast<double>(rng.next_u32()) + 1.0) * 0x1.0p-32;
  const double g = std::floor(std::log(u) / std::log1p(-static_cast<double>(p)));
  return g < 1e9 ? static_cast<std::int32_t>(g) : never;
}

std::int32_t week_after(int week, std::int32_t gap) {
  return gap == never || gap > never - week ? never : week + gap;
}

/// First need of every resident at or after `week`, at the current rates (set-up and policy
/// events; memorylessness makes a fresh draw exact whatever was pending).
void draw_need_schedule(ModelState& s, int week) {
  auto& r = s.residents;
  sim::parallel_for_blocks(static_cast<int>(s.community_count()), [&](int c) {
    const auto& community = s.layout.communities[static_cast<std::size_t>(c)];
    for (std::uint32_t i = community.first_resident; i < community.end_resident(); ++i) {
      sim::RandomStream rng(s.seed, i, static_cast<std::uint32_t>(week), purpose::need_schedule);
      r.next_need_week[i] = week_after(week, weeks_until_need(s.demography.weekly_any_need[r.demographic_class[i]], rng));
    }
  });
  s.need_schedule_rates = s.demography.weekly_any_need;
  s.need_schedule_drawn = true;
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
  // Severity is uniform on 1 ± spread (what the priority rule of L6 weighs besides vulnerability).
  const auto spread = static_cast<float>(s.params.information.severity_spread);
  const float severity_low = 1.0f - spread;
  const float severity_width = 2.0f * spread;
  // Share of would-be self-referrals the fee leaves (1 outside the convenience tier), for others
  // and for minimum-income households.
  const auto& tiers = s.params.tiers;
  std::array<float, category_count> keep{}, keep_low_income{};
  for (int k = 0; k < category_count; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    const double fee = tiers.convenience[ku] ? tiers.fee_yuan_per_request / 100.0 : 0.0;
    keep[ku] = static_cast<float>(1.0 - std::min(1.0, tiers.uptake_loss_per_100_yuan * fee));
    keep_low_income[ku] = static_cast<float>(1.0 - std::min(1.0, tiers.low_income_uptake_loss_per_100_yuan * fee));
  }
  const auto arrive = [&](std::uint32_t i) {
    const auto cls = s.residents.demographic_class[i];
    sim::RandomStream rng(s.seed, i, static_cast<std::uint32_t>(week), purpose::need_arrival);
    // Draws come in a fixed order (category, severity, referral, next need, visibility); only the
    // last is conditional, so no outcome shifts the number another decision sees.
    const int k = pick_category(t.category_cumulative[cls], rng.uniform_float());
    Request request;
    request.resident = i;
    request.arrival_week = week;
    request.priority = t.vulnerability[cls] * (severity_low + severity_width * rng.uniform_float());
    ++stats.new_needs;
    const bool low_income = (flags_of(cls) & flag::low_income) != 0;
    const auto ku = static_cast<std::size_t>(k);
    const bool referred = rng.uniform_float() < t.self_referral[cls] * (low_income ? keep_low_income : keep)[ku];
    stats.low_income_new_needs += low_income;
    stats.low_income_self_referred += low_income && referred;
    s.residents.next_need_week[i] = week_after(week + 1, weeks_until_need(t.weekly_any_need[cls], rng));
    if (referred) {
      queues.waiting[static_cast<std::size_t>(k)].push_back(request);
      ++stats.self_referred;
    } else {
      request.visible = rng.uniform_float() < coverage ? 1 : 0;
      queues.hidden[static_cast<std::size_t>(k)].push_back(request);
    }
  };
  const std::int32_t* next = s.residents.next_need_week.data();
  for (std::uint32_t i = community.first_resident; i < community.end_resident(); ++i)
    if (next[i] <= week) arrive(i);
}

}  // namespace

void arrive_needs(ModelState& s, const sim::CalendarDate& date) {
  if (!s.need_schedule_drawn || s.need_schedule_rates != s.demography.weekly_any_need) draw_need_schedule(s, date.week);
  sim::parallel_for_blocks(static_cast<int>(s.community_count()), [&](int c) {
    const auto cu = static_cast<std::size_t>(c);
    s.stats[cu] = CommunityWeekStats{};
    arrive_in_community(s, cu, date.week);
  });
}

}  // namespace shanzhi::gov
