// Community-specific projects, the "N" of 4+4+N (L4), and the five deliberation steps of
// 两评四会五议五务 (L15).
//
// At the fiscal year's start each community proposes `projects_per_year` projects. With the
// deliberation platform (议事决策) a project goes through five steps of
// `weeks_per_deliberation_step` weeks each: propose (提议), discuss jointly (合议), discuss publicly
// (群议, a residents' meeting where the category residents wait on most is chosen), resolve (决议,
// delivery starts) and review (评议, a second meeting at the year's end). Without the platform the
// office picks a category on its own after one step: sooner, but it may miss what residents need
// (participation.office_project_fit 0.8 against deliberated_project_fit 1.0 for a project residents
// chose) [A; Seed: 五议, 居民说事].
// A rooted grassroots organisation of the street delivers the project, paid weekly from the
// projects ledger; the project adds service hours to its category until the year ends.

#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"
#include "sim/parallel.hpp"

#include <algorithm>

namespace shanzhi::gov {
namespace {

constexpr int public_discussion_step = 3;  ///< 群议: the category is chosen here
constexpr int resolution_step = 4;         ///< 决议: delivery starts after it

int step_weeks(const ModelState& s) { return static_cast<int>(s.params.participation.weeks_per_deliberation_step); }

void propose_projects(ModelState& s, const sim::CalendarDate& date) {
  s.projects.clear();
  const auto& pp = s.params.participation;
  const int year_end = date.week + sim::weeks_per_year - 1;
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    for (std::int64_t n = 0; n < pp.projects_per_year; ++n) {
      CommunityProject p;
      p.community = static_cast<std::uint32_t>(c);
      p.proposed_week = date.week;
      p.end_week = year_end;
      p.deliberated = pp.deliberation_platform;
      p.start_week = date.week + step_weeks(s) * (p.deliberated ? resolution_step : 1);
      s.projects.push_back(p);
    }
  }
}

/// The most embedded grassroots organisation of the street not yet running a project this year
/// (ties to the lower slot); none when the street has no grassroots organisation free.
bool find_provider(const ModelState& s, std::size_t c, OrganizationId& provider) {
  const auto& col = s.organizations.columns;
  const auto street = s.layout.communities[c].street;
  std::vector<std::uint8_t> busy(s.organizations.capacity(), 0);
  for (const auto& p : s.projects)
    if (p.under_way && s.organizations.is_alive(p.provider)) busy[p.provider.index] = 1;
  float best = -1;
  s.organizations.for_each_alive([&](std::uint32_t o) {
    if (col.professional[o] || busy[o] || col.street[o] != street || col.embeddedness[o] <= best) return;
    best = col.embeddedness[o];
    provider = s.organizations.id_at(o);
  });
  return best >= 0;
}

void start_project(ModelState& s, CommunityProject& p, int week) {
  if (!find_provider(s, p.community, p.provider)) return;  // nobody to deliver it: the money stays unspent
  const double weeks_left = std::max(1, p.end_week - week + 1);
  p.payment_per_week_yuan = s.params.participation.project_budget_yuan / weeks_left;
  p.hours_per_week = p.payment_per_week_yuan / s.params.purchase.price_per_hour_yuan;
  p.under_way = true;
}

void choose_category(ModelState& s, CommunityProject& p, std::size_t index, int week) {
  if (p.deliberated) {
    p.category = static_cast<std::int16_t>(s.queues[p.community].category_with_largest_backlog(s.params.services));
    p.fit = s.params.participation.deliberated_project_fit;
    return;
  }
  sim::RandomStream rng(s.seed, static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(week), purpose::project_choice);
  p.category = static_cast<std::int16_t>(rng.below(category_count));
  p.fit = s.params.participation.office_project_fit;
}

/// A public meeting for each community that reaches a deliberation step with residents this week
/// (群议 or 评议); one meeting serves all of a community's projects at that step.
void hold_deliberation_meetings(ModelState& s, const std::vector<std::uint8_t>& meets, int week) {
  sim::parallel_for_blocks(static_cast<int>(s.community_count()), [&](int c) {
    if (meets[static_cast<std::size_t>(c)])
      hold_community_meeting(s, static_cast<std::size_t>(c), week, purpose::deliberation_meeting, 0.0);
  });
}

}  // namespace

void run_deliberation(ModelState& s, const sim::CalendarDate& date) {
  if (date.starts_year) propose_projects(s, date);
  if (s.projects.empty()) return;
  std::vector<std::uint8_t> meets(s.community_count(), 0);
  for (std::size_t i = 0; i < s.projects.size(); ++i) {
    auto& p = s.projects[i];
    const int chooses_at = p.proposed_week + step_weeks(s) * (p.deliberated ? public_discussion_step - 1 : 0);
    if (date.week == chooses_at) {
      choose_category(s, p, i, date.week);
      if (p.deliberated) meets[p.community] = 1;  // 群议
    }
    if (date.week == p.start_week) start_project(s, p, date.week);
    if (p.deliberated && p.under_way && date.ends_year && date.week >= p.start_week) meets[p.community] = 1;  // 评议
  }
  hold_deliberation_meetings(s, meets, date.week);
}

}  // namespace shanzhi::gov
