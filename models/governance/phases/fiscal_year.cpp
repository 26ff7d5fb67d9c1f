// The fiscal year (January–December): at its start the district opens the budget ledgers, pays
// operating grants (L12), funds new organisations from the venture-philanthropy call (公益创投),
// and buys the year's services (L3) on the catalogue in force: DIRECT items as government staff
// hours, the others by commissioning or tender; at its end awards are paid on
// rated quality (以奖代补) and contracts lapse.

#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shanzhi::gov {
namespace {

/// Most contract hours a week one organisation can take on: the staff it could field
/// (organizations.max_staff) at the hours one staff member delivers.
double max_contract_hours_per_week(const ModelState& s) {
  return s.params.organizations.max_staff * s.params.organizations.service_hours_per_staff_week;
}

/// The purchase instrument's allocation: the district's budget for every community, plus what
/// streets with their own budget add or take away. Written as a correction so that with no street
/// budget different from the district's the sum is exactly the district formula's.
double purchase_allocation(const ModelState& s) {
  const double district = s.catalogue.budget_per_community_yuan;
  double correction = 0;
  for (std::size_t t = 0; t < s.layout.streets.size(); ++t)
    correction += (s.catalogue.budget_of_street(t) - district) * static_cast<double>(s.layout.streets[t].communities.size());
  return district * static_cast<double>(s.community_count()) + correction;
}

std::array<double, instrument_count> allocations(const ModelState& s) {
  const auto& p = s.params;
  double staff = 0;
  s.organizations.for_each_alive([&](std::uint32_t o) { staff += s.organizations.columns.staff[o]; });
  std::array<double, instrument_count> a{};
  a[static_cast<std::size_t>(Instrument::purchase)] = purchase_allocation(s);
  a[static_cast<std::size_t>(Instrument::direct_grant)] = p.organizations.direct_grant_yuan * s.organizations.alive_count();
  a[static_cast<std::size_t>(Instrument::award)] = p.organizations.award_pool_yuan;
  a[static_cast<std::size_t>(Instrument::venture)] = p.organizations.venture_budget_yuan;
  // Subsidies are budgeted for today's staff, with headroom for growth under new contracts.
  a[static_cast<std::size_t>(Instrument::subsidy)] =
      p.organizations.subsidy_yuan_per_staff_month * staff * sim::months_per_year * p.organizations.subsidy_headroom;
  a[static_cast<std::size_t>(Instrument::projects)] =
      p.participation.project_budget_yuan * static_cast<double>(p.participation.projects_per_year) * s.community_count();
  return a;
}

void pay_direct_grants(ModelState& s) {
  s.organizations.for_each_alive([&](std::uint32_t o) {
    receive_government_payment(s, o, s.budget.pay(Instrument::direct_grant, s.params.organizations.direct_grant_yuan));
  });
}

void fund_new_organizations(ModelState& s, int week) {
  const auto& op = s.params.organizations;
  const auto grants = static_cast<int>(std::floor(op.venture_budget_yuan / op.venture_grant_yuan + 1e-9));
  for (int g = 0; g < grants; ++g) {
    const double paid = s.budget.pay(Instrument::venture, op.venture_grant_yuan);
    if (paid < op.venture_grant_yuan) break;
    sim::RandomStream rng(s.seed, static_cast<std::uint32_t>(g), static_cast<std::uint32_t>(week), purpose::venture_entry);
    const auto id = s.organizations.create();
    auto& col = s.organizations.columns;
    col.street[id.index] = static_cast<std::uint16_t>((g + week / sim::weeks_per_year) % s.layout.streets.size());
    col.professional[id.index] = 0;
    // New, home-grown organisations: low quality, deep roots [MODEL_BRIEF §2.3].
    col.quality[id.index] = static_cast<float>(op.venture_quality_min + op.venture_quality_width * rng.uniform());
    col.embeddedness[id.index] = static_cast<float>(op.venture_embeddedness_min + op.venture_embeddedness_width * rng.uniform());
    col.staff[id.index] = 1;
    receive_government_payment(s, id.index, paid);
    col.other_income_yuan_per_month[id.index] = static_cast<float>(other_income_level(op, col.embeddedness[id.index], rng));
    col.founded_week[id.index] = week;
    assign_organization_field(s, id.index, week);
    ++s.rolling.entries_now();
  }
}

/// Cost of one delivered hour: an organisation's monthly cost per staff member over the service
/// hours one staff member delivers in a month. The same for every organisation.
double hourly_cost(const ModelState& s) {
  return organization_monthly_cost(s.params, 1.0) * sim::months_per_year /
         (s.params.organizations.service_hours_per_staff_week * sim::weeks_per_year);
}

/// The margin over cost an organisation asks when nobody bids against it: 5% when its reserves
/// are thin (a hungry provider prices close to cost) up to 20% with six months' costs in hand [A]
/// (purchase.margin_low_reserves, margin_reserve_premium, comfortable_reserve_months).
double asking_markup(const ModelState& s, std::uint32_t o) {
  const auto& p = s.params.purchase;
  const auto& col = s.organizations.columns;
  const double comfortable = p.comfortable_reserve_months * organization_monthly_cost(s.params, col.staff[o]);
  const double comfort = std::clamp(col.cash_yuan[o] / comfortable, 0.0, 1.0);
  return p.margin_low_reserves + p.margin_reserve_premium * comfort;
}

/// Price per hour of a commissioned lot (委托): cost plus the provider's asking margin, at most the
/// price cap the district pays for any purchased hour.
double commission_price(const ModelState& s, std::uint32_t o) {
  return std::min(hourly_cost(s) * (1.0 + asking_markup(s, o)), s.params.purchase.price_per_hour_yuan);
}

/// An organisation's bid in a tender against `bidders` qualified bidders (itself included).
/// Competition presses the margin: in a first-price procurement auction with n symmetric bidders
/// the equilibrium margin falls as 1/n; `purchase.bid_competition` is the exponent of n (0 =
/// bidders ignore their rivals and bid as if commissioned).
double tender_bid(const ModelState& s, std::uint32_t o, int bidders) {
  const double pressure = std::pow(static_cast<double>(std::max(bidders, 1)), -s.params.purchase.bid_competition);
  return hourly_cost(s) * (1.0 + asking_markup(s, o) * pressure);
}

/// Expected demand hours of each category in a community, from its residents' classes.
std::array<double, category_count> expected_demand_hours(const ModelState& s, std::size_t c) {
  std::array<double, category_count> demand{};
  std::array<float, category_count> hours_per_request{};
  for (int k = 0; k < category_count; ++k)
    hours_per_request[static_cast<std::size_t>(k)] = s.params.services.hours_per_request_of(k);
  const auto& community = s.layout.communities[c];
  for (std::uint32_t i = community.first_resident; i < community.end_resident(); ++i) {
    const auto& rate = s.demography.weekly_need_rate[s.residents.demographic_class[i]];
    for (std::size_t k = 0; k < category_count; ++k) demand[k] += rate[k] * hours_per_request[k];
  }
  return demand;
}

struct Award {
  std::uint32_t organization = 0;
  double price = 0;
  bool found = false;
};

Award choose_provider(const ModelState& s, std::size_t c, int k, double value, const std::vector<double>& committed,
                      CatalogueMode mode, int week) {
  const auto& p = s.params.purchase;
  const auto& col = s.organizations.columns;
  const auto street = s.layout.communities[c].street;
  const double cap_hours = max_contract_hours_per_week(s);
  auto has_room = [&](std::uint32_t o, double price) {
    return committed[o] + value / price / sim::weeks_per_year <= cap_hours;
  };

  if (mode == CatalogueMode::commissioned) {
    // 委托: the incumbent keeps it; otherwise the street's flagship [MODEL_BRIEF §2.3] — its largest
    // organisation, professional agencies first (ties to the lower slot) — at cost plus margin.
    // Without bids the buyer has nothing to compare quality by, so quality plays no part here.
    const auto incumbent = s.last_provider[c * category_count + static_cast<std::size_t>(k)];
    if (s.organizations.is_alive(incumbent) && has_room(incumbent.index, commission_price(s, incumbent.index)))
      return {incumbent.index, commission_price(s, incumbent.index), true};
    Award best;
    auto ahead_of_best = [&](std::uint32_t o) {
      const auto b = best.organization;
      if (!best.found || col.professional[o] != col.professional[b]) return !best.found || col.professional[o] > col.professional[b];
      return col.staff[o] > col.staff[b];
    };
    s.organizations.for_each_alive([&](std::uint32_t o) {
      if (col.street[o] != street || !ahead_of_best(o) || !has_room(o, commission_price(s, o))) return;
      best = {o, commission_price(s, o), true};
    });
    return best;
  }
  // 购买: only organisations of the street over the qualification bar (资质) with room for the lot
  // bid; each knows how many qualified rivals it faces and shades its margin accordingly.
  // score = w_q·q̂ + w_p·(1 − price/cap) + w_e·e; third-party assessment halves the noise on q̂.
  const double cost = hourly_cost(s);
  if (cost > p.price_per_hour_yuan) return {};  // nobody can deliver an hour at the price cap
  auto qualified = [&](std::uint32_t o) {
    return col.street[o] == street && col.quality[o] >= p.tender_min_quality && has_room(o, cost);
  };
  int bidders = 0;
  s.organizations.for_each_alive([&](std::uint32_t o) { bidders += qualified(o) ? 1 : 0; });
  const double noise = p.reputation_noise_sd * (s.params.appraisal.third_party ? p.third_party_noise_factor : 1.0);
  Award best;
  double best_score = 0;
  s.organizations.for_each_alive([&](std::uint32_t o) {
    if (!qualified(o)) return;
    const double price = std::min(tender_bid(s, o, bidders), p.price_per_hour_yuan);
    // Each (community, category) tender gets its own stream, so one bidder's noise differs by lot.
    const auto lot = static_cast<std::uint64_t>(c * category_count + static_cast<std::size_t>(k));
    sim::RandomStream rng(sim::derive_seed(s.seed, lot), o, static_cast<std::uint32_t>(week), purpose::tender);
    const double observed_quality = col.quality[o] + rng.normal(0, noise);
    const double score = p.award_weight_quality * observed_quality +
                         p.award_weight_price * (1.0 - price / p.price_per_hour_yuan) +
                         p.award_weight_embeddedness * col.embeddedness[o];
    if (!best.found || score > best_score) {
      best_score = score;
      best = {o, price, true};
    }
  });
  return best;
}

/// 由大带小 (L13): a professional agency that wins a lot passes a share of it to a small, rooted
/// organisation of the same street and mentors it for the year. The partner is the most locally
/// embedded grassroots organisation with room that is not yet a partner this year (ties broken by
/// slot); only when every one is already a partner does one take a second share. Pairing spreads
/// the work over the street's small organisations, as one flagship leading several small ones
/// does, instead of piling every share on the single most rooted one. Returns the value passed on
/// (0 when the lever is off or nobody can take it).
double pass_share_to_small(ModelState& s, const Award& award, std::size_t c, int k, double value,
                           std::vector<double>& committed) {
  const double share = s.params.organizations.big_leads_small_share;
  auto& col = s.organizations.columns;
  if (share <= 0 || !col.professional[award.organization]) return 0.0;
  const double hours = value * share / award.price / sim::weeks_per_year;
  const double cap_hours = max_contract_hours_per_week(s);
  std::uint32_t partner = 0;
  float best = -1;
  s.organizations.for_each_alive([&](std::uint32_t o) {
    if (col.professional[o] || col.street[o] != s.layout.communities[c].street) return;
    // Not yet a partner ranks above any existing partner: +1 on a 0–1 embeddedness.
    const float rank = col.embeddedness[o] + (col.mentored[o] ? 0.0f : 1.0f);
    if (committed[o] + hours > cap_hours || rank <= best) return;
    partner = o;
    best = rank;
  });
  if (best < 0) return 0.0;
  committed[partner] += hours;
  col.mentored[partner] = 1;
  s.contracts.push_back(Contract{s.organizations.id_at(partner), static_cast<std::uint32_t>(c),
                                 static_cast<std::uint8_t>(k), value * share, hours, 0, 0, false});
  return value * share;
}

/// A DIRECT item: government staff hours bought at cost, up to what staff can add in the
/// community (`direct_hours_left`, hours/week, shared by the community's direct items).
void plan_direct_lot(ModelState& s, std::size_t c, int k, double value, double& direct_hours_left, double cap_hours) {
  const double cost = s.params.purchase.direct_cost_per_hour_yuan;
  const double hours = std::min({value / cost / sim::weeks_per_year, direct_hours_left, cap_hours});
  if (hours <= 0) return;
  direct_hours_left -= hours;
  s.direct_lots.push_back(DirectLot{static_cast<std::uint32_t>(c), static_cast<std::uint8_t>(k), hours, hours * cost});
}

/// A COMMISSIONED or TENDERED item: one lot, its provider chosen by the mode; tendering and
/// contract management cost community worker hours.
void award_lot(ModelState& s, std::size_t c, int k, double value, CatalogueMode mode, std::vector<double>& committed,
               int week, double cap_hours) {
  const auto& p = s.params.purchase;
  const double lot_admin = mode == CatalogueMode::tendered ? p.tender_admin_hours_per_lot : p.commission_admin_hours_per_lot;
  s.contract_admin_hours_per_week[c] += lot_admin / sim::weeks_per_year;
  const Award award = choose_provider(s, c, k, value, committed, mode, week);
  if (!award.found) return;  // nobody can deliver: the money stays unspent
  // Sized to demand (purchase.demand_headroom): at the winning price the lot buys no more hours
  // than the cap; the rest of its share of the budget stays unspent.
  value = std::min(value, cap_hours * award.price * sim::weeks_per_year);
  const auto id = s.organizations.id_at(award.organization);
  auto& last = s.last_provider[c * category_count + static_cast<std::size_t>(k)];
  // A new provider has to learn the community whether the last one lost the lot or closed.
  const bool changed = last.valid() && last != id;
  last = id;
  const double passed_on = pass_share_to_small(s, award, c, k, value, committed);
  const double kept = value - passed_on;
  const double hours = kept / award.price / sim::weeks_per_year;
  committed[award.organization] += hours;
  s.contracts.push_back(
      Contract{id, static_cast<std::uint32_t>(c), static_cast<std::uint8_t>(k), kept, hours, 0, week, changed});
}

/// Spends each community's budget on the catalogue in force, split across its items in
/// proportion to expected demand hours; with purchase.demand_headroom above 0 no lot buys more
/// than that many times its category's expected demand hours.
void buy_catalogue(ModelState& s, int week) {
  s.contracts.clear();
  s.direct_lots.clear();
  s.contract_admin_hours_per_week.assign(s.community_count(), 0.0);
  s.organizations.for_each_alive([&](std::uint32_t o) { s.organizations.columns.mentored[o] = 0; });
  std::vector<double> committed(s.organizations.capacity(), 0.0);
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    const double budget = s.catalogue.budget_of_street(s.layout.communities[c].street);
    if (budget <= 0) continue;
    const auto& demand = s.expected_demand_hours[c];
    double total = 0;
    for (int k = 0; k < category_count; ++k)
      if (s.catalogue.mode[static_cast<std::size_t>(k)] != CatalogueMode::off) total += demand[static_cast<std::size_t>(k)];
    if (total <= 0) continue;
    double direct_hours_left = s.params.purchase.direct_hours_per_1k_residents * s.layout.communities[c].resident_count / 1000.0;
    const double headroom = s.params.purchase.demand_headroom;
    for (int k = 0; k < category_count; ++k) {
      const auto mode = s.catalogue.mode[static_cast<std::size_t>(k)];
      const double value = budget * demand[static_cast<std::size_t>(k)] / total;
      if (mode == CatalogueMode::off || value <= 0) continue;
      const double cap_hours =
          headroom > 0 ? headroom * demand[static_cast<std::size_t>(k)] : std::numeric_limits<double>::infinity();
      if (mode == CatalogueMode::direct)
        plan_direct_lot(s, c, k, value, direct_hours_left, cap_hours);
      else
        award_lot(s, c, k, value, mode, committed, week, cap_hours);
    }
  }
}

