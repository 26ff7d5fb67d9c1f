// Weekly service delivery per community and category (MODEL_BRIEF §6 steps 4–5). Outreach first
// brings visible hidden needs into the queues (L6); then each category's capacity (external
// providers plus the worker hours aimed at it) serves the queue in FIFO or priority order; every
// served request is an encounter, and requests older than W_max go unmet.

#include "models/governance/phases/encounter.hpp"
#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"
#include "sim/parallel.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::gov {
namespace {

bool served_first(const Request& a, const Request& b) {
  if (a.priority != b.priority) return a.priority > b.priority;
  if (a.arrival_week != b.arrival_week) return a.arrival_week < b.arrival_week;
  return a.resident < b.resident;
}

/// Moves up to `budget` reachable hidden needs into the waiting queues; returns how many moved.
/// Every need the databases show is reachable, and `unrecorded_reach` of those they miss (grid
/// workers' home visits under 全科社工, L10); outreach finds the same fraction of each kind in
/// every category.
std::size_t find_hidden_needs(CommunityQueues& q, double budget, bool by_priority, double unrecorded_reach) {
  const double reachable_total = reachable_hidden_needs(q, unrecorded_reach);
  if (reachable_total <= 0 || budget < 1) return 0;
  const double fraction = std::min(1.0, budget / reachable_total);
  std::size_t moved = 0;
  for (std::size_t k = 0; k < q.hidden.size(); ++k) {
    auto& hidden = q.hidden[k];
    if (by_priority) std::sort(hidden.begin(), hidden.end(), served_first);
    std::size_t visible_here = 0;
    for (const auto& r : hidden) visible_here += r.visible;
    const std::size_t unrecorded_here = hidden.size() - visible_here;
    auto quota = static_cast<std::size_t>(std::floor(fraction * static_cast<double>(visible_here)));
    auto unrecorded_quota =
        static_cast<std::size_t>(std::floor(fraction * unrecorded_reach * static_cast<double>(unrecorded_here)));
    auto keep = hidden.begin();
    for (auto it = hidden.begin(); it != hidden.end(); ++it) {
      auto& left = it->visible ? quota : unrecorded_quota;
      if (left > 0) {
        Request found = *it;
        found.found_by_outreach = 1;
        q.waiting[k].push_back(found);
        --left;
        ++moved;
      } else {
        *keep++ = *it;
      }
    }
    hidden.erase(keep, hidden.end());
  }
  return moved;
}

/// Worker hours aimed at each category: each activity's hours split over the categories it
/// serves in proportion to their residual demand.
std::array<double, category_count> worker_hours_by_category(const ModelState& s, std::size_t c, double outreach_left,
                                                           int week) {
  std::array<double, category_count> residual{};
  for (int k = 0; k < category_count; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    residual[ku] = rectification_weight(s, c, k, week) *
                   std::max(0.0, s.queues[c].waiting[ku].size() * request_hours(s.params, s.layout.communities[c], k) -
                                     s.external_capacity[c].hours[ku]);
  }
  std::array<double, category_count> hours{};
  const auto& activity = s.work[c].activity;
  for (int a = 0; a < activity_count; ++a) {
    const auto act = static_cast<Activity>(a);
    const double available = act == Activity::outreach ? outreach_left : activity[static_cast<std::size_t>(a)];
    double demand = 0;
    for (int k = 0; k < category_count; ++k)
      if (activity_serves(act, k)) demand += residual[static_cast<std::size_t>(k)];
    if (demand <= 0 || available <= 0) continue;
    for (int k = 0; k < category_count; ++k)
      if (activity_serves(act, k))
        hours[static_cast<std::size_t>(k)] += available * residual[static_cast<std::size_t>(k)] / demand;
  }
  return hours;
}

/// Counts a closed need. Its wait counts whether it was served or went unmet (then at W_max): a
/// resident whose need expired waited too, and counting only served needs would make serving
/// late needs look like longer waits.
void count_closed(ModelState& s, std::size_t c, std::uint32_t resident, int k, bool unmet, int wait, float performance) {
  auto& stats = s.stats[c];
  const bool vulnerable = is_vulnerable(s.residents.demographic_class[resident]);
  if (unmet) {
    ++stats.unmet;
    stats.vulnerable_unmet += vulnerable;
  } else {
    ++stats.served;
  }
  stats.wait_sum_weeks += wait;
  ++stats.wait_histogram[static_cast<std::size_t>(std::clamp(wait, 0, wait_bins - 1))];
  const auto ku = static_cast<std::size_t>(k);
  ++(unmet ? stats.unmet_by_category : stats.served_by_category)[ku];
  stats.wait_sum_by_category[ku] += wait;
  if (k == index(Category::admin)) {
    stats.admin_wait_sum_weeks += wait;
    ++stats.admin_closed;
  }
  stats.vulnerable_needs_closed += vulnerable;
  s.news[c].performance_sum[ku] += performance;
  ++s.news[c].closed[ku];
}

/// Requests waiting W_max weeks or more go unmet: an encounter with nothing delivered.
void expire(ModelState& s, std::size_t c, std::vector<Request>& queue, int k, int week) {
  const int max_wait = static_cast<int>(s.params.needs.max_wait_weeks);
  auto keep = queue.begin();
  for (auto it = queue.begin(); it != queue.end(); ++it) {
    if (week - it->arrival_week >= max_wait) {
      const float performance =
          apply_encounter(s, it->resident, k, it->arrival_week, 0.0f, static_cast<float>(max_wait), 0.0f, week);
      count_closed(s, c, it->resident, k, true, max_wait, performance);
    } else {
      *keep++ = *it;
    }
  }
  queue.erase(keep, queue.end());
}

void serve_category(ModelState& s, std::size_t c, int k, double worker_hours, double worker_quality, int week) {
  const auto ku = static_cast<std::size_t>(k);
  auto& queue = s.queues[c].waiting[ku];
  auto& stats = s.stats[c];
  const auto& external = s.external_capacity[c];
  const double capacity = external.hours[ku] + worker_hours;
  double served_hours = 0;
  if (!queue.empty() && capacity > 0) {
    if (s.params.information.queue_rule == QueueRule::priority) std::sort(queue.begin(), queue.end(), served_first);
    const float hours_per_request = request_hours(s.params, s.layout.communities[c], k);
    const double servable = capacity / hours_per_request;
    sim::RandomStream rng(s.seed, static_cast<std::uint32_t>(c * category_count + ku), static_cast<std::uint32_t>(week),
                          purpose::service_rounding);
    auto n = static_cast<std::size_t>(std::floor(servable));
    if (rng.uniform() < servable - std::floor(servable)) ++n;  // unbiased rounding of part-hours
    n = std::min(n, queue.size());
    const auto quality = static_cast<float>((external.quality_hours[ku] + worker_hours * worker_quality) / capacity);
    const auto fit = static_cast<float>((external.fit_hours[ku] + worker_hours * worker_fit(s.params, k)) / capacity);
    for (std::size_t j = 0; j < n; ++j) {
      const Request& r = queue[j];
      const int wait = week - r.arrival_week;
      const float performance = apply_encounter(s, r.resident, k, r.arrival_week, quality, static_cast<float>(wait), fit, week);
      count_closed(s, c, r.resident, k, false, wait, performance);
      stats.found_by_outreach += r.found_by_outreach;
    }
    queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(n));
    served_hours = static_cast<double>(n) * hours_per_request;
    stats.service_hours_delivered += served_hours;
  }
  // Capacity beyond the queue is paid and idle. Hours of every source serve the queue together,
  // so the idle share falls on purchased hours pro rata (in practice it is theirs: worker hours
  // go only to the backlog external capacity leaves, worker_hours_by_category).
  const double purchased = external.purchased_hours[ku];
  if (purchased > 0) {
    const double idle_share = 1.0 - std::min(1.0, served_hours / capacity);
    stats.purchased_hours += purchased;
    stats.purchased_idle_hours += purchased * idle_share;
    s.purchase_idle_yuan_this_year[c] += external.purchased_yuan[ku] * idle_share;
  }
  expire(s, c, queue, k, week);
  expire(s, c, s.queues[c].hidden[ku], k, week);
}

