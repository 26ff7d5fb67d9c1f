#include "models/governance/spin_up.hpp"

#include "models/governance/model.hpp"
#include "models/governance/pilot_cache.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/state/category_reversion.hpp"
#include "models/governance/state/random_purposes.hpp"
#include "sim/experiments/paired_comparison.hpp"

#include <array>
#include <vector>

namespace shanzhi::gov {
namespace {

/// Pilot residents by demographic class and group-leader flag: the pool a resident draws from.
class ResidentPools {
 public:
  explicit ResidentPools(const Residents& r) {
    for (std::uint32_t j = 0; j < r.size(); ++j) pools_[key(r.demographic_class[j], r.is_group_leader[j])].push_back(j);
  }
  /// The pool for a resident of class `cls`; leaders fall back to their class's other residents.
  const std::vector<std::uint32_t>& pool(std::uint8_t cls, bool leader) const {
    const auto& exact = pools_[key(cls, leader)];
    return exact.empty() ? pools_[key(cls, !leader)] : exact;
  }

 private:
  static std::size_t key(std::uint8_t cls, bool leader) { return static_cast<std::size_t>(cls) * 2 + (leader ? 1 : 0); }
  std::array<std::vector<std::uint32_t>, demographic_class_count * 2> pools_;
};

/// Resident i takes pilot resident j's state of mind: satisfaction by category (brought to the
/// pilot's last week), expectations, norms, what they have used, disposition, last encounter,
/// trust and belonging. Who they are (community, class, leader) stays.
void copy_resident(Residents& to, std::uint32_t i, const Residents& from, const ReversionPowers& reversion,
                   std::uint32_t j, int last_week) {
  for (int k = 0; k < category_count; ++k) {
    const auto at = static_cast<std::size_t>(i) * category_count + static_cast<std::size_t>(k);
    const auto from_at = static_cast<std::size_t>(j) * category_count + static_cast<std::size_t>(k);
    to.category_satisfaction[at] = category_satisfaction_at(from, reversion, j, k, last_week);
    to.expectation[at] = from.expectation[from_at];
    to.normative[at] = from.normative[from_at];
  }
  to.used_categories[i] = from.used_categories[j];
  to.prior[i] = from.prior[j];
  to.satisfaction[i] = from.satisfaction[j];
  to.last_performance[i] = from.last_performance[j];
  to.last_disconfirmation[i] = from.last_disconfirmation[j];
  to.acsi_disconfirmation_item[i] = from.acsi_disconfirmation_item[j];
  to.last_category[i] = from.last_category[j];
  to.trust_community[i] = from.trust_community[j];
  to.trust_street[i] = from.trust_street[j];
  to.trust_district[i] = from.trust_district[j];
  to.belonging[i] = from.belonging[j];
  to.categories_week[i] = -1;  // as of the end of the week before week 0
  to.satisfaction_stale[i] = 1;
}

void draw_residents(ModelState& s, const ModelState& pilot) {
  const ResidentPools pools(pilot.residents);
  const int last_week = pilot.week - 1;
  auto& r = s.residents;
  for (std::uint32_t i = 0; i < r.size(); ++i) {
    const auto& pool = pools.pool(r.demographic_class[i], r.is_group_leader[i] != 0);
    if (pool.empty()) continue;  // a class the pilot lacks keeps its own start
    sim::RandomStream rng(s.seed, i, 0, purpose::settled_state);
    copy_resident(r, i, pilot.residents, pilot.reversion, pool[rng.below(static_cast<std::uint32_t>(pool.size()))],
                  last_week);
  }
}

/// Each worker takes the skill, burnout, licence draw and tenure of a pilot worker of the same post.
void draw_workers(ModelState& s, const ModelState& pilot) {
  std::array<std::vector<std::uint32_t>, 3> by_pool;
  pilot.workers.for_each_alive(
      [&](std::uint32_t w) { by_pool[static_cast<std::size_t>(pilot.workers.columns.pool[w])].push_back(w); });
  auto& to = s.workers.columns;
  const auto& from = pilot.workers.columns;
  s.workers.for_each_alive([&](std::uint32_t w) {
    const auto& pool = by_pool[static_cast<std::size_t>(to.pool[w])];
    if (pool.empty()) return;
    sim::RandomStream rng(s.seed, w, 1, purpose::settled_state);
    const auto j = pool[rng.below(static_cast<std::uint32_t>(pool.size()))];
    to.skill[w] = from.skill[j];
    to.burnout[w] = from.burnout[j];
    to.certification_draw[w] = from.certification_draw[j];
    to.exam_certified[w] = from.exam_certified[j];
    to.hired_week[w] = from.hired_week[j] - pilot.week;
  });
}

/// The streets take the pilot's organisations (streets are the same), with dates shifted so the
/// pilot's end is week 0. Before reform no government money flows, so nothing is owed to the
/// ledgers' conservation check.
void take_organizations(ModelState& s, const ModelState& pilot) {
  s.organizations = pilot.organizations;
  auto& col = s.organizations.columns;
  s.organizations.for_each_alive([&](std::uint32_t o) {
    col.founded_week[o] -= pilot.week;
    col.revenue_this_year_yuan[o] = 0;
    col.government_revenue_total_yuan[o] = 0;
    col.mentored[o] = 0;
  });
}

/// Each community takes the waiting and hidden requests of its street's pilot community, made by
/// the residents at the same places: without them the first months would serve every need at
/// once, and the good experiences would take years to wear off.
void take_queues(ModelState& s, const ModelState& pilot) {
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    const auto& community = s.layout.communities[c];
    const auto& pilot_community = pilot.layout.communities[community.street];
    auto copy = [&](const std::vector<Request>& from, std::vector<Request>& to) {
      to.clear();
      for (Request request : from) {
        const std::uint32_t offset = request.resident - pilot_community.first_resident;
        if (offset >= community.resident_count) continue;
        request.resident = community.first_resident + offset;
        request.arrival_week -= pilot.week;
        to.push_back(request);
      }
    };
    for (std::size_t k = 0; k < category_count; ++k) {
      copy(pilot.queues[community.street].waiting[k], s.queues[c].waiting[k]);
      copy(pilot.queues[community.street].hidden[k], s.queues[c].hidden[k]);
    }
  }
}

}  // namespace

GovernanceParameters pilot_parameters(const GovernanceParameters& scenario) {
  GovernanceParameters p = governance_schema().with_levers_pre_reform(scenario);
  p.district.communities_per_street = 1;
  p.run.spin_up_years = 0;
  p.run.burn_in_weeks = 0;
  p.run.weeks = scenario.run.spin_up_years * sim::weeks_per_year;
  p.run.breakdown_every_weeks = 0;
  p.run.seed = static_cast<std::int64_t>(sim::derive_seed(static_cast<std::uint64_t>(scenario.run.seed), purpose::pilot_seed) %
                                         sim::experiments::replicate_seed_limit);
  return p;
}

void draw_settled_state(ModelState& s, const GovernanceParameters& scenario) {
  const GovernanceParameters params = pilot_parameters(scenario);
  const auto pilot = finished_pilot(params, [&] {
    GovernanceModel run(params);
    while (!run.finished()) run.step();
    return run;
  });
  const ModelState& end = pilot->state();
  draw_residents(s, end);
  draw_workers(s, end);
  take_organizations(s, end);
  take_queues(s, end);
}

}  // namespace shanzhi::gov
