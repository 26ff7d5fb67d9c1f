// The governance model's outputs (MODEL_BRIEF §6), one row each: name, unit, meaning, the
// direction that is better, whether it is a headline metric, and how its value is computed from
// the week's totals. The order of the rows is the column order of timeseries.csv.

#include "models/governance/recording/governance_metrics.hpp"
#include "models/governance/phases/phases.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shanzhi::gov {
namespace {

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : 0.0; }

/// Everything the rows read, computed once per recorded week: the community summaries summed in
/// community order (fixed, so results do not depend on threads) and sums over the agents.
struct WeekTotals {
  explicit WeekTotals(const ModelState& state);

  const ModelState& s;
  CommunityWeekStats sum;
  std::vector<double> histogram = std::vector<double>(satisfaction_bins, 0.0);
  std::vector<double> waits = std::vector<double>(wait_bins, 0.0);
  std::vector<double> community_means;
  CommunityWorkHours work;
  double residents = 0, others = 0, closed = 0, worked = 0, service_hours = 0, vulnerable_mean = 0;
  std::size_t waiting = 0, posts = 0, vacancies = 0;
  double burnout = 0, skill = 0, org_quality = 0, grassroots = 0, facility_hours = 0, property_quality = 0;
  double licensed = 0, alive_workers = 0, hub_members = 0, hub_member_quality = 0;
  double allocated = 0, spent = 0, appraisal_score = 0, appraisal_bias = 0, communities = 0;
  double resident_part = 0, committee_rating = 0, street_rating = 0, rated = 0;
  int separations = 0;
  double mean_posts = 0;

 private:
  void add_community(std::size_t c);
  void add_agents();
};

WeekTotals::WeekTotals(const ModelState& state) : s(state) {
  for (std::size_t c = 0; c < s.community_count(); ++c) add_community(c);
  add_agents();
  residents = s.layout.resident_count;
  others = residents - sum.vulnerable_count;
  closed = sum.served + sum.unmet;
  worked = work.total_worked();
  service_hours = work.activity[static_cast<std::size_t>(Activity::counter)] +
                  work.activity[static_cast<std::size_t>(Activity::outreach)] +
                  work.activity[static_cast<std::size_t>(Activity::casework)] +
                  work.activity[static_cast<std::size_t>(Activity::self_governance)];
  vulnerable_mean = ratio(sum.vulnerable_satisfaction_sum, sum.vulnerable_count);
  communities = static_cast<double>(s.community_count());
  separations = RollingYear::sum(s.rolling.worker_separations);
  mean_posts = RollingYear::sum(s.rolling.filled_posts) / static_cast<double>(std::max(1, std::min(52, s.week)));
}

void WeekTotals::add_community(std::size_t c) {
  auto& a = sum;
  const auto& b = s.stats[c];
  a.new_needs += b.new_needs;
  a.self_referred += b.self_referred;
  a.low_income_new_needs += b.low_income_new_needs;
  a.low_income_self_referred += b.low_income_self_referred;
  a.found_by_outreach += b.found_by_outreach;
  a.purchased_hours += b.purchased_hours;
  a.purchased_idle_hours += b.purchased_idle_hours;
  a.served += b.served;
  a.unmet += b.unmet;
  a.vulnerable_needs_closed += b.vulnerable_needs_closed;
  a.vulnerable_unmet += b.vulnerable_unmet;
  a.wait_sum_weeks += b.wait_sum_weeks;
  a.admin_wait_sum_weeks += b.admin_wait_sum_weeks;
  a.admin_closed += b.admin_closed;
  a.satisfaction_sum += b.satisfaction_sum;
  a.acsi_sum += b.acsi_sum;
  a.satisfied += b.satisfied;
  a.very_satisfied += b.very_satisfied;
  a.vulnerable_satisfaction_sum += b.vulnerable_satisfaction_sum;
  a.vulnerable_count += b.vulnerable_count;
  a.trust_community_sum += b.trust_community_sum;
  a.trust_street_sum += b.trust_street_sum;
  a.trust_district_sum += b.trust_district_sum;
  a.belonging_sum += b.belonging_sum;
  a.complaints += b.complaints;
  a.meeting_attendance += b.meeting_attendance;
  for (std::size_t k = 0; k < histogram.size(); ++k) histogram[k] += b.satisfaction_histogram[k];
  for (std::size_t k = 0; k < waits.size(); ++k) waits[k] += b.wait_histogram[k];
  community_means.push_back(b.satisfaction_sum / std::max<std::uint32_t>(1, s.layout.communities[c].resident_count));
  const auto& w = s.work[c];
  work.admin += w.admin;
  work.appraisal_prep += w.appraisal_prep;
  work.overtime += w.overtime;
  work.unfinished_admin += w.unfinished_admin;
  work.available += w.available;
  for (std::size_t j = 0; j < w.activity.size(); ++j) work.activity[j] += w.activity[j];
  for (const auto& q : s.queues[c].waiting) waiting += q.size();
  posts += s.workers_by_community[c].size();
  vacancies += s.vacancies[c].size();
}