void deliver_in_community(ModelState& s, std::size_t c, int week) {
  const auto& work = s.work[c];
  const double per_hour = s.params.information.outreach_needs_per_hour;
  const double outreach = work.activity[static_cast<std::size_t>(Activity::outreach)];
  const bool by_priority = s.params.information.queue_rule == QueueRule::priority;
  const std::size_t found = find_hidden_needs(s.queues[c], outreach * per_hour, by_priority,
                                              outreach_unrecorded_reach(s.params, s.layout.communities[c]));
  const double outreach_left = std::max(0.0, outreach - (per_hour > 0 ? found / per_hour : 0.0));
  const auto hours = worker_hours_by_category(s, c, outreach_left, week);
  double service_hours = 0;
  for (int a = 0; a < activity_count; ++a)
    if (static_cast<Activity>(a) != Activity::records) service_hours += work.activity[static_cast<std::size_t>(a)];
  // With no service hours the quality multiplies zero worker hours: any value would do.
  const double quality = service_hours > 0 ? work.quality_weighted_hours / service_hours : 0.0;
  for (int k = 0; k < category_count; ++k) serve_category(s, c, k, hours[static_cast<std::size_t>(k)], quality, week);
}

}  // namespace

void deliver_services(ModelState& s, const sim::CalendarDate& date) {
  sim::parallel_for_blocks(static_cast<int>(s.community_count()),
                           [&](int c) { deliver_in_community(s, static_cast<std::size_t>(c), date.week); });
}

}  // namespace shanzhi::gov
