// Quarterly community appraisal (L18, L19): a survey of a sample of residents, biased upward when
// the community or street runs it itself, combined with a records score; the residents' share of
// the score is w_res. Appraisal validity = surveyed minus true satisfaction.
// With the two evaluations (L15) the residents' part also takes in residents' rating of the
// committee (meetings.cpp). Results feed back (L18): a community scoring below the threshold must
// rectify (整改) its worst category the next quarter; with feedback on, workers move free hours
// toward the part of the score with more room (worker_time.cpp); and at the year's last appraisal
// the best-scoring communities' workers win 好社工 awards.

#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shanzhi::gov {
namespace {

/// Each quarter's appraisal result is made public. Residents judge it against their own
/// experience (L19, [S21]): one whose satisfaction falls short of the published figure by more than
/// `credible_gap_points` cannot square it with experience and loses `whitewash_trust_loss` trust
/// in the community, which looks to be whitewashing. An inflated self-run figure lies beyond more
/// residents' experience than an unbiased third-party one, so it costs more trust (independent
/// sources are more credible, [S21]).
void publish_result(ModelState& s, const Community& community, double published) {
  const auto& ap = s.params.appraisal;
  const auto doubted_below = static_cast<float>(published) - static_cast<float>(ap.credible_gap_points);
  const auto loss = static_cast<float>(ap.whitewash_trust_loss);
  for (std::uint32_t i = community.first_resident; i < community.end_resident(); ++i)
    if (s.residents.satisfaction[i] < doubted_below)
      s.residents.trust_community[i] = std::max(0.0f, s.residents.trust_community[i] - loss);
}

void appraise(ModelState& s, std::size_t c, int week) {
  const auto& community = s.layout.communities[c];
  const auto& ap = s.params.appraisal;
  sim::RandomStream rng(s.seed, static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(week), purpose::appraisal_survey);
  const auto sample = static_cast<std::uint32_t>(
      std::clamp<double>(std::ceil(ap.survey_sample_share * community.resident_count), 1, community.resident_count));
  double surveyed = 0;
  for (std::uint32_t n = 0; n < sample; ++n)
    surveyed += s.residents.satisfaction[community.first_resident + rng.below(community.resident_count)];
  surveyed = surveyed / sample + (ap.third_party ? 0.0 : ap.self_run_bias);
  double truth = 0;
  for (std::uint32_t i = community.first_resident; i < community.end_resident(); ++i) truth += s.residents.satisfaction[i];
  truth /= community.resident_count;
  // Records hours that earn a full records score.
  const double needed =
      ap.full_records_hours_per_1k_residents * community.resident_count / 1000.0 * sim::weeks_per_quarter;
  const double records = 100.0 * std::min(1.0, s.records_hours_this_quarter[c] / needed);
  const double w_res = s.params.workforce.resident_evaluation_weight;
  auto& a = s.appraisals[c];
  a.appraised = true;
  a.true_satisfaction = truth;
  a.surveyed_satisfaction = std::min(100.0, surveyed);
  // With the two evaluations (两评, L15) the residents' own rating of the committee at the last
  // evaluation meeting makes up a share of the residents' part; otherwise the survey is all of it.
  const double phi = s.params.participation.two_evaluations && a.rated ? ap.evaluation_rating_weight : 0.0;
  a.resident_part = phi > 0 ? (1.0 - phi) * a.surveyed_satisfaction + phi * a.committee_rating : a.surveyed_satisfaction;
  a.records_score = records;
  a.score = w_res * a.resident_part + (1.0 - w_res) * records;
  s.records_hours_this_quarter[c] = 0;
  publish_result(s, community, a.surveyed_satisfaction);
}

void order_rectification(ModelState& s, std::size_t c, int week) {
  auto& a = s.appraisals[c];
  if (!s.params.appraisal.rectification || a.score >= s.params.appraisal.rectification_threshold) return;
  a.rectify_category = s.queues[c].category_with_largest_backlog(s.params.services);
  a.rectify_until_week = week + sim::weeks_per_quarter;
  ++a.rectifications;
}

/// At the year's last appraisal the top `award_top_share` of communities by score win; ties
/// go to the lower community number.
void grant_awards(ModelState& s, int week) {
  const auto& ap = s.params.appraisal;
  if (!ap.good_worker_awards) return;
  std::vector<std::size_t> order(s.community_count());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return s.appraisals[x].score > s.appraisals[y].score; });
  const auto winners = static_cast<std::size_t>(std::round(ap.award_top_share * static_cast<double>(order.size())));
  for (std::size_t n = 0; n < winners; ++n) s.appraisals[order[n]].award_until_week = week + sim::weeks_per_year;
}

}  // namespace

double rectification_weight(const ModelState& s, std::size_t c, int category, int week) {
  const auto& a = s.appraisals[c];
  return a.rectify_category == category && week < a.rectify_until_week ? s.params.appraisal.rectification_priority : 1.0;
}

void appraise_communities(ModelState& s, const sim::CalendarDate& date) {
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    appraise(s, c, date.week);
    order_rectification(s, c, date.week);
  }
  if (date.ends_year) grant_awards(s, date.week);
}

}  // namespace shanzhi::gov
