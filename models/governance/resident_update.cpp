// The weekly pass over every resident (the hot loop): satisfaction drifts toward the personal
// prior without encounters, overall satisfaction is re-weighted, trust follows satisfaction
// (falling faster than it rises), dissatisfied residents complain, some residents talk to a
// neighbour (bounded-confidence word of mouth), and the community's summaries are accumulated
// in the same pass (MODEL_BRIEF §3.3–3.6).

#include "models/governance/phases.hpp"
#include "models/governance/random_purposes.hpp"
#include "models/governance/satisfaction.hpp"
#include "models/governance/social_network.hpp"
#include "sim/parallel.hpp"
#include "sim/random_batch.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::gov {
namespace {

/// Share of complaints that get resolved before they erode trust [A].
constexpr float complaint_resolution = 0.5f;
/// Street and district trust follow community experience more slowly [A; S17 hierarchy].
constexpr float street_trust_rate = 0.5f;
constexpr float district_trust_rate = 0.25f;
/// Trust in the community settles at satisfaction plus this many points per point of belonging
/// above neutral (50): residents who take part and feel they belong credit the committee beyond
/// their service experience, so participation builds trust that lasts (fact 11) [A; S25, S26].
constexpr float belonging_trust_premium = 0.5f;

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
        complaint_propensity(p.participation.complaint_propensity) {}
  float reversion, unused_weight, gain, loss, transparency, complaint_loss;
  double complaint_propensity;
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
    st.acsi_sum = acsi;
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
  std::uint32_t satisfied, very_satisfied, vulnerable, complaints, talkers;
};

