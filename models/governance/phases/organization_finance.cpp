// Monthly cash flow of social organisations and their exit; quarterly capacity building
// (MODEL_BRIEF §2.3). R ← R + contracts + grants + awards + other income + subsidy − wages − overhead.
// Contract payments arrive weekly (capacity.cpp); grants and awards at the year's turn
// (fiscal_year.cpp). An organisation sizes its staff to its contracts (at least its core), loses
// fee and donation income where others' contracts serve its street, and closes after
// `months_negative_to_exit` months in debt.

#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::gov {
namespace {

std::vector<double> contract_hours_by_slot(const ModelState& s) {
  std::vector<double> hours(s.organizations.capacity(), 0.0);
  for (const auto& contract : s.contracts)
    if (s.organizations.is_alive(contract.provider)) hours[contract.provider.index] += contract.hours_per_week;
  return hours;
}

/// Per street, contracted hours a week and the demand hours of the categories on the catalogue.
struct StreetCoverage {
  std::vector<double> contract_hours, catalogue_demand_hours;

  explicit StreetCoverage(const ModelState& s)
      : contract_hours(s.layout.streets.size(), 0.0), catalogue_demand_hours(s.layout.streets.size(), 0.0) {
    for (const auto& contract : s.contracts)
      if (s.organizations.is_alive(contract.provider))
        contract_hours[s.layout.communities[contract.community].street] += contract.hours_per_week;
    for (std::size_t c = 0; c < s.expected_demand_hours.size(); ++c)
      for (int k = 0; k < category_count; ++k)
        if (s.catalogue.mode[static_cast<std::size_t>(k)] != CatalogueMode::off)
          catalogue_demand_hours[s.layout.communities[c].street] += s.expected_demand_hours[c][static_cast<std::size_t>(k)];
  }
  /// Share of the street's catalogue demand that other organisations' contracts cover.
  double covered_by_others(std::size_t street, double own_contract_hours) const {
    const double demand = catalogue_demand_hours[street];
    return demand > 0 ? std::clamp((contract_hours[street] - own_contract_hours) / demand, 0.0, 1.0) : 0.0;
  }
};

/// Fees and donations shrink where other organisations deliver the same services under contract,
/// free to residents: their users and donors go elsewhere (winner-take-most, MODEL_BRIEF fact 10;
/// dependence on government money [S29]) [A].
double crowded_income(const ModelState& s, std::uint32_t o, double contract_hours, const StreetCoverage& coverage) {
  const auto& col = s.organizations.columns;
  const double covered = coverage.covered_by_others(col.street[o], contract_hours);
  return col.other_income_yuan_per_month[o] * (1.0 - s.params.organizations.crowding_out * covered);
}

void settle_one(ModelState& s, std::uint32_t o, double contract_hours, const StreetCoverage& coverage, int week) {
  auto& col = s.organizations.columns;
  const auto& op = s.params.organizations;
  // Without contracts an organisation keeps its core (a part-time coordinator with volunteers);
  // the core delivers contract hours too, and beyond it staff is taken on part-time as the
  // contracts need (fractional staff).
  col.staff[o] = static_cast<float>(std::max(op.core_staff, contract_hours / op.service_hours_per_staff_week));
  sim::RandomStream rng(s.seed, o, static_cast<std::uint32_t>(week), purpose::organization_month);
  // This month's other income: the organisation's level, crowded out by others' contracts, × a
  // mean-one lognormal factor.
  const double noise_sd = op.income_noise_sd;
  const double other_income =
      crowded_income(s, o, contract_hours, coverage) * std::exp(rng.normal(0, noise_sd) - noise_sd * noise_sd / 2);
  const double subsidy = s.budget.pay(Instrument::subsidy, col.staff[o] * op.subsidy_yuan_per_staff_month);
  receive_government_payment(s, o, subsidy);
  // Members of a street hub (L11) have part of their overhead carried in kind by the hub.
  const double carried =
      hub_member(s, o) ? op.hub_overhead_relief * col.staff[o] * op.wage_yuan_per_month * op.overhead_share : 0.0;
  s.hub_overhead_carried_yuan += carried;
  col.cash_yuan[o] += other_income - (organization_monthly_cost(s.params, col.staff[o]) - carried);
  col.months_in_debt[o] = col.cash_yuan[o] < 0 ? col.months_in_debt[o] + 1 : 0;
}

}  // namespace

bool hub_member(const ModelState& s, std::uint32_t slot) {
  const auto& op = s.params.organizations;
  return op.hub && op.hub_fields[s.organizations.columns.field[slot]];
}

void receive_government_payment(ModelState& s, std::uint32_t o, double amount) {
  auto& col = s.organizations.columns;
  col.cash_yuan[o] += amount;
  col.revenue_this_year_yuan[o] += amount;
  col.government_revenue_total_yuan[o] += amount;
}

void close_organization(ModelState& s, std::uint32_t o) {
  s.government_revenue_of_closed_organizations += s.organizations.columns.government_revenue_total_yuan[o];
  s.organizations.destroy(s.organizations.id_at(o));
  ++s.rolling.exits_now();
}

void settle_organization_finances(ModelState& s, const sim::CalendarDate& date) {
  const auto hours = contract_hours_by_slot(s);
  const StreetCoverage coverage(s);
  const auto months_to_exit = static_cast<int>(s.params.organizations.months_negative_to_exit);
  for (std::uint32_t o = 0; o < s.organizations.capacity(); ++o) {
    if (!s.organizations.slot_alive(o)) continue;
    settle_one(s, o, hours[o], coverage, date.week);
    if (s.organizations.columns.months_in_debt[o] >= months_to_exit) {
      close_organization(s, o);  // its contracts lapse: see capacity.cpp
    }
  }
}

void develop_organizations(ModelState& s, const sim::CalendarDate&) {
  // Learning by doing for contract holders; hub members (三社联动, L11: organisations of the fields
  // the hub covers) gain from training and supervision each quarter.
  const auto hours = contract_hours_by_slot(s);
  const auto& op = s.params.organizations;
  auto& col = s.organizations.columns;
  for (std::uint32_t o = 0; o < s.organizations.capacity(); ++o) {
    if (!s.organizations.slot_alive(o)) continue;
    double gain = hours[o] > 0 ? op.quality_learning_per_year / sim::quarters_per_year : 0.0;
    if (hub_member(s, o)) gain += op.hub_quality_gain_per_quarter;
    if (col.mentored[o]) gain += op.mentoring_quality_per_quarter;
    col.quality[o] = static_cast<float>(std::min(s.params.services.max_provider_quality, col.quality[o] + gain));
  }
}

}  // namespace shanzhi::gov
