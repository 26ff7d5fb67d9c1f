// Weekly time allocation of community workers (MODEL_BRIEF §2.2). Mandatory admin tasks pushed
// down by line departments come first (after the admission filter, L1, and the six rules, L16),
// then appraisal preparation (迎检); the discretionary rest is split across activities by a
// softmax over utilities u_j = w_eval,j × (score gain of j) + m_j. The resident-evaluation weight
// (L18) is what pulls hours toward resident-facing work and away from records.

#include "models/governance/phases.hpp"
#include "models/governance/random_purposes.hpp"
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

/// Mandatory admin hours arriving in community c this week.
double admin_inflow_hours(const ModelState& s, const Community& community, std::size_t c, int week) {
  const auto& a = s.params.admin;
  const double base = a.task_hours_per_1k_residents * community.resident_count / 1000.0 * (1.0 - a.task_cut_share);
  const double refused = base * a.off_list_share * a.admission_strictness;
  const double leaked_back = refused * a.leakage;
  sim::RandomStream rng(s.seed, static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(week), purpose::admin_tasks);
  const double fluctuation = std::max(0.5, 1.0 + 0.1 * rng.normal());  // weekly ±10% [A]
  const double factor = community.general_practice ? a.general_practice_admin_factor : 1.0;
  return (base - refused + leaked_back) * fluctuation * factor;
}

/// Residual demand hours (after external providers) that each activity could work on.
ActivityHours demand_by_activity(const ModelState& s, std::size_t c) {
  ActivityHours demand{};
  const auto& queues = s.queues[c];
  const auto& external = s.external_capacity[c];
  for (int k = 0; k < category_count; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    const double residual =
        std::max(0.0, queues.waiting[ku].size() * info(k).hours_per_request - external.hours[ku]);
    for (int a = 0; a < activity_count; ++a)
      if (serves(static_cast<Activity>(a), k)) demand[static_cast<std::size_t>(a)] += residual;
  }
  std::size_t visible_hidden = 0;
  for (const auto& hidden : queues.hidden)
    for (const auto& r : hidden) visible_hidden += r.visible;
  demand[static_cast<std::size_t>(Activity::outreach)] +=
      visible_hidden / std::max(0.01, s.params.information.outreach_needs_per_hour);
  return demand;
}

/// Softmax shares of discretionary hours for one worker.
ActivityHours activity_shares(const WorkforceParameters& w, const ActivityHours& demand, bool committee_in_separated) {
  const double w_res = w.resident_evaluation_weight;
  double mean_demand = 0;
  for (int a = 0; a < activity_count - 1; ++a) mean_demand += demand[static_cast<std::size_t>(a)];
  mean_demand = std::max(1.0, mean_demand / (activity_count - 1));
  ActivityHours utility{};
  for (int a = 0; a < activity_count - 1; ++a) {
    const double pressure = std::min(3.0, demand[static_cast<std::size_t>(a)] / mean_demand);
    utility[static_cast<std::size_t>(a)] = w_res * pressure + w.service_motivation;
  }
  // Self-governance is also appraised through resident ratings; RC members where the committee is
  // separated from the station (居站分设) are there for it [Seed: 居行自治].
  utility[static_cast<std::size_t>(Activity::self_governance)] += w_res * 0.5 + (committee_in_separated ? 1.0 : 0.0);
  // Records and ledgers carry the non-resident part of the appraisal.
  utility[static_cast<std::size_t>(Activity::records)] = (1.0 - w_res);
  ActivityHours share{};
  double total = 0;
  const double top = *std::max_element(utility.begin(), utility.end());
  for (std::size_t a = 0; a < share.size(); ++a) total += share[a] = std::exp((utility[a] - top) / w.allocation_temperature);
  for (auto& x : share) x /= total;
  return share;
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
  for (auto slot : staff) admin_staff += !(community.separated && col.committee_member[slot]);
  const bool everyone_does_admin = admin_staff == 0;
  if (everyone_does_admin) admin_staff = staff.size();

  const double admin_per_worker = admin_inflow_hours(s, community, c, week) / static_cast<double>(admin_staff);
  const double prep_per_worker =
      s.params.admin.appraisals_per_year * s.params.admin.prep_hours_per_appraisal / sim::weeks_per_year / staff.size();
  const ActivityHours demand = demand_by_activity(s, c);

  for (auto slot : staff) {
    const bool committee_separated = community.separated && col.committee_member[slot];
    const double admin = (committee_separated && !everyone_does_admin) ? 0.0 : admin_per_worker;
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
    const ActivityHours share = activity_shares(w, demand, committee_separated);
    const float quality = worker_quality(col.skill[slot], col.certification_draw[slot] < w.certified_share);
    for (std::size_t a = 0; a < share.size(); ++a) hours.activity[a] += discretionary * share[a];
    hours.quality_weighted_hours += discretionary * (1.0 - share[static_cast<std::size_t>(Activity::records)]) * quality;
  }
}

}  // namespace

bool activity_serves(Activity a, int category) { return serves(a, category); }

void allocate_worker_time(ModelState& s, const sim::CalendarDate& date) {
  sim::parallel_for_blocks(static_cast<int>(s.community_count()),
                           [&](int c) { allocate_in_community(s, static_cast<std::size_t>(c), date.week); });
}

}  // namespace shanzhi::gov
