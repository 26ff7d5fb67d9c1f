#include "models/governance/state/demography.hpp"

#include "sim/calendar.hpp"

#include <cmath>

namespace shanzhi::gov {

std::array<float, category_count> annual_need_rates(const NeedParameters& n, std::uint8_t cls) {
  // Needs per person per year, from the needs.annual_rate_* keys: a working-age adult has about two
  // service needs a year; the oldest old living alone about six, mostly elderly care (MODEL_BRIEF
  // §2.1). No elderly-care need below 60 and no disability need without a disability, by definition.
  const AgeBand age = age_of(cls);
  const std::uint8_t f = flags_of(cls);
  const auto rate = [](double annual) { return static_cast<float>(annual); };
  std::array<float, category_count> r{};
  r[index(Category::admin)] = rate(age == AgeBand::child_0_14 ? n.annual_rate_admin_child : n.annual_rate_admin_15_plus);
  r[index(Category::assistance)] =
      rate((f & flag::low_income) ? n.annual_rate_assistance_low_income : n.annual_rate_assistance_other);
  r[index(Category::elderly)] = age == AgeBand::oldest_80_plus    ? rate(n.annual_rate_elderly_care_80_plus)
                                : age == AgeBand::young_old_60_79 ? rate(n.annual_rate_elderly_care_60_79)
                                                                  : 0.0f;
  if ((f & flag::living_alone) && is_elderly(cls)) r[index(Category::elderly)] *= rate(n.elderly_care_living_alone_factor);
  r[index(Category::family)] = rate(age == AgeBand::child_0_14    ? n.annual_rate_family_child
                                    : age == AgeBand::adult_15_59 ? n.annual_rate_family_15_59
                                                                  : n.annual_rate_family_60_plus);
  r[index(Category::disability)] = (f & flag::disabled) ? rate(n.annual_rate_disability_disabled) : 0.0f;
  r[index(Category::health)] = rate(is_elderly(cls) ? n.annual_rate_health_60_plus : n.annual_rate_health_under_60);
  r[index(Category::culture)] = rate(is_elderly(cls)                 ? n.annual_rate_culture_60_plus
                                     : age == AgeBand::child_0_14 ? n.annual_rate_culture_child
                                                                  : n.annual_rate_culture_15_59);
  r[index(Category::environment)] = rate(n.annual_rate_environment);
  r[index(Category::safety)] = rate((f & flag::migrant) ? n.annual_rate_safety_migrant : n.annual_rate_safety_other);
  return r;
}

DemographyTables build_demography_tables(const GovernanceParameters& params) {
  DemographyTables t;
  for (int c = 0; c < demographic_class_count; ++c) {
    const auto cls = static_cast<std::uint8_t>(c);
    const auto annual = annual_need_rates(params.needs, cls);
    const auto cu = static_cast<std::size_t>(c);
    float total = 0;
    for (int k = 0; k < category_count; ++k) {
      const float weekly = annual[static_cast<std::size_t>(k)] * static_cast<float>(params.needs.rate_scale) /
                           static_cast<float>(sim::weeks_per_year);
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
    // Salience follows need, with a floor so that every category counts a little.
    const auto floor = static_cast<float>(params.satisfaction.salience_floor);
    float salience_total = 0;
    for (int k = 0; k < category_count; ++k) {
      const float s = annual[static_cast<std::size_t>(k)] + floor;
      t.salience[cu][static_cast<std::size_t>(k)] = s;
      salience_total += s;
    }
    for (auto& s : t.salience[cu]) s /= salience_total;
    const bool isolated = (is_elderly(cls) && (flags_of(cls) & flag::living_alone)) || (flags_of(cls) & flag::disabled);
    t.self_referral[cu] = static_cast<float>(params.needs.self_referral_awareness *
                                             (isolated ? 1.0 - params.needs.vulnerable_access_barrier : 1.0));
    // Queue priority weight under the priority rule (L6): 1 for everyone else.
    float vulnerability = 1.0f;
    if (is_vulnerable(cls)) vulnerability = static_cast<float>(params.information.vulnerable_priority);
    if (age_of(cls) == AgeBand::oldest_80_plus) vulnerability += static_cast<float>(params.information.oldest_old_priority_bonus);
    t.vulnerability[cu] = vulnerability;
  }
  return t;
}

}  // namespace shanzhi::gov
