// Service capacity from providers other than community workers: purchased contracts and DIRECT
// catalogue items (paid weekly from the purchase ledger), property companies (environment and
// property), and resident units' facilities (culture and sports, L21), rebuilt every week.

#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"
#include "models/governance/phases/satisfaction.hpp"

#include <algorithm>

namespace shanzhi::gov {
namespace {

/// Fit of a purchased service: an organisation rooted in the community knows what its residents
/// need; a distant one may deliver what the contract says rather than what users want [S55; A].
double contract_fit(const PurchaseParameters& p, float embeddedness) {
  return p.contract_fit_base + p.contract_fit_per_embeddedness * embeddedness;
}

void add_contract_capacity(ModelState& s, int week) {
  auto& orgs = s.organizations;
  const auto& p = s.params.purchase;
  for (auto& contract : s.contracts) {
    if (!orgs.is_alive(contract.provider)) continue;  // provider closed: service and payments stop
    const double due = contract.value_yuan / sim::weeks_per_year;
    const double paid = s.budget.pay(Instrument::purchase, due);
    contract.paid_yuan += paid;
    const auto o = contract.provider.index;
    receive_government_payment(s, o, paid);
    // A new provider learns the community, its residents and their files first (continuity dip).
    const bool handover = contract.new_provider && week - contract.start_week < p.handover_weeks;
    const double quality = orgs.columns.quality[o] * (handover ? p.handover_quality_factor : 1.0);
    s.external_capacity[contract.community].add_purchased(contract.category, contract.hours_per_week, quality,
                                                          contract_fit(p, orgs.columns.embeddedness[o]), paid);
  }
}

/// Mean service quality of a community's own workers (DIRECT items use their hours); with every
/// post vacant, that of the unlicensed new hire the street would send.
double community_worker_quality(const ModelState& s, std::size_t c) {
  const auto& w = s.params.workforce;
  const auto& staff = s.workers_by_community[c];
  if (staff.empty()) return worker_quality(w, static_cast<float>(w.new_hire_skill), false);
  const auto& col = s.workers.columns;
  double sum = 0;
  for (auto slot : staff) sum += worker_quality(w, col, slot);
  return sum / static_cast<double>(staff.size());
}

/// DIRECT items (直接服务): staff hours paid at cost from the purchase budget, no provider.
void add_direct_capacity(ModelState& s) {
  // Lots are grouped by community (buy_catalogue adds them community by community), so each
  // community's worker quality is computed once.
  std::size_t quality_of = s.community_count();
  double quality = 0;
  for (const auto& lot : s.direct_lots) {
    if (lot.community != quality_of) {
      quality_of = lot.community;
      quality = community_worker_quality(s, lot.community);
    }
    const double paid = s.budget.pay(Instrument::purchase, lot.cost_per_week_yuan);
    s.direct_delivery_paid_yuan += paid;
    const double hours = lot.cost_per_week_yuan > 0 ? lot.hours_per_week * paid / lot.cost_per_week_yuan : 0.0;
    s.external_capacity[lot.community].add_purchased(lot.category, hours, quality, worker_fit(s.params, lot.category), paid);
  }
}

/// Party coordination c (L5) scales what the council and pairing achieve; c at the reference
/// (0.8) gives the parameters' stated effects.
double coordination_factor(const GovernanceParameters& p) {
  return p.coordination.party_coordination / p.coordination.reference_coordination;
}

/// Community projects under way (the N of 4+4+N, L4): paid weekly from the projects ledger.
void add_project_capacity(ModelState& s, int week) {
  for (const auto& p : s.projects) {
    if (!p.under_way || week < p.start_week || week > p.end_week || !s.organizations.is_alive(p.provider)) continue;
    const double paid = s.budget.pay(Instrument::projects, p.payment_per_week_yuan);
    receive_government_payment(s, p.provider.index, paid);
    const double hours = p.payment_per_week_yuan > 0 ? p.hours_per_week * paid / p.payment_per_week_yuan : 0.0;
    s.external_capacity[p.community].add(p.category, hours, s.organizations.columns.quality[p.provider.index], p.fit);
  }
}

void add_property_capacity(ModelState& s) {
  const auto& e = s.params.enterprises;
  const double council = e.governance_council ? e.council_responsiveness_gain * coordination_factor(s.params) : 0.0;
  for (const auto& company : s.enterprises.property_companies) {
    const double hours = company.residents / 1000.0 * e.property_hours_per_1k_residents * (1.0 + council);
    const double quality = std::min(s.params.services.max_provider_quality, company.quality + e.council_quality_share * council);
    s.external_capacity[company.community].add(index(Category::environment), hours, quality, e.property_fit);
  }
}

void add_facility_capacity(ModelState& s) {
  const auto& e = s.params.enterprises;
  for (const auto& unit : s.enterprises.resident_units)
    if (unit.facilities_open)
      s.external_capacity[unit.community].add(index(Category::culture), e.facility_hours_per_week, e.facility_quality,
                                              e.facility_fit);
}

}  // namespace

void pay_contracts_and_plan_capacity(ModelState& s, const sim::CalendarDate& date) {
  for (auto& capacity : s.external_capacity) capacity = ExternalCapacity{};
  add_contract_capacity(s, date.week);
  add_direct_capacity(s);
  add_project_capacity(s, date.week);
  add_property_capacity(s);
  add_facility_capacity(s);
}

void decide_facility_sharing(ModelState& s, const sim::CalendarDate& date) {
  // p_open = σ(a0 + CSR + a2·council + a3·pairing) each month (MODEL_BRIEF §2.4).
  const auto& e = s.params.enterprises;
  auto& units = s.enterprises.resident_units;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const double coordination = coordination_factor(s.params);
    const double logit = e.open_logit_base + units[u].csr_propensity +
                         coordination * ((e.governance_council ? e.open_logit_council : 0.0) +
                                         (e.party_pairing ? e.open_logit_pairing : 0.0));
    sim::RandomStream rng(s.seed, static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(date.week),
                          purpose::facility_month);
    units[u].facilities_open = rng.uniform() < logistic(logit);
  }
}

void improve_property_services(ModelState& s, const sim::CalendarDate&) {
  // Where the council meets, property companies sit with residents' representatives every month
  // and answer for the complaints brought there (MODEL_BRIEF L20, §2.4: responsiveness rises when
  // the council is on and complaints escalate). Each month a company closes a share of the gap to
  // the best quality any provider reaches: a base rate plus a rate per complaint per 1,000
  // residents, both scaled by party coordination (L5). What it learns stays: quality does not
  // fall back if the council stops (an assumption, docs/model.md).
  const auto& e = s.params.enterprises;
  if (e.governance_council) {
    const double coordination = coordination_factor(s.params);
    const double best = s.params.services.max_provider_quality;
    for (auto& company : s.enterprises.property_companies) {
      const auto& community = s.layout.communities[company.community];
      const double complaints_per_1k =
          community.resident_count > 0 ? 1000.0 * s.complaints_this_month[company.community] / community.resident_count : 0.0;
      const double rate = std::clamp(
          coordination * (e.council_quality_rate_per_month + e.council_escalation_rate * complaints_per_1k), 0.0, 1.0);
      if (company.quality < best) company.quality += static_cast<float>(rate * (best - company.quality));
    }
  }
  std::fill(s.complaints_this_month.begin(), s.complaints_this_month.end(), 0u);
}

}  // namespace shanzhi::gov
