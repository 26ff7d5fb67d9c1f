// Scheduled resident meetings (L15: the four meetings of 两评四会五议五务), spread evenly over the
// year. Each adult attends with p = σ(α0 + elderly + trust + facilitation + leader)
// (MODEL_BRIEF §3.7); attending raises belonging and trust in the community (θ_p). With the two
// evaluations (两评) twice a year, appraisal meetings also raise trust in the street office.

#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"
#include "models/governance/phases/satisfaction.hpp"
#include "sim/parallel.hpp"
#include "sim/random_batch.hpp"

#include <algorithm>

namespace shanzhi::gov {
namespace {

bool meeting_this_week(std::int64_t meetings_per_year, int week_of_year) {
  const auto before = week_of_year * meetings_per_year / sim::weeks_per_year;
  const auto after = (week_of_year + 1) * meetings_per_year / sim::weeks_per_year;
  return after > before;
}

}  // namespace

std::uint32_t hold_community_meeting(ModelState& s, std::size_t c, int week, sim::Purpose draw, double street_trust_gain,
                                     double* rating_sum) {
  const auto& community = s.layout.communities[c];
  const auto& pp = s.params.participation;
  auto& r = s.residents;
  const double self_governance = s.work[c].activity[static_cast<std::size_t>(Activity::self_governance)];
  const bool supported = pp.group_leader_support;
  // Facilitation is fully felt at the self-governance hours meetings and resident groups take.
  const double facilitation =
      pp.facilitation_logit *
      std::min(1.0, self_governance / (community.resident_count / 1000.0 * pp.facilitation_hours_per_1k_residents));
  const auto trust_gain = static_cast<float>(s.params.trust.participation_gain);
  const auto belonging_gain = static_cast<float>(pp.belonging_gain);
  const auto street_gain = static_cast<float>(street_trust_gain);
  const double trust_weight = pp.rating_trust_weight;
  double ratings = 0;
  std::uint32_t attended = 0;
  // Streams four residents at a time (random_batch.hpp): the same numbers, fewer instructions.
  const auto attend = [&](std::uint32_t i, sim::RandomStream& rng) {
    const auto cls = r.demographic_class[i];
    if (age_of(cls) == AgeBand::child_0_14) return;
    const double logit = pp.base_logit + (is_elderly(cls) ? pp.elderly_logit : 0.0) +
                         pp.trust_logit * (r.trust_community[i] - 50.0) / 50.0 + facilitation +
                         (r.is_group_leader[i] ? pp.leader_logit + (supported ? pp.supported_leader_logit : 0.0) : 0.0) +
                         (supported ? pp.supported_neighbour_logit : 0.0);
    if (rng.uniform() >= logistic(logit)) return;
    ++attended;
    r.belonging[i] = std::min(100.0f, r.belonging[i] + belonging_gain);
    r.trust_community[i] = std::min(100.0f, r.trust_community[i] + trust_gain);
    r.trust_street[i] = std::min(100.0f, r.trust_street[i] + street_gain);
    ratings += (1.0 - trust_weight) * r.satisfaction[i] + trust_weight * r.trust_community[i];
  };
  sim::for_each_entity_stream(s.seed, community.first_resident, community.end_resident(),
                              static_cast<std::uint32_t>(week), draw, attend);
  if (rating_sum) *rating_sum += ratings;
  s.stats[c].meeting_attendance += attended;
  return attended;
}

namespace {

/// The two evaluations (两评, L15), at mid-year and year end: residents rate the committee in a
/// democratic appraisal meeting, and committee members rate the street office on their behalf, so
/// those who take part see the street answer to them too [A]. The keys count weeks from 1.
bool evaluation_this_week(const ParticipationParameters& pp, int week_of_year) {
  const int week = week_of_year + 1;
  return week == pp.evaluation_week_mid_year || week == pp.evaluation_week_year_end;
}

/// One community's evaluation. Residents who attend rate the committee (the mean of their
/// ratings; with no attendee the last rating stands). Committee members rate the street office by
/// the burden it sent down since the last evaluation: 100 × (1 − share of worked hours that went
/// to mandatory admin tasks and 迎检). The appraisal takes the residents' rating into its residents'
/// part (appraisal.cpp).
void evaluate(ModelState& s, std::size_t c, int week, double street_gain) {
  double rating_sum = 0;
  const auto raters = hold_community_meeting(s, c, week, purpose::evaluation_meeting, street_gain, &rating_sum);
  auto& a = s.appraisals[c];
  if (raters > 0) {
    a.committee_rating = std::clamp(rating_sum / raters, 0.0, 100.0);
    a.committee_raters = raters;
    a.rated = true;
  }
  if (a.worked_hours_since_evaluation > 0)
    a.street_rating = 100.0 * (1.0 - std::clamp(a.admin_hours_since_evaluation / a.worked_hours_since_evaluation, 0.0, 1.0));
  a.admin_hours_since_evaluation = 0;
  a.worked_hours_since_evaluation = 0;
}

}  // namespace

void hold_meetings(ModelState& s, const sim::CalendarDate& date) {
  if (meeting_this_week(s.params.participation.meetings_per_year, date.week_of_year))
    sim::parallel_for_blocks(static_cast<int>(s.community_count()), [&](int c) {
      hold_community_meeting(s, static_cast<std::size_t>(c), date.week, purpose::meeting, 0.0);
    });
  if (s.params.participation.two_evaluations && evaluation_this_week(s.params.participation, date.week_of_year)) {
    const double street_gain = s.params.trust.participation_gain;
    sim::parallel_for_blocks(static_cast<int>(s.community_count()),
                             [&](int c) { evaluate(s, static_cast<std::size_t>(c), date.week, street_gain); });
  }
}

}  // namespace shanzhi::gov
