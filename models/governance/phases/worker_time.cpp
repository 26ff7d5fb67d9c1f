// Weekly time allocation of community workers (MODEL_BRIEF §2.2). Mandatory admin tasks pushed
// down by line departments come first (after the admission filter, L1, and the six rules, L16),
// then appraisal preparation (迎检); the discretionary rest is split across activities by a
// softmax over utilities u_j = w_eval,j × (score gain of j) + m_j. The resident-evaluation weight
// (L18) is what pulls hours toward resident-facing work and away from records.

#include "models/governance/phases/phases.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/state/random_purposes.hpp"
#include "sim/parallel.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::gov {
namespace {

using ActivityHours = std::array<double, activity_count>;

/// Categories each resident-facing activity can serve.
constexpr bool serves(Activity a, int k) {
  const auto c = static_cast<Category>(k);
  switch (a) {
    case Activity::counter: return c == Category::admin || c == Category::assistance;
    case Activity::casework:
      return c == Category::assistance || c == Category::elderly || c == Category::family ||
             c == Category::disability || c == Category::health || c == Category::safety;
    case Activity::outreach:
      return c == Category::elderly || c == Category::disability || c == Category::assistance;
    case Activity::self_governance:
      return c == Category::culture || c == Category::safety || c == Category::environment;
    case Activity::records: return false;
  }
  return false;
}

/// Workstation staff always take admin tasks; committee members too unless the committee is
/// separated from the station (L9); social-work station posts never (L2).
bool takes_admin(const Community& community, WorkerPool pool) {
  switch (pool) {
    case WorkerPool::workstation: return true;
    case WorkerPool::committee: return !community.separated;
    case WorkerPool::social_work_station: return false;
  }
  return true;
}

/// Mandatory admin hours arriving in community c this week.
double admin_inflow_hours(const ModelState& s, const Community& community, std::size_t c, int week) {
  const auto& a = s.params.admin;
  // Formal burden reduction removes hours twice: the six rules cut the inflow (L16) and the
  // admission system refuses off-list tasks (L1). Informally a share `leakage` of everything
  // removed comes back as "help", forms and WeChat requests (减负悖论 [S30]); at leakage 1 the
  // reform changes nothing on the ground.
  // The street may enforce its own cut and admission rule (classroom mode's street levers).
  const double task_cut_share = street_value(s.street_levers, community.street, s.params, StreetLever::task_cut_share);
  const double strictness = street_value(s.street_levers, community.street, s.params, StreetLever::admission_strictness);
  const double pushed = a.task_hours_per_1k_residents * community.resident_count / 1000.0;
  const double cut = pushed * task_cut_share;
  const double refused = (pushed - cut) * a.off_list_share * strictness;
  const double leaked_back = (cut + refused) * a.leakage;
  sim::RandomStream rng(s.seed, static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(week), purpose::admin_tasks);
  const double fluctuation = std::max(a.min_weekly_factor, 1.0 + a.weekly_fluctuation_sd * rng.normal());
  const double factor = community.general_practice ? a.general_practice_admin_factor : 1.0;
  // Managing this year's purchase contracts (needs statements, bids, acceptance checks) is admin
  // work too, outside the rules that cut line departments' tasks.
  const double contract_management = c < s.contract_admin_hours_per_week.size() ? s.contract_admin_hours_per_week[c] : 0.0;
  return (pushed - cut - refused + leaked_back) * fluctuation * factor + contract_management;
}

/// The lever's pre-reform count of appraisals a year, as the schema records it (26).
double pre_reform_appraisals_per_year() {
  static const double count = [] {
    const auto* entry = governance_schema().find("admin.appraisals_per_year");
    return static_cast<double>(std::get<std::int64_t>(entry->info.pre_reform_value.value()));
  }();
  return count;
}

/// Appraisals and inspections a year as felt on the ground. The six rules may cut them below the
/// pre-reform count; informally the same share `leakage` of that cut comes back as checks under
/// other names (变相督查: "research visits", data requests, photo evidence), so at leakage 1 the
/// appraisal cut is undone like the task cut [S30].
double appraisals_felt_per_year(const AdminParameters& a) {
  const double pre_reform = pre_reform_appraisals_per_year();
  const auto formal = static_cast<double>(a.appraisals_per_year);
  return formal + std::max(0.0, pre_reform - formal) * a.leakage;
}

/// Residual demand hours (after external providers) that each activity could work on.
ActivityHours demand_by_activity(const ModelState& s, std::size_t c, int week) {
  ActivityHours demand{};
  const auto& queues = s.queues[c];
  const auto& external = s.external_capacity[c];
  for (int k = 0; k < category_count; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    const double residual = rectification_weight(s, c, k, week) *
                            std::max(0.0, queues.waiting[ku].size() * request_hours(s.params, s.layout.communities[c], k) -
                                              external.hours[ku]);
    for (int a = 0; a < activity_count; ++a)
      if (serves(static_cast<Activity>(a), k)) demand[static_cast<std::size_t>(a)] += residual;
  }
  demand[static_cast<std::size_t>(Activity::outreach)] +=
      reachable_hidden_needs(queues, outreach_unrecorded_reach(s.params, s.layout.communities[c])) /
      std::max(0.01, s.params.information.outreach_needs_per_hour);
  // Self-governance also has standing work: organising meetings and resident groups (the hours
  // at which facilitation is fully felt in meetings.cpp).
  demand[static_cast<std::size_t>(Activity::self_governance)] +=
      s.layout.communities[c].resident_count / 1000.0 * s.params.participation.facilitation_hours_per_1k_residents;
  return demand;
}

/// How much an hour of each kind of work is worth to the appraisal, relative to the part's weight.
/// Without feedback workers know only the weights (1, 1). With feedback (L18 反馈) they know the
/// last appraisal's parts, and an hour is worth more where the part has more room to rise: the
/// marginal score gain of a part scored x is taken as proportional to 1 + g × (100 − x)/100, with
/// g = workforce.score_gap_response (0 knocks the response out).
struct ScorePull {
  double resident = 1;
  double records = 1;
};

ScorePull score_pull(const ModelState& s, std::size_t c) {
  const auto& a = s.appraisals[c];
  if (!s.params.appraisal.score_feedback || !a.appraised) return {};
  const double g = s.params.workforce.score_gap_response;
  return {1.0 + g * std::clamp((100.0 - a.resident_part) / 100.0, 0.0, 1.0),
          1.0 + g * std::clamp((100.0 - a.records_score) / 100.0, 0.0, 1.0)};
}

/// Shares of a worker's discretionary hours, in two levels. (1) The appraisal decides how much
/// goes to resident-facing work against records: a logit choice between u_resident = w_res·π_res + m
/// and u_records = (1 − w_res)·π_rec with temperature τ, the Holmström–Milgrom channel of L18 [S16]
/// (π = the score pull above: 1 without feedback).
/// (2) Resident-facing hours follow demand: each activity gets hours in proportion to the work
/// waiting for it, tilted toward self-governance for committee members where 居站分设 applies
/// (L9, admin.committee_self_governance_tilt), toward casework and outreach for social-work
/// station posts (L2, workforce.social_worker_casework_tilt), and, where 全科社工 applies (L10),
/// toward outreach for the workers sent to the grids (admin.grid_outreach_tilt).
ActivityHours activity_shares(const GovernanceParameters& p, const ActivityHours& demand, const ScorePull& pull,
                              bool committee_in_separated, bool social_worker, bool grid_worker) {
  const auto& w = p.workforce;
  const double w_res = w.resident_evaluation_weight;
  const double u_resident = w_res * pull.resident + w.service_motivation;
  const double u_records = (1.0 - w_res) * pull.records;
  const double resident_facing = 1.0 / (1.0 + std::exp((u_records - u_resident) / w.allocation_temperature));

  ActivityHours weight{};
  for (int a = 0; a < activity_count - 1; ++a) weight[static_cast<std::size_t>(a)] = demand[static_cast<std::size_t>(a)];
  if (committee_in_separated) weight[static_cast<std::size_t>(Activity::self_governance)] *= p.admin.committee_self_governance_tilt;
  if (social_worker) {
    weight[static_cast<std::size_t>(Activity::casework)] *= w.social_worker_casework_tilt;
    weight[static_cast<std::size_t>(Activity::outreach)] *= w.social_worker_casework_tilt;
  }
  // Grid workers still take residents' errands (any 全科 worker handles any item), but lean toward
  // outreach: keeping them off the counter would leave admin needs to two desk staff and undo the
  // shorter waits the one-stop service brings [S27].
  if (grid_worker) weight[static_cast<std::size_t>(Activity::outreach)] *= p.admin.grid_outreach_tilt;
  double total = 0;
  for (int a = 0; a < activity_count - 1; ++a) total += weight[static_cast<std::size_t>(a)];
  ActivityHours share{};
  if (total <= 0) {
    share[static_cast<std::size_t>(Activity::self_governance)] = resident_facing;  // nothing queued: activities
  } else {
    for (int a = 0; a < activity_count - 1; ++a)
      share[static_cast<std::size_t>(a)] = resident_facing * weight[static_cast<std::size_t>(a)] / total;
  }
  share[static_cast<std::size_t>(Activity::records)] = 1.0 - resident_facing;
  return share;
}

/// Hours beyond what an activity's queues can absorb do nothing for residents; workers with time
/// left over run activities and meetings instead (self-governance), so the softmax's preferences
/// meet diminishing returns.
void spill_unusable_hours(CommunityWorkHours& hours, const ActivityHours& demand) {
  for (Activity a : {Activity::counter, Activity::outreach, Activity::casework}) {
    const auto j = static_cast<std::size_t>(a);
    const double excess = std::max(0.0, hours.activity[j] - demand[j]);
    hours.activity[j] -= excess;
    hours.activity[static_cast<std::size_t>(Activity::self_governance)] += excess;
  }
}

void allocate_in_community(ModelState& s, std::size_t c, int week) {
  const auto& community = s.layout.communities[c];
  const auto& w = s.params.workforce;
  const auto& staff = s.workers_by_community[c];
  auto& hours = s.work[c];
  hours = CommunityWorkHours{};
  hours.workers = static_cast<int>(staff.size());
  if (staff.empty()) return;

  const auto& col = s.workers.columns;
  std::size_t admin_staff = 0;
  for (auto slot : staff) admin_staff += takes_admin(community, col.pool[slot]);
  const bool everyone_does_admin = admin_staff == 0;
  if (everyone_does_admin) admin_staff = staff.size();

  const double admin_per_worker = admin_inflow_hours(s, community, c, week) / static_cast<double>(admin_staff);
  const double prep_per_worker =
      appraisals_felt_per_year(s.params.admin) * s.params.admin.prep_hours_per_appraisal / sim::weeks_per_year /
      static_cast<double>(staff.size());
  const ActivityHours demand = demand_by_activity(s, c, week);
  const ScorePull pull = score_pull(s, c);

  // 全科社工 (L10): the first desk_staff workers of the community's list who are not social-work
  // station posts keep the one-stop desk; the others are sent to the grids [S28].
  std::int64_t at_desk = 0;
  for (auto slot : staff) {
    const WorkerPool pool = col.pool[slot];
    const bool committee_separated = community.separated && pool == WorkerPool::committee;
    bool grid_worker = false;
    if (community.general_practice && pool != WorkerPool::social_work_station)
      grid_worker = at_desk++ >= s.params.admin.general_practice_desk_staff;
    const double admin = (takes_admin(community, pool) || everyone_does_admin) ? admin_per_worker : 0.0;
    const double mandatory = admin + prep_per_worker;
    const double overtime = std::clamp(mandatory - w.hours_per_week, 0.0, w.max_overtime_hours);
    const double done = std::min(mandatory, w.hours_per_week + overtime);
    const double discretionary = std::max(0.0, w.hours_per_week - mandatory);
    // Mandatory work is shared between admin and preparation in proportion.
    const double admin_done = mandatory > 0 ? done * admin / mandatory : 0.0;
    hours.admin += admin_done;
    hours.appraisal_prep += done - admin_done;
    hours.overtime += overtime;
    hours.unfinished_admin += mandatory - done;
    hours.available += w.hours_per_week;
    const ActivityHours share =
        activity_shares(s.params, demand, pull, committee_separated, pool == WorkerPool::social_work_station,
                        grid_worker);
    const float quality = worker_quality(w, col, slot);
    for (std::size_t a = 0; a < share.size(); ++a) hours.activity[a] += discretionary * share[a];
    hours.quality_weighted_hours += discretionary * (1.0 - share[static_cast<std::size_t>(Activity::records)]) * quality;
  }
  spill_unusable_hours(hours, demand);
}

}  // namespace

