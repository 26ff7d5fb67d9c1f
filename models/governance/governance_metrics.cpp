#include "models/governance/governance_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shanzhi::gov {
namespace {

using sim::Direction;

struct MetricDef {
  const char* name;
  const char* unit;
  const char* description;
  Direction direction;
  bool headline;
};

// Order here is the column order of timeseries.csv.
constexpr MetricDef metric_defs[] = {
    {"satisfaction_mean", "points 0-100", "Mean overall resident satisfaction S.", Direction::higher_is_better, true},
    {"acsi_index", "points 0-100", "ACSI-style index from satisfaction, expectations met and closeness to ideal.",
     Direction::higher_is_better, true},
    {"satisfied_share", "share 0-1", "Residents with S ≥ 60 (满意 + 基本满意).", Direction::higher_is_better, true},
    {"very_satisfied_share", "share 0-1", "Residents with S ≥ 75.", Direction::higher_is_better, false},
    {"satisfaction_p10", "points 0-100", "10th percentile of resident satisfaction.", Direction::higher_is_better, false},
    {"satisfaction_p50", "points 0-100", "Median resident satisfaction.", Direction::higher_is_better, false},
    {"satisfaction_p90", "points 0-100", "90th percentile of resident satisfaction.", Direction::higher_is_better, false},
    {"satisfaction_vulnerable_mean", "points 0-100",
     "Mean satisfaction of vulnerable residents (elderly living alone, disabled, minimum income).",
     Direction::higher_is_better, true},
    {"vulnerable_gap", "points", "Mean satisfaction of other residents minus that of vulnerable residents.",
     Direction::lower_is_better, false},
    {"satisfaction_gini_communities", "Gini 0-1", "Inequality of mean satisfaction across communities.",
     Direction::lower_is_better, false},
    {"needs_new", "needs/week", "New service needs arising this week.", Direction::neutral, false},
    {"needs_served", "needs/week", "Requests served this week.", Direction::higher_is_better, false},
    {"unmet_need_share", "share 0-1", "Needs closed this week that went unmet (not served within W_max).",
     Direction::lower_is_better, true},
    {"unmet_need_share_vulnerable", "share 0-1", "Unmet share among vulnerable residents' needs.",
     Direction::lower_is_better, false},
    {"found_by_outreach_share", "share 0-1", "Served requests that outreach found rather than self-referral.",
     Direction::higher_is_better, false},
    {"wait_mean_weeks", "weeks", "Mean wait of needs closed this week (unmet needs count at W_max).",
     Direction::lower_is_better, true},
    {"wait_p90_weeks", "weeks", "90th percentile wait of needs closed this week (unmet at W_max).",
     Direction::lower_is_better, false},
    {"wait_admin_mean_weeks", "weeks", "Mean wait of administrative (办事) needs closed this week.",
     Direction::lower_is_better, false},
    {"queue_length", "requests", "Requests waiting for service at the end of the week.", Direction::lower_is_better, false},
    {"worker_admin_share", "share 0-1", "Share of worked hours spent on admin tasks and appraisal preparation.",
     Direction::lower_is_better, true},
    {"worker_service_hours", "hours/week", "Worker hours on counter, outreach, casework and self-governance.",
     Direction::higher_is_better, false},
    {"worker_records_hours", "hours/week", "Worker hours on records and ledgers.", Direction::neutral, false},
    {"worker_overtime_hours", "hours/week", "Overtime worked on mandatory tasks.", Direction::lower_is_better, false},
    {"worker_unfinished_admin_hours", "hours/week", "Mandatory hours nobody could do.", Direction::lower_is_better, false},
    {"worker_burnout_mean", "0-1", "Mean burnout of community workers.", Direction::lower_is_better, false},
    {"worker_turnover_annual", "share/year", "Worker separations over the last 52 weeks per filled post.",
     Direction::lower_is_better, true},
    {"worker_vacancy_rate", "share 0-1", "Posts vacant at the end of the week.", Direction::lower_is_better, false},
    {"worker_skill_mean", "0-1", "Mean worker skill.", Direction::higher_is_better, false},
    {"organizations_alive", "organisations", "Social organisations operating.", Direction::higher_is_better, true},
    {"grassroots_organizations_alive", "organisations", "Operating organisations that are not professional agencies.",
     Direction::higher_is_better, false},
    {"organization_entries_12m", "organisations", "Organisations founded in the last 52 weeks.", Direction::neutral, false},
    {"organization_exits_12m", "organisations", "Organisations closed in the last 52 weeks.", Direction::lower_is_better, false},
    {"organization_quality_mean", "0-1", "Mean quality of operating organisations.", Direction::higher_is_better, false},
    {"contracts", "contracts", "Purchase contracts in force.", Direction::neutral, false},
    {"contract_hhi", "HHI 0-1", "Concentration of contract value across providers (Herfindahl).",
     Direction::lower_is_better, false},
    {"trust_community_mean", "points 0-100", "Mean trust in the community (residents' committee).",
     Direction::higher_is_better, true},
    {"trust_street_mean", "points 0-100", "Mean trust in the street office.", Direction::higher_is_better, false},
    {"trust_district_mean", "points 0-100", "Mean trust in the district government.", Direction::higher_is_better, false},
    {"belonging_mean", "points 0-100", "Mean sense of belonging (归属感).", Direction::higher_is_better, false},
    {"meeting_attendance", "attendances/week", "Residents attending scheduled meetings this week.",
     Direction::higher_is_better, false},
    {"complaints_per_1k", "complaints/week per 1,000", "Complaints this week per 1,000 residents.",
     Direction::lower_is_better, false},
    {"facility_hours_open", "hours/week", "Culture and sports hours opened by resident units.",
     Direction::higher_is_better, false},
    {"property_quality_mean", "0-1", "Mean quality of property companies.", Direction::higher_is_better, false},
    {"budget_allocated_year", "CNY", "Funds allocated for the current fiscal year (all instruments).",
     Direction::neutral, false},
    {"budget_spent_year", "CNY", "Funds paid out so far in the current fiscal year.", Direction::neutral, true},
    {"budget_unspent_year", "CNY", "Allocated funds not (yet) paid this fiscal year.", Direction::neutral, false},
    {"purchase_spent_year", "CNY", "Purchase-of-services payments so far this fiscal year.", Direction::neutral, false},
    {"appraisal_score_mean", "points 0-100", "Mean community appraisal score (latest quarter).", Direction::neutral, false},
    {"appraisal_bias", "points", "Surveyed minus true satisfaction in the latest appraisal (validity).",
     Direction::lower_is_better, false},
    {"residents", "persons", "Residents in the district (conserved).", Direction::neutral, false},
    {"spent_year_direct_grant", "CNY", "Operating grants (直接资助) paid so far this fiscal year.", Direction::neutral, false},
    {"spent_year_award", "CNY", "Awards in place of subsidies (以奖代补) paid so far this fiscal year.", Direction::neutral,
     false},
    {"spent_year_venture", "CNY", "Venture-philanthropy grants (公益创投) paid so far this fiscal year.", Direction::neutral,
     false},
    {"spent_year_subsidy", "CNY", "Subsidies per social worker paid so far this fiscal year.", Direction::neutral, false},
    {"spent_year_projects", "CNY", "Community projects (4+4+N) paid so far this fiscal year.", Direction::neutral, false},
    {"direct_delivery_spent_year", "CNY", "Purchase budget spent on DIRECT catalogue items (government staff time) "
     "this fiscal year.", Direction::neutral, false},
    {"catalogue_items", "categories", "Service categories on the purchase catalogue in force.", Direction::neutral, false},
    {"purchase_budget_per_community", "CNY/year", "Purchase budget per community in force this fiscal year (after the "
     "adaptive rule and the six rules' ratchet).", Direction::neutral, false},
    {"contract_admin_hours", "hours/week", "Worker hours managing purchase contracts (tender overhead).",
     Direction::lower_is_better, false},
    {"projects_under_way", "projects", "Community projects being delivered (the N of 4+4+N).", Direction::neutral, false},
    {"rectifications_quarter", "communities", "Communities under a rectification order (整改) after the latest "
     "appraisal.", Direction::lower_is_better, false},
};

struct Totals {
  CommunityWeekStats sum;
  std::vector<double> histogram = std::vector<double>(satisfaction_bins, 0.0);
  std::vector<double> waits = std::vector<double>(wait_bins, 0.0);
  std::vector<double> community_means;
  CommunityWorkHours work;
};

/// Sums community summaries in community order (fixed, so results do not depend on threads).
Totals combine(const ModelState& s) {
  Totals t;
  auto& a = t.sum;
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    const auto& b = s.stats[c];
    a.new_needs += b.new_needs;
    a.self_referred += b.self_referred;
    a.found_by_outreach += b.found_by_outreach;
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
    for (int k = 0; k < satisfaction_bins; ++k) t.histogram[static_cast<std::size_t>(k)] += b.satisfaction_histogram[static_cast<std::size_t>(k)];
    for (int k = 0; k < wait_bins; ++k) t.waits[static_cast<std::size_t>(k)] += b.wait_histogram[static_cast<std::size_t>(k)];
    t.community_means.push_back(b.satisfaction_sum / std::max<std::uint32_t>(1, s.layout.communities[c].resident_count));
    const auto& w = s.work[c];
    t.work.admin += w.admin;
    t.work.appraisal_prep += w.appraisal_prep;
    t.work.overtime += w.overtime;
    t.work.unfinished_admin += w.unfinished_admin;
    t.work.available += w.available;
    for (std::size_t j = 0; j < w.activity.size(); ++j) t.work.activity[j] += w.activity[j];
  }
  return t;
}

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : 0.0; }

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
  for (const auto& d : metric_defs) recorder.declare({d.name, d.unit, d.description, d.direction, d.headline});
}

