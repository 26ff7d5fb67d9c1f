// The weekly pass over every resident (the hot loop): satisfaction drifts toward the personal
// prior without encounters, overall satisfaction is re-weighted, trust follows satisfaction
// (falling faster than it rises), dissatisfied residents complain, some residents talk to a
// neighbour (bounded-confidence word of mouth), and the community's summaries are accumulated
// in the same pass (MODEL_BRIEF §3.3–3.6).
//
// Cost: most residents have neither an encounter nor a talk in a week. Their S_k are reverted
// lazily (category_reversion.hpp) and S relaxes toward the prior as their weighted mean does;
// only residents whose S_k changed weigh the nine again. Random numbers are drawn only where a
// decision can happen: one 32-bit word per resident for talking (a Philox block serves four;
// the same word, rescaled, picks the tie a talker talks to), and complaint draws only below
// S = 50, where the complaint chance is above zero.

#include "models/governance/state/category_reversion.hpp"
#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"
#include "models/governance/phases/satisfaction.hpp"
#include "models/governance/state/social_network.hpp"
#include "sim/parallel.hpp"
#include "sim/random_batch.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::gov {
namespace {

/// Belonging and the trust premium are measured from the middle of the 0–100 scale: neutral.
constexpr float neutral_points = 50.0f;

/// Parameters of the pass, converted once per community instead of once per resident (the same
/// conversions, so the same floats).
struct PassConstants {
  explicit PassConstants(const GovernanceParameters& p)
      : reversion(static_cast<float>(p.satisfaction.weekly_reversion)),
        unused_weight(static_cast<float>(p.satisfaction.unused_category_weight)),
        gain(static_cast<float>(p.trust.gain_rate)),
        loss(static_cast<float>(p.trust.gain_rate * p.trust.loss_multiplier)),
        transparency(static_cast<float>(p.participation.open_affairs ? p.trust.transparency_gain : 0.0)),
        complaint_loss(static_cast<float>(p.trust.complaint_loss)),
        complaint_resolved(static_cast<float>(p.trust.complaint_resolved_share)),
        complaint_below(static_cast<float>(p.participation.complaint_below_points)),
        street_rate(static_cast<float>(p.trust.street_rate_factor)),
        district_rate(static_cast<float>(p.trust.district_rate_factor)),
        belonging_premium(static_cast<float>(p.trust.belonging_premium)),
        belonging_reversion(static_cast<float>(p.participation.belonging_reversion)),
        complaint_propensity(p.participation.complaint_propensity),
        talk(p.word_of_mouth) {}
  float reversion, unused_weight, gain, loss, transparency, complaint_loss;
  /// Share of complaints resolved before they erode trust; residents complain only below
  /// `complaint_below` points.
  float complaint_resolved, complaint_below;
  /// Street and district trust follow experience at these fractions of the community's pace
  /// (they are further away [S17]).
  float street_rate, district_rate;
  /// Trust in the community settles at satisfaction plus this many points per point of belonging
  /// above neutral: residents who take part and feel they belong credit the committee beyond their
  /// service experience, so participation builds trust that lasts (fact 11) [S25, S26].
  float belonging_premium;
  /// Weekly step of belonging back toward neutral without participation.
  float belonging_reversion;
  double complaint_propensity;
  TalkCurve talk;
};

/// The community's resident summaries, kept in registers during the pass and stored once at
/// the end: the same additions in the same order as adding to CommunityWeekStats directly.
struct ResidentSums {
  explicit ResidentSums(const CommunityWeekStats& st)
      : satisfaction(st.satisfaction_sum), acsi(st.acsi_sum), vulnerable_satisfaction(st.vulnerable_satisfaction_sum),
        trust_community(st.trust_community_sum), trust_street(st.trust_street_sum),
        trust_district(st.trust_district_sum), belonging(st.belonging_sum), satisfied(st.satisfied),
        very_satisfied(st.very_satisfied), vulnerable(st.vulnerable_count), complaints(st.complaints),
        talkers(st.talkers) {}
  void store(CommunityWeekStats& st) const {
    st.satisfaction_sum = satisfaction;
    st.acsi_sum = acsi + acsi_index_linear(pass_satisfaction, acsi_item, performance);
    st.vulnerable_satisfaction_sum = vulnerable_satisfaction;
    st.trust_community_sum = trust_community;
    st.trust_street_sum = trust_street;
    st.trust_district_sum = trust_district;
    st.belonging_sum = belonging;
    st.satisfied = satisfied;
    st.very_satisfied = very_satisfied;
    st.vulnerable_count = vulnerable;
    st.complaints = complaints;
    st.talkers = talkers;
  }
  double satisfaction, acsi, vulnerable_satisfaction, trust_community, trust_street, trust_district, belonging;
  /// This pass's sums of S, the ACSI disconfirmation item and P, for the ACSI index of the sums.
  double pass_satisfaction = 0, acsi_item = 0, performance = 0;
  std::uint32_t satisfied, very_satisfied, vulnerable, complaints, talkers;
};

/// S of a resident whose S_k changed: brings them to the end of `week` and weighs them.
float settle_and_weigh(ModelState& s, const PassConstants& pc, std::uint32_t i, int week) {
  auto& r = s.residents;
  settle_categories(r, s.reversion, i, week);
  r.satisfaction_stale[i] = 0;
  const float prior = r.prior[i];
  const auto& salience = s.demography.salience[r.demographic_class[i]];
  const std::uint16_t used = r.used_categories[i];
  const float* sk = r.categories_of(i);
  float weighted = 0, weights = 0, salience_weighted = 0, salience_total = 0;
  for (int k = 0; k < category_count; ++k) {
    const float importance = salience[static_cast<std::size_t>(k)];
    const float w = importance * ((used >> k) & 1u ? 1.0f : pc.unused_weight);
    weighted += w * sk[k];
    weights += w;
    salience_weighted += importance * sk[k];
    salience_total += importance;
  }
  // With unused categories weighted 0, a resident who has used none has nothing to weigh (0/0,
  // found by the random-scenario test): every category then counts by its salience alone.
  const float mean = weights > 0 ? weighted / weights : salience_total > 0 ? salience_weighted / salience_total : prior;
  // A weighted mean of values on 0-100 can round a hair past 100 in float (100.000015 was seen).
  return std::clamp(mean, 0.0f, 100.0f);
}

/// The columns the pass touches for every resident, as local pointers: through the vectors,
/// the compiler must assume any float store may have moved their data and reloads each pointer
/// after every store; local copies stay in registers.
struct Columns {
  explicit Columns(Residents& r)
      : satisfaction(r.satisfaction.data()), prior(r.prior.data()), stale(r.satisfaction_stale.data()),
        trust_community(r.trust_community.data()), trust_street(r.trust_street.data()),
        trust_district(r.trust_district.data()), belonging(r.belonging.data()),
        acsi_item(r.acsi_disconfirmation_item.data()), performance(r.last_performance.data()),
        demographic_class(r.demographic_class.data()), categories(r.category_satisfaction.data()),
        expectations(r.expectation.data()) {}
  float* satisfaction;
  const float* prior;
  const std::uint8_t* stale;
  float *trust_community, *trust_street, *trust_district, *belonging;
  const double* acsi_item;
  const float* performance;
  const std::uint8_t* demographic_class;
  const float *categories, *expectations;
};

/// Residents this far ahead have their S_k and E_k lines fetched. With lazy reversion the pass no
/// longer streams through those arrays, so the few residents who need them (after an encounter,
/// or as a talker or the neighbour who hears, mostly in the same building) would each wait for
/// memory; fetching ahead costs two instructions a resident [A: 16 measured better than none].
constexpr std::uint32_t prefetch_distance = 16;

void prefetch_categories(const Columns& col, std::uint32_t i, std::uint32_t end) {
  if (i + prefetch_distance >= end) return;
  const std::size_t at = static_cast<std::size_t>(i + prefetch_distance) * category_count;
  __builtin_prefetch(col.categories + at);
  __builtin_prefetch(col.expectations + at);
}

/// S this week: weighed again if an S_k changed, else one week's reversion of S itself (S is a
/// fixed weighted mean of S_k that all relax toward the same prior by the same factor).
float weekly_satisfaction(ModelState& s, const Columns& col, const PassConstants& pc, std::uint32_t i, int week) {
  if (col.stale[i]) return settle_and_weigh(s, pc, i, week);
  const float prior = col.prior[i];
  return std::clamp(prior + (col.satisfaction[i] - prior) * pc.reversion, 0.0f, 100.0f);
}

float move_trust(float trust, float satisfaction, float rate, float gain, float loss) {
  const float gap = satisfaction - trust;
  return std::clamp(trust + rate * (gap > 0 ? gain * gap : loss * gap), 0.0f, 100.0f);
}

void update_trust(const Columns& col, const PassConstants& pc, std::uint32_t i, float satisfaction) {
  const float community_anchor = satisfaction + pc.belonging_premium * (col.belonging[i] - neutral_points);
  col.trust_community[i] =
      std::min(100.0f, move_trust(col.trust_community[i], community_anchor, 1.0f, pc.gain, pc.loss) + pc.transparency);
  col.trust_street[i] = move_trust(col.trust_street[i], satisfaction, pc.street_rate, pc.gain, pc.loss);
  col.trust_district[i] = move_trust(col.trust_district[i], satisfaction, pc.district_rate, pc.gain, pc.loss);
  col.belonging[i] += pc.belonging_reversion * (neutral_points - col.belonging[i]);
}

/// Bounded-confidence influence of talker i on one neighbour j, about i's last category, in
/// week `week`'s pass (i has been updated this week; j has if j < i: residents go in order).
/// `tie_draw` is uniform on [0, 1): which of i's ties hears.
void talk(ModelState& s, const SocialNetwork& network, const Community& c, std::uint32_t i, int week, float tie_draw) {
  auto& r = s.residents;
  if (r.used_categories[i] == 0) return;  // nothing experienced, nothing to tell
  const int ties = network.degree_of(r.is_group_leader[i] != 0);
  const int tie = std::min(ties - 1, static_cast<int>(tie_draw * static_cast<float>(ties)));
  const std::uint32_t j = network.neighbour(s.layout, c, i, tie);
  if (j == i) return;
  const auto& w = s.params.word_of_mouth;
  const int k = r.last_category[i];
  const float said = category_satisfaction_at(r, s.reversion, i, k, week);
  const int heard_week = j < i ? week : week - 1;
  const float heard_now = category_satisfaction_at(r, s.reversion, j, k, heard_week);
  if (std::fabs(said - heard_now) >= w.confidence_bound) return;
  settle_categories(r, s.reversion, j, heard_week);
  r.satisfaction_stale[j] = 1;  // j weighs S again at its next pass (this week's if j > i)
  float& heard = r.categories_of(j)[k];
  // Own experience weakens the influence of what others say [S9]: by half at the default.
  const bool experienced = (r.used_categories[j] >> k) & 1u;
  const auto mu = static_cast<float>(w.influence * (experienced ? w.experienced_influence_factor : 1.0));
  heard += mu * (said - heard);
  float& expected = r.expectations_of(j)[k];
  expected += static_cast<float>(w.expectation_influence) * (r.last_performance[i] - expected);
}

void accumulate(ResidentSums& sums, CommunityWeekStats& st, const Columns& col, std::uint32_t i, float satisfaction) {
  sums.satisfaction += satisfaction;
  sums.pass_satisfaction += satisfaction;
  sums.acsi_item += col.acsi_item[i];
  sums.performance += col.performance[i];
  sums.satisfied += satisfaction >= 60.0f;
  sums.very_satisfied += satisfaction >= 75.0f;
  if (is_vulnerable(col.demographic_class[i])) {
    sums.vulnerable_satisfaction += satisfaction;
    ++sums.vulnerable;
  }
  sums.trust_community += col.trust_community[i];
  sums.trust_street += col.trust_street[i];
  sums.trust_district += col.trust_district[i];
  sums.belonging += col.belonging[i];
  ++st.satisfaction_histogram[static_cast<std::size_t>(std::clamp(static_cast<int>(satisfaction), 0, 100))];
}

/// The talk decisions' words: one Philox block serves four residents, and four blocks are
/// computed together, so a block of 16 residents shares one SIMD Philox call.
class TalkWords {
 public:
  TalkWords(std::uint64_t seed, int week) : seed_(seed), tick_(static_cast<std::uint32_t>(week)) {}
  float uniform(std::uint32_t i) {
    if (i / 16 != group_ || !filled_) {
      group_ = i / 16;
      filled_ = true;
      blocks_ = sim::first_blocks_of_four(seed_, group_ * 4, tick_, purpose::talk_decision);
    }
    return static_cast<float>(blocks_[(i / 4) % 4][i % 4] >> 8) * 0x1.0p-24f;
  }

