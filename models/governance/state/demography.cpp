#include "models/governance/state/demography.hpp"

#include <cmath>

namespace shanzhi::gov {

std::array<float, category_count> annual_need_rates(std::uint8_t cls) {
  // Needs per person per year [A]. A working-age adult has about two service needs a year; the
  // oldest old living alone about six, mostly elderly care (MODEL_BRIEF §2.1).
  const AgeBand age = age_of(cls);
  const std::uint8_t f = flags_of(cls);
  std::array<float, category_count> r{};
  r[index(Category::admin)] = age == AgeBand::child_0_14 ? 0.2f : 0.6f;
  r[index(Category::assistance)] = (f & flag::low_income) ? 2.0f : 0.02f;
  r[index(Category::elderly)] = age == AgeBand::oldest_80_plus ? 1.5f : age == AgeBand::young_old_60_79 ? 0.3f : 0.0f;
  if ((f & flag::living_alone) && is_elderly(cls)) r[index(Category::elderly)] *= 2.0f;
  r[index(Category::family)] = age == AgeBand::child_0_14 ? 0.6f : age == AgeBand::adult_15_59 ? 0.15f : 0.02f;
  r[index(Category::disability)] = (f & flag::disabled) ? 2.0f : 0.0f;
  r[index(Category::health)] = is_elderly(cls) ? 0.5f : 0.2f;
  r[index(Category::culture)] = is_elderly(cls) ? 1.0f : age == AgeBand::child_0_14 ? 0.6f : 0.4f;
  r[index(Category::environment)] = 0.4f;
  r[index(Category::safety)] = (f & flag::migrant) ? 0.15f : 0.1f;
  return r;
}

DemographyTables build_demography_tables(const GovernanceParameters& params) {
  DemographyTables t;
  for (int c = 0; c < demographic_class_count; ++c) {
    const auto cls = static_cast<std::uint8_t>(c);
    const auto annual = annual_need_rates(cls);
    const auto cu = static_cast<std::size_t>(c);
    float total = 0;
    for (int k = 0; k < category_count; ++k) {
      const float weekly = annual[static_cast<std::size_t>(k)] * static_cast<float>(params.needs.rate_scale) / 52.0f;
      t.weekly_need_rate[cu][static_cast<std::size_t>(k)] = weekly;
      total += weekly;
    }
    // One need per resident-week at most: the chance of any arrival is 1 − e^(−total); which
    // category is drawn in proportion to the rates (exact for a superposition of Poisson streams).
    t.weekly_any_need[cu] = 1.0f - std::exp(-total);
    float cumulative = 0;
    for (int k = 0; k < category_count; ++k) {
      cumulative += total > 0 ? t.weekly_need_rate[cu][static_cast<std::size_t>(k)] / total : 0;
      t.category_cumulative[cu][static_cast<std::size_t>(k)] = cumulative;
    }
    t.category_cumulative[cu][category_count - 1] = 1.0f;
    // Salience follows need, with a floor so that every category counts a little [A].
    float salience_total = 0;
    for (int k = 0; k < category_count; ++k) {
      const float s = annual[static_cast<std::size_t>(k)] + 0.1f;
      t.salience[cu][static_cast<std::size_t>(k)] = s;
      salience_total += s;
    }
    for (auto& s : t.salience[cu]) s /= salience_total;
    const bool isolated = (is_elderly(cls) && (flags_of(cls) & flag::living_alone)) || (flags_of(cls) & flag::disabled);
    t.self_referral[cu] = static_cast<float>(params.needs.self_referral_awareness *
                                             (isolated ? 1.0 - params.needs.vulnerable_access_barrier : 1.0));
    float vulnerability = 1.0f;
    if (is_vulnerable(cls)) vulnerability = 2.0f;
    if (age_of(cls) == AgeBand::oldest_80_plus) vulnerability += 0.5f;
    t.vulnerability[cu] = vulnerability;
  }
  return t;
}

}  // namespace shanzhi::gov
