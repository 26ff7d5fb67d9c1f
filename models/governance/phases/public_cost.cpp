// The public cost of the community workforce and of the reforms outside the six funding
// instruments (docs/model.md, Public cost), accrued each week: pay (workforce.pay_ratio ×
// costs.reference_pay_yuan_per_year per post, L17), 好社工 awards held (L18), training and
// 一专多能 (L7), licensing (L7), general-practice cross-training (L10), separated workstations
// (L9), the street hubs (L11) and third-party assessment (L19). Pure accounting: nothing here
// changes what any agent does.
//
// Per-worker costs are counted per post funded (filled or vacant), as the district budgets them,
// not per post filled: otherwise a policy that only lowers turnover (burden reduction) would seem
// to cost money through fewer vacancies, and its tiny "cost" would give it a huge, meaningless
// cost-effectiveness ratio.

#include "models/governance/phases/phases.hpp"

namespace shanzhi::gov {
namespace {

/// What one community's workforce and its reforms cost this week.
void accrue_community(ModelState& s, std::size_t c, int week) {
  const auto& p = s.params;
  const auto& cost = p.costs;
  const auto& community = s.layout.communities[c];
  const auto& col = s.workers.columns;
  std::size_t station_posts = 0;
  for (auto slot : s.workers_by_community[c]) station_posts += col.pool[slot] == WorkerPool::social_work_station ? 1 : 0;
  for (const auto& v : s.vacancies[c]) station_posts += v.pool == WorkerPool::social_work_station ? 1 : 0;
  const double posts = static_cast<double>(s.workers_by_community[c].size() + s.vacancies[c].size());
  // Station posts are always licensed; of the others, the licensed share (L7) is budgeted, plus
  // the workers who have since passed the exam on the job (a licensing drive).
  std::size_t passed_on_the_job = 0;
  for (auto slot : s.workers_by_community[c])
    passed_on_the_job += col.pool[slot] != WorkerPool::social_work_station && col.exam_certified[slot] != 0 &&
                         col.certification_draw[slot] >= p.workforce.certified_share;
  const double licensed_posts = static_cast<double>(station_posts) +
                                p.workforce.certified_share * (posts - static_cast<double>(station_posts)) +
                                static_cast<double>(passed_on_the_job);
  const double per_week = 1.0 / sim::weeks_per_year;
  auto& ledger = s.public_costs;
  ledger.add(PublicCost::workforce_pay, posts * p.workforce.pay_ratio * cost.reference_pay_yuan_per_year * per_week);
  // An award held counts as that much pay in the turnover hazard (workforce_dynamics.cpp), and is
  // paid as that much pay: spread over the year it is held.
  if (week < s.appraisals[c].award_until_week)
    ledger.add(PublicCost::worker_awards, posts * p.appraisal.award_pay_bonus * cost.reference_pay_yuan_per_year * per_week);
  ledger.add(PublicCost::training, posts *
                                       (p.workforce.training_skill_per_year * cost.training_yuan_per_skill +
                                        p.workforce.multi_skilled_share * cost.multi_skill_training_yuan_per_worker_year) *
                                       per_week);
  // The allowance, and the licence's pay grade (L7) where the district pays one.
  ledger.add(PublicCost::licensing, licensed_posts *
                                        (cost.licence_allowance_yuan_per_year +
                                         p.workforce.licensed_pay_premium * cost.reference_pay_yuan_per_year) *
                                        per_week);
  if (community.general_practice)
    ledger.add(PublicCost::general_practice, posts * cost.general_practice_yuan_per_worker_year * per_week);
  if (community.separated) ledger.add(PublicCost::station_separation, cost.station_separation_yuan_per_community_year * per_week);
  if (p.appraisal.third_party) ledger.add(PublicCost::third_party_assessment, cost.third_party_yuan_per_community_year * per_week);
}

}  // namespace

void collect_convenience_fees(ModelState& s, const sim::CalendarDate&) {
  // The convenience tier (便民, L4) is paid by its users: each request served this week in a
  // convenience-tier category brings one fee, which offsets what the public pays. In community
  // order, so the sum does not depend on threads.
  const auto& tiers = s.params.tiers;
  double fees = 0;
  for (std::size_t c = 0; c < s.community_count(); ++c)
    for (int k = 0; k < category_count; ++k)
      if (tiers.convenience[static_cast<std::size_t>(k)])
        fees += tiers.fee_yuan_per_request * s.stats[c].served_by_category[static_cast<std::size_t>(k)];
  if (fees > 0) s.public_costs.add_fees(fees);
}

void accrue_public_costs(ModelState& s, const sim::CalendarDate& date) {
  // Sequential and in community order: a few hundred posts, and the sums stay identical with any
  // thread count.
  for (std::size_t c = 0; c < s.community_count(); ++c) accrue_community(s, c, date.week);
  if (s.params.organizations.hub)
    s.public_costs.add(PublicCost::hub, static_cast<double>(s.layout.streets.size()) *
                                            s.params.costs.hub_yuan_per_street_year / sim::weeks_per_year);
}

}  // namespace shanzhi::gov
