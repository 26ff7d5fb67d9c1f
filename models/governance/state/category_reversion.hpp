#pragma once
// Lazy reversion of category satisfactions (MODEL_BRIEF §3.3). Without an encounter or a talk,
// every S_k relaxes toward the resident's prior by the factor r each week,
// S_k ← prior + (S_k − prior)·r. Residents store S_k as of the end of week
// Residents::categories_week[i] and bring them up to date in closed form,
// prior + (S_k − prior)·r^Δt, only when an encounter or a talk changes one or a breakdown reads
// them. Between such events overall satisfaction, a fixed weighted mean of the S_k, relaxes by
// the same factor, so the weekly pass updates one number instead of nine (resident_update.cpp).
// The same equation as reverting every week; only float rounding differs.

#include "models/governance/state/model_state.hpp"

#include <cmath>

namespace shanzhi::gov {

/// Brings resident i's nine S_k to the end of week `week` (no change if they are already there).
inline void settle_categories(Residents& r, const ReversionPowers& reversion, std::uint32_t i, int week) {
  const int elapsed = week - r.categories_week[i];
  if (elapsed <= 0) return;
  const float decay = reversion.to_the(elapsed);
  const float prior = r.prior[i];
  float* sk = r.categories_of(i);
  for (int k = 0; k < category_count; ++k) sk[k] = prior + (sk[k] - prior) * decay;
  r.categories_week[i] = week;
}

/// S_k of resident i at the end of week `week` (≥ the week it is stored for), without storing it.
inline float category_satisfaction_at(const Residents& r, const ReversionPowers& reversion, std::uint32_t i, int k,
                                      int week) {
  const float stored = r.category_satisfaction[i * category_count + static_cast<std::size_t>(k)];
  const int elapsed = week - r.categories_week[i];
  if (elapsed <= 0) return stored;
  const float prior = r.prior[i];
  return prior + (stored - prior) * reversion.to_the(elapsed);
}

/// Brings every resident to the end of `week`: before the reversion factor itself changes.
inline void settle_all_categories(ModelState& s, int week) {
  for (std::uint32_t i = 0; i < s.residents.size(); ++i) settle_categories(s.residents, s.reversion, i, week);
}

}  // namespace shanzhi::gov