void WeekTotals::add_agents() {
  s.workers.for_each_alive([&](std::uint32_t w) {
    burnout += s.workers.columns.burnout[w];
    skill += s.workers.columns.skill[w];
    licensed += is_licensed(s.params.workforce, s.workers.columns, w) ? 1 : 0;
    ++alive_workers;
  });
  s.organizations.for_each_alive([&](std::uint32_t o) {
    org_quality += s.organizations.columns.quality[o];
    grassroots += s.organizations.columns.professional[o] ? 0 : 1;
    if (hub_member(s, o)) {
      ++hub_members;
      hub_member_quality += s.organizations.columns.quality[o];
    }
  });
  for (const auto& u : s.enterprises.resident_units)
    facility_hours += u.facilities_open ? s.params.enterprises.facility_hours_per_week : 0.0;
  for (const auto& p : s.enterprises.property_companies) property_quality += p.quality;
  for (const auto& l : s.budget.ledgers) {
    allocated += l.allocated;
    spent += l.spent;
  }
  for (const auto& ap : s.appraisals) {
    appraisal_score += ap.score;
    appraisal_bias += ap.surveyed_satisfaction - ap.true_satisfaction;
    resident_part += ap.resident_part;
    if (ap.rated) {
      committee_rating += ap.committee_rating;
      street_rating += ap.street_rating;
      ++rated;
    }
  }
}

double contract_hhi(const ModelState& s) {
  std::vector<double> value(s.organizations.capacity(), 0.0);
  double total = 0;
  for (const auto& c : s.contracts) {
    value[c.provider.index] += c.value_yuan;
    total += c.value_yuan;
  }
  double hhi = 0;
  for (double v : value) hhi += (v / std::max(total, 1e-9)) * (v / std::max(total, 1e-9));
  return total > 0 ? hhi : 0.0;
}

int catalogue_items(const ModelState& s) {
  int n = 0;
  for (auto mode : s.catalogue.mode) n += mode != CatalogueMode::off;
  return s.catalogue.budget_per_community_yuan > 0 ? n : 0;
}

int projects_under_way(const ModelState& s) {
  int n = 0;
  for (const auto& p : s.projects)
    n += p.under_way && s.week >= p.start_week && s.week <= p.end_week + 1 && s.organizations.is_alive(p.provider);
  return n;
}

int communities_rectifying(const ModelState& s) {
  int n = 0;
  for (const auto& a : s.appraisals) n += a.rectify_category >= 0 && s.week <= a.rectify_until_week;
  return n;
}

struct MetricRow {
  const char* name;
  const char* unit;
  const char* description;
  sim::Direction direction;
  bool headline;
  double (*value)(const WeekTotals&);
};