 private:
  std::uint64_t seed_;
  std::uint32_t tick_;
  std::uint32_t group_ = 0;
  bool filled_ = false;
  sim::FourBlocks blocks_{};
};

/// A complaint (possible only below `complaint_below`, 50) and whether it is resolved before it
/// erodes trust.
void maybe_complain(ModelState& s, const PassConstants& pc, std::uint32_t i, int week, float satisfaction,
                    ResidentSums& sums) {
  if (!(satisfaction < pc.complaint_below)) return;  // no chance of a complaint: nothing to draw
  const double complaint_chance = pc.complaint_propensity * ((pc.complaint_below - satisfaction) / pc.complaint_below);
  if (complaint_chance <= 0) return;
  sim::RandomStream rng(s.seed, i, static_cast<std::uint32_t>(week), purpose::complaint);
  // Both numbers are drawn, so the resolution never shifts what a later draw sees.
  const float complaint_draw = rng.uniform_float();
  const float resolution_draw = rng.uniform_float();
  if (complaint_draw >= complaint_chance) return;
  ++sums.complaints;
  auto& r = s.residents;
  if (resolution_draw >= pc.complaint_resolved) r.trust_community[i] = std::max(0.0f, r.trust_community[i] - pc.complaint_loss);
}

void update_community(ModelState& s, const SocialNetwork& network, std::size_t c, int week) {
  const auto& community = s.layout.communities[c];
  auto& st = s.stats[c];
  const Columns col(s.residents);
  const PassConstants pc(s.params);
  ResidentSums sums(st);
  TalkWords talk_words(s.seed, week);
  const std::uint32_t end = community.end_resident();
  for (std::uint32_t i = community.first_resident; i < end; ++i) {
    prefetch_categories(col, i, end);
    const float satisfaction = weekly_satisfaction(s, col, pc, i, week);
    col.satisfaction[i] = satisfaction;
    update_trust(col, pc, i, satisfaction);
    maybe_complain(s, pc, i, week, satisfaction, sums);
    const float talk_draw = talk_words.uniform(i);
    const float talk_chance = pc.talk(satisfaction);
    if (talk_draw < talk_chance) {
      ++sums.talkers;
      // Given that i talks, talk_draw / talk_chance is uniform on [0, 1): it picks the tie, so a
      // talk needs no random numbers of its own.
      talk(s, network, community, i, week, talk_draw / talk_chance);
    }
    accumulate(sums, st, col, i, satisfaction);
  }
  sums.store(st);
  s.complaints_this_month[c] += st.complaints;  // the week's stats start at zero (needs.cpp)
}

}  // namespace