void record_metrics(const ModelState& s, sim::MetricRecorder& recorder, int recorded_week) {
  const Totals t = combine(s);
  const auto& a = t.sum;
  const double residents = s.layout.resident_count;
  const double others = residents - a.vulnerable_count;
  const double closed = a.served + a.unmet;
  const double worked = t.work.total_worked();
  std::size_t waiting = 0;
  for (const auto& q : s.queues)
    for (const auto& w : q.waiting) waiting += w.size();
  std::size_t posts = 0, vacancies = 0;
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    posts += s.workers_by_community[c].size();
    vacancies += s.vacancies[c].size();
  }
  double burnout = 0, skill = 0;
  s.workers.for_each_alive([&](std::uint32_t w) {
    burnout += s.workers.columns.burnout[w];
    skill += s.workers.columns.skill[w];
  });
  double org_quality = 0, grassroots = 0;
  s.organizations.for_each_alive([&](std::uint32_t o) {
    org_quality += s.organizations.columns.quality[o];
    grassroots += s.organizations.columns.professional[o] ? 0 : 1;
  });
  double facility_hours = 0;
  for (const auto& u : s.enterprises.resident_units)
    facility_hours += u.facilities_open ? s.params.enterprises.facility_hours_per_week : 0.0;
  double property_quality = 0;
  for (const auto& p : s.enterprises.property_companies) property_quality += p.quality;
  double allocated = 0, spent = 0;
  for (const auto& l : s.budget.ledgers) {
    allocated += l.allocated;
    spent += l.spent;
  }
  double appraisal_score = 0, appraisal_bias = 0;
  for (const auto& ap : s.appraisals) {
    appraisal_score += ap.score;
    appraisal_bias += ap.surveyed_satisfaction - ap.true_satisfaction;
  }
  const double communities = static_cast<double>(s.community_count());
  const int separations = RollingYear::sum(s.rolling.worker_separations);
  const double mean_posts = RollingYear::sum(s.rolling.filled_posts) /
                            static_cast<double>(std::max(1, std::min(52, s.week)));
  const double service_hours = t.work.activity[0] + t.work.activity[1] + t.work.activity[2] + t.work.activity[3];
  const double vulnerable_mean = ratio(a.vulnerable_satisfaction_sum, a.vulnerable_count);

  const double values[] = {
      a.satisfaction_sum / residents,
      a.acsi_sum / residents,
      a.satisfied / residents,
      a.very_satisfied / residents,
      histogram_quantile(t.histogram, 0.1),
      histogram_quantile(t.histogram, 0.5),
      histogram_quantile(t.histogram, 0.9),
      vulnerable_mean,
      ratio(a.satisfaction_sum - a.vulnerable_satisfaction_sum, others) - vulnerable_mean,
      gini(t.community_means),
      static_cast<double>(a.new_needs),
      static_cast<double>(a.served),
      ratio(a.unmet, closed),
      ratio(a.vulnerable_unmet, a.vulnerable_needs_closed),
      ratio(a.found_by_outreach, a.served),
      ratio(a.wait_sum_weeks, closed),
      histogram_quantile(t.waits, 0.9),
      ratio(a.admin_wait_sum_weeks, a.admin_closed),
      static_cast<double>(waiting),
      ratio(t.work.admin + t.work.appraisal_prep, worked),
      service_hours,
      t.work.activity[static_cast<std::size_t>(Activity::records)],
      t.work.overtime,
      t.work.unfinished_admin,
      ratio(burnout, static_cast<double>(posts)),
      ratio(separations, mean_posts),
      ratio(static_cast<double>(vacancies), static_cast<double>(posts + vacancies)),
      ratio(skill, static_cast<double>(posts)),
      static_cast<double>(s.organizations.alive_count()),
      grassroots,
      static_cast<double>(RollingYear::sum(s.rolling.organization_entries)),
      static_cast<double>(RollingYear::sum(s.rolling.organization_exits)),
      ratio(org_quality, s.organizations.alive_count()),
      static_cast<double>(s.contracts.size()),
      contract_hhi(s),
      a.trust_community_sum / residents,
      a.trust_street_sum / residents,
      a.trust_district_sum / residents,
      a.belonging_sum / residents,
      static_cast<double>(a.meeting_attendance),
      1000.0 * a.complaints / residents,
      facility_hours,
      ratio(property_quality, static_cast<double>(s.enterprises.property_companies.size())),
      allocated,
      spent,
      allocated - spent,
      s.budget[Instrument::purchase].spent,
      appraisal_score / communities,
      appraisal_bias / communities,
      static_cast<double>(s.residents.size()),
      s.budget[Instrument::direct_grant].spent,
      s.budget[Instrument::award].spent,
      s.budget[Instrument::venture].spent,
      s.budget[Instrument::subsidy].spent,
      s.budget[Instrument::projects].spent,
      s.direct_delivery_paid_yuan - s.direct_delivery_paid_at_year_start_yuan,
      static_cast<double>(catalogue_items(s)),
      s.catalogue.budget_per_community_yuan,
      std::accumulate(s.contract_admin_hours_per_week.begin(), s.contract_admin_hours_per_week.end(), 0.0),
      static_cast<double>(projects_under_way(s)),
      static_cast<double>(communities_rectifying(s)),
  };
  static_assert(sizeof(values) / sizeof(values[0]) == std::size(metric_defs), "one value per declared metric");
  recorder.begin_row(recorded_week);
  for (std::size_t m = 0; m < std::size(metric_defs); ++m) recorder.set(m, values[m]);
}

}  // namespace shanzhi::gov
