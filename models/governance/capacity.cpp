// Service capacity from providers other than community workers: purchased contracts (paid weekly
// from the purchase ledger), property companies (environment and property), and resident units'
// facilities (culture and sports, L21), rebuilt every week from the current state.

#include "models/governance/phases.hpp"
#include "models/governance/random_purposes.hpp"
#include "models/governance/satisfaction.hpp"

namespace shanzhi::gov {
namespace {

/// Quality of an opened facility hour [A]: decent, not professional.
constexpr double facility_quality = 0.7;

void add_contract_capacity(ModelState& s) {
  auto& orgs = s.organizations;
  for (auto& contract : s.contracts) {
    if (!orgs.is_alive(contract.provider)) continue;  // provider closed: service and payments stop
    const double due = contract.value_yuan / sim::weeks_per_year;
    const double paid = s.budget.pay(Instrument::purchase, due);
    contract.paid_yuan += paid;
    const auto o = contract.provider.index;
    receive_government_payment(s, o, paid);
    s.external_capacity[contract.community].add(contract.category, contract.hours_per_week, orgs.columns.quality[o]);
  }
}

/// Party coordination c (L5) scales what the council and pairing achieve; c = 0.8 gives the
/// parameters' stated effects.
double coordination_factor(const GovernanceParameters& p) { return p.coordination.party_coordination / 0.8; }

void add_property_capacity(ModelState& s) {
  const auto& e = s.params.enterprises;
  const double council = e.governance_council ? e.council_responsiveness_gain * coordination_factor(s.params) : 0.0;
  for (const auto& company : s.enterprises.property_companies) {
    const double hours = company.residents / 1000.0 * e.property_hours_per_1k_residents * (1.0 + council);
    const double quality = std::min(0.95, company.quality + 0.5 * council);
    s.external_capacity[company.community].add(index(Category::environment), hours, quality);
  }
}

void add_facility_capacity(ModelState& s) {
  for (const auto& unit : s.enterprises.resident_units)
    if (unit.facilities_open)
      s.external_capacity[unit.community].add(index(Category::culture), s.params.enterprises.facility_hours_per_week,
                                              facility_quality);
}

}  // namespace

void pay_contracts_and_plan_capacity(ModelState& s, const sim::CalendarDate&) {
  for (auto& capacity : s.external_capacity) capacity = ExternalCapacity{};
  add_contract_capacity(s);
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

}  // namespace shanzhi::gov
