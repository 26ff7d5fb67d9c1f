// The purchase catalogue in force for a fiscal year (L3): what the scenario asks for, revised by
// the government's optional adaptive budget rule (MODEL_BRIEF §2.5) and held up by the six rules'
// "services only increase" ratchet (只多不少, L16): under it no category leaves the catalogue and
// the budget per community never falls, so a cut (or an adaptive decrease) is blocked.

#include "models/governance/phases/phases.hpp"

#include <algorithm>

namespace shanzhi::gov {
namespace {

/// Appraised satisfaction is what the district sees (L19: a self-run survey flatters); the
/// adaptive rule steers by it. Returns a negative value before the first appraisal.
double appraised_satisfaction(const ModelState& s) {
  double sum = 0;
  for (const auto& a : s.appraisals) sum += a.surveyed_satisfaction;
  return s.appraisals.empty() || sum <= 0 ? -1.0 : sum / static_cast<double>(s.appraisals.size());
}

double adaptive_budget(const ModelState& s) {
  const auto& p = s.params.purchase;
  const double last = s.catalogue.budget_per_community_yuan;
  const double seen = appraised_satisfaction(s);
  // The rule starts from the scenario's budget: the first year it is in force, and again whenever
  // a policy change sets a new budget (so a burn-in at the pre-reform budget of 0 does not leave it
  // stepping a zero budget).
  const bool restart = !s.catalogue.adaptive || s.catalogue.scenario_budget_yuan != p.budget_per_community_yuan;
  if (restart || seen < 0) return p.budget_per_community_yuan;
  if (seen < p.satisfaction_target) return last * (1.0 + p.adaptive_step_share);
  if (seen >= p.satisfaction_target + p.adaptive_dead_band_points) return last * (1.0 - p.adaptive_step_share);
  return last;
}

}  // namespace

CatalogueMode resolve_purchase_mode(CatalogueMode mode, PurchaseMode default_mode) {
  if (mode != CatalogueMode::purchase) return mode;
  return default_mode == PurchaseMode::tendered ? CatalogueMode::tendered : CatalogueMode::commissioned;
}

void revise_catalogue(ModelState& s) {
  const auto& p = s.params;
  CatalogueInForce next;
  next.adaptive = p.purchase.adaptive_budget;
  next.scenario_budget_yuan = p.purchase.budget_per_community_yuan;
  next.budget_per_community_yuan = p.purchase.adaptive_budget ? adaptive_budget(s) : p.purchase.budget_per_community_yuan;
  for (int k = 0; k < category_count; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    next.mode[ku] = resolve_purchase_mode(p.catalogue.mode[ku], p.purchase.mode);
  }
  const bool ratchet = p.admin.services_only_grow && s.catalogue.opened;
  if (ratchet) {
    next.budget_per_community_yuan = std::max(next.budget_per_community_yuan, s.catalogue.budget_per_community_yuan);
    for (std::size_t k = 0; k < next.mode.size(); ++k)
      if (next.mode[k] == CatalogueMode::off) next.mode[k] = s.catalogue.mode[k];
  }
  // A street that set its own budget buys with it (the adaptive rule steers the district's);
  // the ratchet holds each street's budget up as it holds the district's.
  next.street_budget_per_community_yuan.assign(s.layout.streets.size(), next.budget_per_community_yuan);
  for (std::size_t t = 0; t < s.layout.streets.size(); ++t) {
    const auto& own = t < s.street_levers.size() ? s.street_levers[t][StreetLever::purchase_budget] : std::nullopt;
    double budget = own ? *own : next.budget_per_community_yuan;
    if (ratchet) budget = std::max(budget, s.catalogue.budget_of_street(t));
    next.street_budget_per_community_yuan[t] = budget;
  }
  next.opened = true;
  s.catalogue = next;
}

}  // namespace shanzhi::gov