constexpr auto higher = sim::Direction::higher_is_better;
constexpr auto lower = sim::Direction::lower_is_better;
constexpr auto neutral = sim::Direction::neutral;
constexpr bool headline = true;
constexpr bool detail = false;

const MetricRow metric_rows[] = {
    {"satisfaction_mean", "points 0-100", "Mean overall resident satisfaction S.", higher, headline,
     [](const WeekTotals& w) { return w.sum.satisfaction_sum / w.residents; }},
    {"acsi_index", "points 0-100", "ACSI-style index from satisfaction, expectations met and closeness to ideal.", higher, headline,
     [](const WeekTotals& w) { return w.sum.acsi_sum / w.residents; }},
    {"satisfied_share", "share 0-1", "Residents with S ≥ 60 (满意 + 基本满意).", higher, headline,
     [](const WeekTotals& w) { return w.sum.satisfied / w.residents; }},
    {"very_satisfied_share", "share 0-1", "Residents with S ≥ 75.", higher, detail,
     [](const WeekTotals& w) { return w.sum.very_satisfied / w.residents; }},
    {"satisfaction_p10", "points 0-100", "10th percentile of resident satisfaction.", higher, detail,
     [](const WeekTotals& w) { return histogram_quantile(w.histogram, 0.1); }},
    {"satisfaction_p50", "points 0-100", "Median resident satisfaction.", higher, detail,
     [](const WeekTotals& w) { return histogram_quantile(w.histogram, 0.5); }},
    {"satisfaction_p90", "points 0-100", "90th percentile of resident satisfaction.", higher, detail,
     [](const WeekTotals& w) { return histogram_quantile(w.histogram, 0.9); }},
    {"satisfaction_vulnerable_mean", "points 0-100", "Mean satisfaction of vulnerable residents (elderly living alone, disabled, minimum income).", higher, headline,
     [](const WeekTotals& w) { return w.vulnerable_mean; }},
    {"vulnerable_gap", "points", "Mean satisfaction of other residents minus that of vulnerable residents.", lower, detail,
     [](const WeekTotals& w) { return ratio(w.sum.satisfaction_sum - w.sum.vulnerable_satisfaction_sum, w.others) - w.vulnerable_mean; }},
    {"satisfaction_gini_communities", "Gini 0-1", "Inequality of mean satisfaction across communities.", lower, detail,
     [](const WeekTotals& w) { return gini(w.community_means); }},
    {"needs_new", "needs/week", "New service needs arising this week.", neutral, detail,
     [](const WeekTotals& w) { return static_cast<double>(w.sum.new_needs); }},
    {"needs_served", "needs/week", "Requests served this week.", higher, detail,
     [](const WeekTotals& w) { return static_cast<double>(w.sum.served); }},
    {"unmet_need_share", "share 0-1", "Needs closed this week that went unmet (not served within W_max).", lower, headline,
     [](const WeekTotals& w) { return ratio(w.sum.unmet, w.closed); }},
    {"unmet_need_share_vulnerable", "share 0-1", "Unmet share among vulnerable residents' needs.", lower, detail,
     [](const WeekTotals& w) { return ratio(w.sum.vulnerable_unmet, w.sum.vulnerable_needs_closed); }},
    {"self_referral_share", "share 0-1", "New needs this week that residents brought forward themselves.", higher, detail,
     [](const WeekTotals& w) { return ratio(w.sum.self_referred, w.sum.new_needs); }},
    {"self_referral_share_low_income", "share 0-1", "The same for minimum-income households (低保).", higher, detail,
     [](const WeekTotals& w) { return ratio(w.sum.low_income_self_referred, w.sum.low_income_new_needs); }},
    {"found_by_outreach_share", "share 0-1", "Served requests that outreach found rather than self-referral.", higher, detail,
     [](const WeekTotals& w) { return ratio(w.sum.found_by_outreach, w.sum.served); }},
    {"wait_mean_weeks", "weeks", "Mean wait of needs closed this week (unmet needs count at W_max).", lower, headline,
     [](const WeekTotals& w) { return ratio(w.sum.wait_sum_weeks, w.closed); }},
    {"wait_p90_weeks", "weeks", "90th percentile wait of needs closed this week (unmet at W_max).", lower, detail,
     [](const WeekTotals& w) { return histogram_quantile(w.waits, 0.9); }},
    {"wait_admin_mean_weeks", "weeks", "Mean wait of administrative (办事) needs closed this week.", lower, detail,
     [](const WeekTotals& w) { return ratio(w.sum.admin_wait_sum_weeks, w.sum.admin_closed); }},
    {"queue_length", "requests", "Requests waiting for service at the end of the week.", lower, detail,
     [](const WeekTotals& w) { return static_cast<double>(w.waiting); }},
    {"worker_admin_share", "share 0-1", "Share of worked hours spent on admin tasks and appraisal preparation.", lower, headline,
     [](const WeekTotals& w) { return ratio(w.work.admin + w.work.appraisal_prep, w.worked); }},
    {"worker_service_hours", "hours/week", "Worker hours on counter, outreach, casework and self-governance.", higher, detail,
     [](const WeekTotals& w) { return w.service_hours; }},
    {"worker_outreach_hours", "hours/week", "Worker hours on outreach and home visits (grid work under 全科社工, L10).", higher, detail,
     [](const WeekTotals& w) { return w.work.activity[static_cast<std::size_t>(Activity::outreach)]; }},
    {"worker_records_hours", "hours/week", "Worker hours on records and ledgers.", neutral, detail,
     [](const WeekTotals& w) { return w.work.activity[static_cast<std::size_t>(Activity::records)]; }},
    {"worker_overtime_hours", "hours/week", "Overtime worked on mandatory tasks.", lower, detail,
     [](const WeekTotals& w) { return w.work.overtime; }},
    {"worker_unfinished_admin_hours", "hours/week", "Mandatory hours nobody could do.", lower, detail,
     [](const WeekTotals& w) { return w.work.unfinished_admin; }},
    {"worker_burnout_mean", "0-1", "Mean burnout of community workers.", lower, detail,
     [](const WeekTotals& w) { return ratio(w.burnout, static_cast<double>(w.posts)); }},
    {"worker_turnover_annual", "share/year", "Worker separations over the last 52 weeks per filled post.", lower, headline,
     [](const WeekTotals& w) { return ratio(w.separations, w.mean_posts); }},
    {"worker_vacancy_rate", "share 0-1", "Posts vacant at the end of the week.", lower, detail,
     [](const WeekTotals& w) { return ratio(static_cast<double>(w.vacancies), static_cast<double>(w.posts + w.vacancies)); }},
    {"worker_skill_mean", "0-1", "Mean worker skill.", higher, detail,
     [](const WeekTotals& w) { return ratio(w.skill, static_cast<double>(w.posts)); }},
    {"worker_licensed_share", "share 0-1", "Share of community workers in post who hold a licence (持证上岗, L7).", higher, detail,
     [](const WeekTotals& w) { return ratio(w.licensed, w.alive_workers); }},
    {"organizations_alive", "organisations", "Social organisations operating.", higher, headline,
     [](const WeekTotals& w) { return static_cast<double>(w.s.organizations.alive_count()); }},
    {"grassroots_organizations_alive", "organisations", "Operating organisations that are not professional agencies.", higher, detail,
     [](const WeekTotals& w) { return w.grassroots; }},
    {"organization_entries_12m", "organisations", "Organisations founded in the last 52 weeks.", neutral, detail,
     [](const WeekTotals& w) { return static_cast<double>(RollingYear::sum(w.s.rolling.organization_entries)); }},
    {"organization_exits_12m", "organisations", "Organisations closed in the last 52 weeks.", lower, detail,
     [](const WeekTotals& w) { return static_cast<double>(RollingYear::sum(w.s.rolling.organization_exits)); }},
    {"organization_quality_mean", "0-1", "Mean quality of operating organisations.", higher, detail,
     [](const WeekTotals& w) { return ratio(w.org_quality, w.s.organizations.alive_count()); }},
    {"hub_members", "organisations", "Operating organisations federated by their street's hub (三社联动, L11): those " "of the fields the hub covers.", neutral, detail,
     [](const WeekTotals& w) { return w.hub_members; }},
    {"hub_member_quality_mean", "0-1", "Mean quality of hub members; 0 without members.", higher, detail,
     [](const WeekTotals& w) { return ratio(w.hub_member_quality, w.hub_members); }},
    {"contracts", "contracts", "Purchase contracts in force.", neutral, detail,
     [](const WeekTotals& w) { return static_cast<double>(w.s.contracts.size()); }},
    {"contract_hhi", "HHI 0-1", "Concentration of contract value across providers (Herfindahl).", lower, detail,
     [](const WeekTotals& w) { return contract_hhi(w.s); }},
    {"trust_community_mean", "points 0-100", "Mean trust in the community (residents' committee).", higher, headline,
     [](const WeekTotals& w) { return w.sum.trust_community_sum / w.residents; }},
    {"trust_street_mean", "points 0-100", "Mean trust in the street office.", higher, detail,
     [](const WeekTotals& w) { return w.sum.trust_street_sum / w.residents; }},
    {"trust_district_mean", "points 0-100", "Mean trust in the district government.", higher, detail,
     [](const WeekTotals& w) { return w.sum.trust_district_sum / w.residents; }},
    {"belonging_mean", "points 0-100", "Mean sense of belonging (归属感).", higher, detail,
     [](const WeekTotals& w) { return w.sum.belonging_sum / w.residents; }},
    {"meeting_attendance", "attendances/week", "Residents attending scheduled meetings this week.", higher, detail,
     [](const WeekTotals& w) { return static_cast<double>(w.sum.meeting_attendance); }},
    {"complaints_per_1k", "complaints/week per 1,000", "Complaints this week per 1,000 residents.", lower, detail,
     [](const WeekTotals& w) { return 1000.0 * w.sum.complaints / w.residents; }},
    {"facility_hours_open", "hours/week", "Culture and sports hours opened by resident units.", higher, detail,
     [](const WeekTotals& w) { return w.facility_hours; }},
    {"property_quality_mean", "0-1", "Mean quality of property companies.", higher, detail,
     [](const WeekTotals& w) { return ratio(w.property_quality, static_cast<double>(w.s.enterprises.property_companies.size())); }},
    {"budget_allocated_year", "CNY", "Funds allocated for the current fiscal year (all instruments).", neutral, detail,
     [](const WeekTotals& w) { return w.allocated; }},
    {"budget_spent_year", "CNY", "Funds paid out so far in the current fiscal year.", neutral, headline,
     [](const WeekTotals& w) { return w.spent; }},
    {"budget_unspent_year", "CNY", "Allocated funds not (yet) paid this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.allocated - w.spent; }},
    {"purchase_spent_year", "CNY", "Purchase-of-services payments so far this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.budget[Instrument::purchase].spent; }},
    {"purchased_hours_idle_share", "share 0-1", "Hours bought with the purchase budget (contracts and DIRECT items) this week that found no " "request to serve: paid capacity beyond the queue.", lower, detail,
     [](const WeekTotals& w) { return ratio(w.sum.purchased_idle_hours, w.sum.purchased_hours); }},
    {"purchase_idle_spent_year", "CNY", "Purchase payments so far this fiscal year for purchased hours that found no request (idle " "paid hours).", lower, detail,
     [](const WeekTotals& w) { return std::accumulate(w.s.purchase_idle_yuan_this_year.begin(), w.s.purchase_idle_yuan_this_year.end(), 0.0); }},
    {"appraisal_score_mean", "points 0-100", "Mean community appraisal score (latest quarter).", neutral, detail,
     [](const WeekTotals& w) { return w.appraisal_score / w.communities; }},
    {"appraisal_bias", "points", "Surveyed minus true satisfaction in the latest appraisal (validity).", lower, detail,
     [](const WeekTotals& w) { return w.appraisal_bias / w.communities; }},
    {"appraisal_resident_part_mean", "points 0-100", "Mean residents' part of the latest appraisal: the survey, blended " "with residents' rating of the committee when the two evaluations run (L15).", neutral, detail,
     [](const WeekTotals& w) { return w.resident_part / w.communities; }},
    {"committee_rating_mean", "points 0-100", "Residents' rating of the residents' committee at the latest of the two " "evaluations (两评, L15), mean over communities that held one; 0 before any.", higher, detail,
     [](const WeekTotals& w) { return ratio(w.committee_rating, w.rated); }},
    {"street_rating_mean", "points 0-100", "Committees' rating of the street office at the latest of the two " "evaluations (L15): 100 × (1 − share of worked hours on mandatory admin and 迎检 since the previous one); 0 " "before any.", higher, detail,
     [](const WeekTotals& w) { return ratio(w.street_rating, w.rated); }},
    {"residents", "persons", "Residents in the district (conserved).", neutral, detail,
     [](const WeekTotals& w) { return static_cast<double>(w.s.residents.size()); }},
    {"spent_year_direct_grant", "CNY", "Operating grants (直接资助) paid so far this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.budget[Instrument::direct_grant].spent; }},
    {"spent_year_award", "CNY", "Awards in place of subsidies (以奖代补) paid so far this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.budget[Instrument::award].spent; }},
    {"spent_year_venture", "CNY", "Venture-philanthropy grants (公益创投) paid so far this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.budget[Instrument::venture].spent; }},
    {"spent_year_subsidy", "CNY", "Subsidies per social worker paid so far this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.budget[Instrument::subsidy].spent; }},
    {"spent_year_projects", "CNY", "Community projects (4+4+N) paid so far this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.budget[Instrument::projects].spent; }},
    {"direct_delivery_spent_year", "CNY", "Purchase budget spent on DIRECT catalogue items (government staff time) " "this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.direct_delivery_paid_yuan - w.s.direct_delivery_paid_at_year_start_yuan; }},
    {"catalogue_items", "categories", "Service categories on the purchase catalogue in force.", neutral, detail,
     [](const WeekTotals& w) { return static_cast<double>(catalogue_items(w.s)); }},
    {"purchase_budget_per_community", "CNY/year", "Purchase budget per community in force this fiscal year (after the " "adaptive rule and the six rules' ratchet).", neutral, detail,
     [](const WeekTotals& w) { return w.s.catalogue.budget_per_community_yuan; }},
    {"contract_admin_hours", "hours/week", "Worker hours managing purchase contracts (tender overhead).", lower, detail,
     [](const WeekTotals& w) { return std::accumulate(w.s.contract_admin_hours_per_week.begin(), w.s.contract_admin_hours_per_week.end(), 0.0); }},
    {"projects_under_way", "projects", "Community projects being delivered (the N of 4+4+N).", neutral, detail,
     [](const WeekTotals& w) { return static_cast<double>(projects_under_way(w.s)); }},
    {"rectifications_quarter", "communities", "Communities under a rectification order (整改) after the latest " "appraisal.", lower, detail,
     [](const WeekTotals& w) { return static_cast<double>(communities_rectifying(w.s)); }},
    // The full public cost (docs/model.md, Public cost): the workforce and the reforms outside the
    // instruments, year to date like the ledgers, then the total with the instruments.
    {"workforce_pay_spent_year", "CNY", "Pay of community workers' posts, filled or vacant as budgeted (pay ratio × " "reference pay; social-work station posts included), so far this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.public_costs.this_year(PublicCost::workforce_pay); }},
    {"worker_awards_spent_year", "CNY", "好社工 awards held by workers of the best-appraised communities (L18), paid so far " "this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.public_costs.this_year(PublicCost::worker_awards); }},
    {"training_spent_year", "CNY", "Workers' training (教育培训) and one specialty, many skills (一专多能) so far this " "fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.public_costs.this_year(PublicCost::training); }},
    {"licensing_spent_year", "CNY", "Licensed workers' allowances and exam support (持证上岗) so far this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.public_costs.this_year(PublicCost::licensing); }},
    {"general_practice_spent_year", "CNY", "General-practice social workers' cross-training (全科社工) so far this fiscal " "year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.public_costs.this_year(PublicCost::general_practice); }},
    {"station_separation_spent_year", "CNY", "Running separated workstations (居站分设) so far this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.public_costs.this_year(PublicCost::station_separation); }},
    {"hub_spent_year", "CNY", "Running the streets' social-work development centres (三社联动 hubs) so far this fiscal " "year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.public_costs.this_year(PublicCost::hub); }},
    {"third_party_assessment_spent_year", "CNY", "Third-party assessment contracts so far this fiscal year.", neutral, detail,
     [](const WeekTotals& w) { return w.s.public_costs.this_year(PublicCost::third_party_assessment); }},
    {"public_cost_spent_year", "CNY", "Full public cost so far this fiscal year: every funding instrument (budget_spent_year, " "DIRECT delivery included) plus the workforce's pay, awards, training and licensing and the reforms' " "running costs, less residents' convenience-tier fees (L4).", neutral, headline,
     [](const WeekTotals& w) { return w.spent + w.s.public_costs.total_this_year() - w.s.public_costs.fees_year; }},
    {"public_cost_per_resident_spent_year", "CNY/resident", "Full public cost so far this fiscal year per resident.", neutral, detail,
     [](const WeekTotals& w) { return (w.spent + w.s.public_costs.total_this_year() - w.s.public_costs.fees_year) / w.residents; }},
    {"convenience_fees_spent_year", "CNY", "What residents spent on fees for convenience-tier services (便民, L4) so far this fiscal " "year; the fees offset the public cost.", neutral, detail,
     [](const WeekTotals& w) { return w.s.public_costs.fees_year; }},
};

}  // namespace

double gini(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  double weighted = 0, total = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    weighted += static_cast<double>(i + 1) * values[i];
    total += values[i];
  }
  const auto n = static_cast<double>(values.size());
  return total > 0 ? (2.0 * weighted) / (n * total) - (n + 1.0) / n : 0.0;
}

double histogram_quantile(const std::vector<double>& counts, double q) {
  const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
  if (total <= 0) return 0;
  const double target = q * total;
  double below = 0;
  for (std::size_t b = 0; b < counts.size(); ++b) {
    if (below + counts[b] >= target && counts[b] > 0) return static_cast<double>(b) + (target - below) / counts[b];
    below += counts[b];
  }
  return static_cast<double>(counts.size());
}

void declare_metrics(sim::MetricRecorder& recorder) {
  for (const auto& row : metric_rows) recorder.declare({row.name, row.unit, row.description, row.direction, row.headline});
}

std::vector<std::string> metric_names() {
  std::vector<std::string> names;
  for (const auto& row : metric_rows) names.emplace_back(row.name);
  return names;
}

void record_metrics(const ModelState& s, sim::MetricRecorder& recorder, int recorded_week) {
  const WeekTotals totals(s);
  recorder.begin_row(recorded_week);
  for (std::size_t m = 0; m < std::size(metric_rows); ++m) recorder.set(m, metric_rows[m].value(totals));
}

}  // namespace shanzhi::gov
