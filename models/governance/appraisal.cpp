// Quarterly community appraisal (L18, L19): a survey of a sample of residents, biased upward when
// the community or street runs it itself, combined with a records score; the residents' share of
// the score is w_res. Appraisal validity = surveyed minus true satisfaction.

#include "models/governance/phases.hpp"
#include "models/governance/random_purposes.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::gov {
namespace {

/// Records hours per 1,000 residents a week that earn a full records score [A].
constexpr double full_records_hours_per_1k = 3.0;

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
  const double needed = full_records_hours_per_1k * community.resident_count / 1000.0 * sim::weeks_per_quarter;
  const double records = 100.0 * std::min(1.0, s.records_hours_this_quarter[c] / needed);
  const double w_res = s.params.workforce.resident_evaluation_weight;
  s.appraisals[c] = CommunityAppraisal{truth, std::min(100.0, surveyed), records,
                                       w_res * std::min(100.0, surveyed) + (1.0 - w_res) * records};
  s.records_hours_this_quarter[c] = 0;
}

}  // namespace

void appraise_communities(ModelState& s, const sim::CalendarDate& date) {
  for (std::size_t c = 0; c < s.community_count(); ++c) appraise(s, c, date.week);
}

}  // namespace shanzhi::gov