void pay_awards(ModelState& s) {
  // 以奖代补: the pool is shared among contract holders in proportion to quality above the
  // threshold (organizations.award_quality_threshold, 0.5).
  const double threshold = s.params.organizations.award_quality_threshold;
  std::vector<double> merit(s.organizations.capacity(), 0.0);
  double total = 0;
  for (const auto& contract : s.contracts) {
    if (!s.organizations.is_alive(contract.provider)) continue;
    const auto o = contract.provider.index;
    if (merit[o] > 0) continue;
    merit[o] = std::max(0.0, s.organizations.columns.quality[o] - threshold);
    total += merit[o];
  }
  if (total <= 0) return;
  const double pool = s.budget[Instrument::award].unspent();
  for (std::uint32_t o = 0; o < merit.size(); ++o) {
    if (merit[o] <= 0) continue;
    receive_government_payment(s, o, s.budget.pay(Instrument::award, pool * merit[o] / total));
  }
}

}  // namespace

void open_fiscal_year(ModelState& s, const sim::CalendarDate& date) {
  revise_catalogue(s);
  s.expected_demand_hours.resize(s.community_count());
  for (std::size_t c = 0; c < s.community_count(); ++c) s.expected_demand_hours[c] = expected_demand_hours(s, c);
  s.direct_delivery_paid_at_year_start_yuan = s.direct_delivery_paid_yuan;
  std::fill(s.purchase_idle_yuan_this_year.begin(), s.purchase_idle_yuan_this_year.end(), 0.0);
  s.budget.open_year(date.year, allocations(s));
  s.public_costs.open_year();
  s.organizations.for_each_alive([&](std::uint32_t o) { s.organizations.columns.revenue_this_year_yuan[o] = 0; });
  pay_direct_grants(s);
  fund_new_organizations(s, date.week);
  buy_catalogue(s, date.week);
}

void close_fiscal_year(ModelState& s, const sim::CalendarDate&) {
  pay_awards(s);
}

}  // namespace shanzhi::gov