float revert_and_weigh(ModelState& s, const PassConstants& pc, std::uint32_t i) {
  const float prior = s.residents.prior[i];
  const auto& salience = s.demography.salience[s.residents.demographic_class[i]];
  const std::uint16_t used = s.residents.used_categories[i];
  float* sk = s.residents.categories_of(i);
  float weighted = 0, weights = 0, salience_weighted = 0, salience_total = 0;
  for (int k = 0; k < category_count; ++k) {
    sk[k] = prior + (sk[k] - prior) * pc.reversion;
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

float move_trust(float trust, float satisfaction, float rate, float gain, float loss) {
  const float gap = satisfaction - trust;
  return std::clamp(trust + rate * (gap > 0 ? gain * gap : loss * gap), 0.0f, 100.0f);
}

void update_trust(Residents& r, const PassConstants& pc, std::uint32_t i, float satisfaction) {
  const float community_anchor = satisfaction + belonging_trust_premium * (r.belonging[i] - 50.0f);
  r.trust_community[i] =
      std::min(100.0f, move_trust(r.trust_community[i], community_anchor, 1.0f, pc.gain, pc.loss) + pc.transparency);
  r.trust_street[i] = move_trust(r.trust_street[i], satisfaction, street_trust_rate, pc.gain, pc.loss);
  r.trust_district[i] = move_trust(r.trust_district[i], satisfaction, district_trust_rate, pc.gain, pc.loss);
  // Belonging drifts slowly back toward neutral without participation [A].
  r.belonging[i] += 0.005f * (50.0f - r.belonging[i]);
}

/// Bounded-confidence influence of talker i on one neighbour j, about i's last category.
void talk(ModelState& s, const SocialNetwork& network, const Community& c, std::uint32_t i, sim::RandomStream& rng) {
  auto& r = s.residents;
  if (r.used_categories[i] == 0) return;  // nothing experienced, nothing to tell
  const int ties = network.degree_of(r.is_group_leader[i] != 0);
  const std::uint32_t j = network.neighbour(s.layout, c, i, static_cast<int>(rng.below(static_cast<std::uint32_t>(ties))));
  if (j == i) return;
  const auto& w = s.params.word_of_mouth;
  const int k = r.last_category[i];
  const float said = r.categories_of(i)[k];
  float& heard = r.categories_of(j)[k];
  if (std::fabs(said - heard) >= w.confidence_bound) return;
  // Own experience halves the influence of what others say [S9].
  const bool experienced = (r.used_categories[j] >> k) & 1u;
  const auto mu = static_cast<float>(w.influence * (experienced ? 0.5 : 1.0));
  heard += mu * (said - heard);
  float& expected = r.expectations_of(j)[k];
  expected += static_cast<float>(w.expectation_influence) * (r.last_performance[i] - expected);
}

void accumulate(ResidentSums& sums, CommunityWeekStats& st, const Residents& r, std::uint32_t i, float satisfaction) {
  sums.satisfaction += satisfaction;
  sums.acsi += acsi_index_from_item(satisfaction, r.acsi_disconfirmation_item[i], r.last_performance[i]);
  sums.satisfied += satisfaction >= 60.0f;
  sums.very_satisfied += satisfaction >= 75.0f;
  if (is_vulnerable(r.demographic_class[i])) {
    sums.vulnerable_satisfaction += satisfaction;
    ++sums.vulnerable;
  }
  sums.trust_community += r.trust_community[i];
  sums.trust_street += r.trust_street[i];
  sums.trust_district += r.trust_district[i];
  sums.belonging += r.belonging[i];
  ++st.satisfaction_histogram[static_cast<std::size_t>(std::clamp(static_cast<int>(satisfaction), 0, 100))];
}

void update_community(ModelState& s, const SocialNetwork& network, std::size_t c, int week) {
  const auto& community = s.layout.communities[c];
  auto& st = s.stats[c];
  auto& r = s.residents;
  const PassConstants pc(s.params);
  ResidentSums sums(st);
  const auto tick = static_cast<std::uint32_t>(week);
  const std::uint32_t end = community.end_resident();
  sim::FourBlocks blocks{};  // first blocks of residents i..i+3, computed together
  for (std::uint32_t i = community.first_resident; i < end; ++i) {
    const std::uint32_t lane = (i - community.first_resident) % 4;
    const bool batched = end - (i - lane) >= 4;
    if (batched && lane == 0) blocks = sim::first_blocks_of_four(s.seed, i, tick, purpose::resident_update);
    sim::RandomStream rng = batched ? sim::RandomStream(s.seed, i, tick, purpose::resident_update, blocks[lane])
                                    : sim::RandomStream(s.seed, i, tick, purpose::resident_update);
    // Draw every decision's number up front, so one decision's outcome never shifts the number
    // another sees (paired comparisons between scenarios stay paired).
    const float complaint_draw = rng.uniform_float();
    const float resolution_draw = rng.uniform_float();
    const float talk_draw = rng.uniform_float();
    const float satisfaction = revert_and_weigh(s, pc, i);
    r.satisfaction[i] = satisfaction;
    update_trust(r, pc, i, satisfaction);
    const double complaint_chance = pc.complaint_propensity * std::max(0.0f, (50.0f - satisfaction) / 50.0f);
    if (complaint_draw < complaint_chance) {
      ++sums.complaints;
      if (resolution_draw >= complaint_resolution)
        r.trust_community[i] = std::max(0.0f, r.trust_community[i] - pc.complaint_loss);
    }
    if (talk_draw < talk_probability(s.params.word_of_mouth, satisfaction)) {
      ++sums.talkers;
      talk(s, network, community, i, rng);
    }
    accumulate(sums, st, r, i, satisfaction);
  }
  sums.store(st);
}

}  // namespace

void update_residents(ModelState& s, const sim::CalendarDate& date) {
  const SocialNetwork network{s.seed, static_cast<int>(s.params.word_of_mouth.mean_degree),
                              s.params.word_of_mouth.rewiring_probability};
  sim::parallel_for_blocks(static_cast<int>(s.community_count()),
                           [&](int c) { update_community(s, network, static_cast<std::size_t>(c), date.week); });
}

}  // namespace shanzhi::gov
