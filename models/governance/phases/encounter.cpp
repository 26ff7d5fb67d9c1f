#include "models/governance/phases/encounter.hpp"

#include "models/governance/state/category_reversion.hpp"
#include "models/governance/state/random_purposes.hpp"
#include "models/governance/phases/satisfaction.hpp"

namespace shanzhi::gov {

float apply_encounter(ModelState& s, std::uint32_t i, int k, int arrival_week, float quality, float wait_weeks,
                     float fit, int week) {
  const auto& sp = s.params.satisfaction;
  auto& r = s.residents;
  sim::RandomStream rng(s.seed, i, static_cast<std::uint32_t>(week), purpose::encounter_of(k, arrival_week));
  const float noise = static_cast<float>(rng.normal(0, sp.performance_noise_sd));
  const float performance = perceived_performance(sp, quality, wait_weeks, s.params.services.tolerable_wait_of(k), fit, noise);
  float& expectation = r.expectations_of(i)[k];
  float& normative = r.normatives_of(i)[k];
  // The encounter comes before this week's reversion (in the resident pass, which then weighs S
  // again from the S_k).
  settle_categories(r, s.reversion, i, week - 1);
  r.satisfaction_stale[i] = 1;
  float& satisfaction = r.categories_of(i)[k];
  const float encounter = encounter_satisfaction(sp, performance, expectation, normative);
  satisfaction = static_cast<float>(sp.memory * satisfaction + (1.0 - sp.memory) * encounter);
  r.last_performance[i] = performance;
  r.last_disconfirmation[i] = performance - expectation;
  r.acsi_disconfirmation_item[i] = acsi_disconfirmation_item(r.last_disconfirmation[i]);
  r.last_category[i] = static_cast<std::uint8_t>(k);
  r.used_categories[i] = static_cast<std::uint16_t>(r.used_categories[i] | (1u << k));
  expectation = updated_expectation(sp, expectation, performance);
  normative = updated_normative(sp, normative, performance);
  return performance;
}

}  // namespace shanzhi::gov