void update_residents(ModelState& s, const sim::CalendarDate& date) {
  // A new reversion factor (a policy event) applies from this week's reversion on: bring every
  // S_k to the end of last week with the old one first.
  const auto factor = static_cast<float>(s.params.satisfaction.weekly_reversion);
  if (s.reversion.factor != factor) {
    if (s.reversion.factor >= 0) settle_all_categories(s, date.week - 1);
    s.reversion.set(factor);
  }
  // S relaxes on its own only while its weights stay the same: a new weight of unused
  // categories has every resident weigh S again.
  const auto unused_weight = static_cast<float>(s.params.satisfaction.unused_category_weight);
  if (s.satisfaction_unused_weight != unused_weight) {
    std::fill(s.residents.satisfaction_stale.begin(), s.residents.satisfaction_stale.end(), std::uint8_t{1});
    s.satisfaction_unused_weight = unused_weight;
  }
  const SocialNetwork network{s.seed, static_cast<int>(s.params.word_of_mouth.mean_degree),
                              s.params.word_of_mouth.rewiring_probability,
                              static_cast<int>(s.params.word_of_mouth.leader_degree_factor)};
  sim::parallel_for_blocks(static_cast<int>(s.community_count()),
                           [&](int c) { update_community(s, network, static_cast<std::size_t>(c), date.week); });
}

}  // namespace shanzhi::gov
