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

#include <algorithm>
#include <cmath>

namespace shanzhi::gov {
namespace {

/// Share of complaints that get resolved before they erode trust [A].
constexpr float complaint_resolution = 0.5f;
/// Street and district trust follow community experience more slowly [A; S17 hierarchy].
constexpr float street_trust_rate = 0.5f;
constexpr float district_trust_rate = 0.25f;

float revert_and_weigh(ModelState& s, std::uint32_t i) {
  const auto& sp = s.params.satisfaction;
  const auto reversion = static_cast<float>(sp.weekly_reversion);
  const auto unused_weight = static_cast<float>(sp.unused_category_weight);
  const float prior = s.residents.prior[i];
  const auto& salience = s.demography.salience[s.residents.demographic_class[i]];
  const std::uint16_t used = s.residents.used_categories[i];
  float* sk = s.residents.categories_of(i);
  float weighted = 0, weights = 0, salience_weighted = 0, salience_total = 0;
  for (int k = 0; k < category_count; ++k) {
    sk[k] = prior + (sk[k] - prior) * reversion;
    const float importance = salience[static_cast<std::size_t>(k)];
    const float w = importance * ((used >> k) & 1u ? 1.0f : unused_weight);
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

void update_trust(ModelState& s, std::uint32_t i, float satisfaction) {
  const auto& tp = s.params.trust;
  const auto gain = static_cast<float>(tp.gain_rate);
  const auto loss = static_cast<float>(tp.gain_rate * tp.loss_multiplier);
  const auto transparency = static_cast<float>(s.params.participation.open_affairs ? tp.transparency_gain : 0.0);
  auto& r = s.residents;
  r.trust_community[i] = std::min(100.0f, move_trust(r.trust_community[i], satisfaction, 1.0f, gain, loss) + transparency);
  r.trust_street[i] = move_trust(r.trust_street[i], satisfaction, street_trust_rate, gain, loss);
  r.trust_district[i] = move_trust(r.trust_district[i], satisfaction, district_trust_rate, gain, loss);
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

void accumulate(CommunityWeekStats& st, const Residents& r, std::uint32_t i, float satisfaction) {
  st.satisfaction_sum += satisfaction;
  st.acsi_sum += acsi_index(satisfaction, r.last_disconfirmation[i], r.last_performance[i]);
  st.satisfied += satisfaction >= 60.0f;
  st.very_satisfied += satisfaction >= 75.0f;
  if (is_vulnerable(r.demographic_class[i])) {
    st.vulnerable_satisfaction_sum += satisfaction;
    ++st.vulnerable_count;
  }
  st.trust_community_sum += r.trust_community[i];
  st.trust_street_sum += r.trust_street[i];
  st.trust_district_sum += r.trust_district[i];
  st.belonging_sum += r.belonging[i];
  ++st.satisfaction_histogram[static_cast<std::size_t>(std::clamp(static_cast<int>(satisfaction), 0, 100))];
}

void update_community(ModelState& s, const SocialNetwork& network, std::size_t c, int week) {
  const auto& community = s.layout.communities[c];
  auto& st = s.stats[c];
  auto& r = s.residents;
  const auto& pp = s.params.participation;
  const auto complaint_loss = static_cast<float>(s.params.trust.complaint_loss);
  for (std::uint32_t i = community.first_resident; i < community.end_resident(); ++i) {
    sim::RandomStream rng(s.seed, i, static_cast<std::uint32_t>(week), purpose::resident_update);
    // Draw every decision's number up front, so one decision's outcome never shifts the number
    // another sees (paired comparisons between scenarios stay paired).
    const float complaint_draw = rng.uniform_float();
    const float resolution_draw = rng.uniform_float();
    const float talk_draw = rng.uniform_float();
    const float satisfaction = revert_and_weigh(s, i);
    r.satisfaction[i] = satisfaction;
    update_trust(s, i, satisfaction);
    const double complaint_chance = pp.complaint_propensity * std::max(0.0f, (50.0f - satisfaction) / 50.0f);
    if (complaint_draw < complaint_chance) {
      ++st.complaints;
      if (resolution_draw >= complaint_resolution)
        r.trust_community[i] = std::max(0.0f, r.trust_community[i] - complaint_loss);
    }
    if (talk_draw < talk_probability(s.params.word_of_mouth, satisfaction)) {
      ++st.talkers;
      talk(s, network, community, i, rng);
    }
    accumulate(st, r, i, satisfaction);
  }
}

}  // namespace

void update_residents(ModelState& s, const sim::CalendarDate& date) {
  const SocialNetwork network{s.seed, static_cast<int>(s.params.word_of_mouth.mean_degree),
                              s.params.word_of_mouth.rewiring_probability};
  sim::parallel_for_blocks(static_cast<int>(s.community_count()),
                           [&](int c) { update_community(s, network, static_cast<std::size_t>(c), date.week); });
}

}  // namespace shanzhi::gov