bool activity_serves(Activity a, int category) { return serves(a, category); }

float request_hours(const GovernanceParameters& p, const Community& community, int k) {
  const float hours = p.services.hours_per_request_of(k);
  if (!community.general_practice || k != index(Category::admin)) return hours;
  return static_cast<float>(hours * p.admin.general_practice_admin_factor);
}

double outreach_unrecorded_reach(const GovernanceParameters& p, const Community& community) {
  return community.general_practice ? p.admin.grid_unrecorded_reach : 0.0;
}

double reachable_hidden_needs(const CommunityQueues& queues, double unrecorded_reach) {
  std::size_t visible = 0, unrecorded = 0;
  for (const auto& hidden : queues.hidden)
    for (const auto& r : hidden) (r.visible ? visible : unrecorded) += 1;
  return static_cast<double>(visible) + unrecorded_reach * static_cast<double>(unrecorded);
}

float worker_fit(const GovernanceParameters& p, int k) {
  const auto c = static_cast<Category>(k);
  const bool specialist = c == Category::elderly || c == Category::family || c == Category::disability ||
                          c == Category::health;
  if (!specialist) return 1.0f;
  const auto& w = p.workforce;
  const double multi = w.multi_skilled_share;
  return static_cast<float>((1.0 - multi) * w.single_specialty_fit + multi * w.multi_skilled_fit);
}

void allocate_worker_time(ModelState& s, const sim::CalendarDate& date) {
  sim::parallel_for_blocks(static_cast<int>(s.community_count()),
                           [&](int c) { allocate_in_community(s, static_cast<std::size_t>(c), date.week); });
}

}  // namespace shanzhi::gov
