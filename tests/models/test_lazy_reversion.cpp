// Lazy reversion of category satisfactions (category_reversion.hpp) must give what reverting
// every week gives: the closed form matches repeated weekly steps, and after a run every
// resident's S equals the weighted mean of their S_k brought up to date, as the model defines S.

#include "tests/support/model_fixtures.hpp"
#include "models/governance/state/category_reversion.hpp"
#include "models/governance/model.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace shanzhi;
using namespace shanzhi::gov;

namespace {

/// S as the model defines it (MODEL_BRIEF §3.3): salience-weighted mean of the S_k, unused
/// categories weighted less; computed directly, in double, from the up-to-date S_k.
double defined_satisfaction(const ModelState& s, std::uint32_t i, int week) {
  const auto& r = s.residents;
  const auto& salience = s.demography.salience[r.demographic_class[i]];
  double weighted = 0, weights = 0, salience_weighted = 0, salience_total = 0;
  for (int k = 0; k < category_count; ++k) {
    const double sk = category_satisfaction_at(r, s.reversion, i, k, week);
    const double importance = salience[static_cast<std::size_t>(k)];
    const double w = importance * (((r.used_categories[i] >> k) & 1u) ? 1.0 : s.params.satisfaction.unused_category_weight);
    weighted += w * sk;
    weights += w;
    salience_weighted += importance * sk;
    salience_total += importance;
  }
  return weights > 0 ? weighted / weights : salience_weighted / salience_total;
}

}  // namespace

TEST_CASE("Settling category satisfactions equals reverting them week by week", "[model][satisfaction]") {
  Residents r;
  r.resize(1);
  r.prior[0] = 62.0f;
  float* sk = r.categories_of(0);
  for (int k = 0; k < category_count; ++k) sk[k] = 10.0f * static_cast<float>(k) + 5.0f;
  ReversionPowers powers;
  powers.set(0.995f);
  std::array<float, category_count> weekly{};
  for (int k = 0; k < category_count; ++k) weekly[static_cast<std::size_t>(k)] = sk[k];
  for (int week = 0; week < 300; ++week)
    for (auto& x : weekly) x = 62.0f + (x - 62.0f) * 0.995f;
  // Stored as of week −1 (set-up); 300 reversions bring them to the end of week 299.
  settle_categories(r, powers, 0, 299);
  CHECK(r.categories_week[0] == 299);
  for (int k = 0; k < category_count; ++k) CHECK(sk[k] == Approx(weekly[static_cast<std::size_t>(k)]).margin(1e-3));
  // The relaxation shrinks every gap to the prior by 0.995^300 ≈ 0.22.
  CHECK(std::fabs(sk[0] - 62.0f) == Approx(57.0 * std::pow(0.995, 300)).margin(1e-3));
  // Gaps beyond the table fall back to pow().
  settle_categories(r, powers, 0, 299 + ReversionPowers::table_size + 10);
  CHECK(std::fabs(sk[0] - 62.0f) == Approx(57.0 * std::pow(0.995, 300 + ReversionPowers::table_size + 10)).margin(1e-3));
}

TEST_CASE("After a run every resident's S is the weighted mean of their up-to-date S_k", "[model][satisfaction]") {
  GovernanceModel model(test::scenario_parameters("small_district", {"run.weeks=52", "run.burn_in_weeks=26"}));
  model.run_to_end();
  const auto& s = model.state();
  const int last_week = s.week - 1;
  double worst = 0;
  std::size_t stale = 0;
  for (std::uint32_t i = 0; i < s.residents.size(); ++i) {
    // A stale resident heard a talk after its own pass this week: S catches up next week.
    if (s.residents.satisfaction_stale[i]) {
      ++stale;
      continue;
    }
    worst = std::max(worst, std::fabs(defined_satisfaction(s, i, last_week) - s.residents.satisfaction[i]));
  }
  // Float rounding of S's own weekly relaxation against the closed form: far below a point.
  CHECK(worst < 0.01);
  // Talks heard after the hearer's pass leave some residents to weigh again next week (a few
  // percent); none would mean the stale path is never exercised.
  CHECK(stale > 0);
  CHECK(stale < s.residents.size() / 2);
}
