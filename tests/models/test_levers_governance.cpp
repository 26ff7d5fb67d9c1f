// Direction tests of the governance levers made real in issue 13 item 6 (docs/model.md): appraisal
// feedback to workers (L18), the two evaluations' ratings (L15), licensing that accrues (L7), hub
// membership by field (L11) and the fee-paid convenience tier (L4). Each uses the small pre-reform district (two recorded years after
// a half-year burn-in); where the outcome is random, paired replicates with common random numbers
// (same seed in both arms) and a 95% interval of the paired difference that excludes zero. Each
// lever also has a knockout: with its key at 0 (or off) the run is what it was without the lever.

#include "tests/support/fact_checks.hpp"

#include "models/governance/model.hpp"
#include "sim/parallel.hpp"

#include <cstring>

using namespace shanzhi;
using namespace shanzhi::gov;
using namespace shanzhi::test::facts;

namespace {

/// Every recorded value of one run.
std::vector<double> recorded_values(const GovernanceParameters& params) {
  GovernanceModel model(params);
  model.run_to_end();
  return test::all_recorded_values(model.recorder());
}

bool bit_identical(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

/// `metric` at the last recorded week minus at the first (the end of burn-in, when the levers
/// switch on), one value per replicate seed.
std::vector<double> change_over_run(const std::vector<std::string>& settings, const std::string& metric) {
  std::vector<double> change;
  for (std::size_t r = 0; r < replicates; ++r) {
    auto params = baseline_with(settings);
    params.run.seed = replicate_seed(r);
    GovernanceModel model(params);
    model.run_to_end();
    const auto& rec = model.recorder();
    const auto m = rec.handle(metric);
    change.push_back(rec.final_value(m) - rec.value(0, m));
  }
  return change;
}

}  // namespace

// --- L18: workers respond to the appraisal's result -------------------------------------------

TEST_CASE("Appraisal feedback moves workers' free hours from records toward residents", "[model][statistical]") {
  // Before reform records earn full marks while the residents' part stays far below 100, so with
  // feedback the residents' part has more room and workers lean toward it.
  const auto c = compare_scenarios(baseline_with(), baseline_with({"appraisal.score_feedback=true"}), replicates,
                                   master_seed);
  require_effect("L18 appraisal feedback", c, "worker_records_hours", -1);
  require_effect("L18 appraisal feedback", c, "worker_service_hours", +1);
  require_effect("L18 appraisal feedback", c, "satisfaction_mean", +1);
}

TEST_CASE("Appraisal feedback with no response to the score changes nothing", "[model]") {
  const auto off = recorded_values(baseline_with({"run.weeks=52"}));
  const auto knocked_out =
      recorded_values(baseline_with({"run.weeks=52", "appraisal.score_feedback=true", "workforce.score_gap_response=0"}));
  const auto on = recorded_values(baseline_with({"run.weeks=52", "appraisal.score_feedback=true"}));
  REQUIRE(bit_identical(off, knocked_out));
  REQUIRE_FALSE(bit_identical(off, on));
}

// --- L15: the two evaluations produce ratings that feed the appraisal -------------------------

TEST_CASE("Two evaluations: worse service lowers residents' rating of the committee and the appraisal",
          "[model][statistical]") {
  // Workers' base quality cut from 0.3 to 0.1: worse encounters, lower satisfaction, a lower rating
  // at the evaluation meetings and so a lower residents' part and score.
  const std::vector<std::string> evaluations{"participation.two_evaluations=true"};
  auto worse = evaluations;
  worse.push_back("workforce.quality_base=0.1");
  const auto c = compare_scenarios(baseline_with(evaluations), baseline_with(worse), replicates, master_seed);
  require_effect("L15 two evaluations, worse service", c, "committee_rating_mean", -1);
  require_effect("L15 two evaluations, worse service", c, "appraisal_resident_part_mean", -1);
  require_effect("L15 two evaluations, worse service", c, "appraisal_score_mean", -1);
}

TEST_CASE("Two evaluations: the residents' part of each appraisal takes the latest rating and only when on",
          "[model]") {
  for (const bool on : {false, true}) {
    auto params = baseline_with({"run.weeks=78"});
    params.participation.two_evaluations = on;
    params.appraisal.evaluation_rating_weight = 1;  // the residents' part is the rating alone
    GovernanceModel model(params);
    model.run_burn_in();
    std::vector<double> surveyed(model.state().community_count(), -1);
    int appraisals = 0, rated = 0;
    while (!model.finished()) {
      model.step();
      for (std::size_t c = 0; c < model.state().community_count(); ++c) {
        const auto& a = model.state().appraisals[c];
        if (a.surveyed_satisfaction == surveyed[c]) continue;  // no appraisal this week
        surveyed[c] = a.surveyed_satisfaction;
        ++appraisals;
        INFO("two evaluations " << on << ", week " << model.state().week << ", community " << c);
        if (!on) REQUIRE_FALSE(a.rated);  // no evaluation, no rating
        // Before the first evaluation after the reform the survey is still all of it.
        REQUIRE(a.resident_part == (a.rated ? a.committee_rating : a.surveyed_satisfaction));
        if (a.rated) {
          ++rated;
          REQUIRE(a.street_rating > 0);
          REQUIRE(a.street_rating < 100);
        }
      }
    }
    REQUIRE(appraisals >= 4 * 4);  // four communities, at least four quarters
    if (on) REQUIRE(rated >= 4);
  }
}

// --- L7: licensing accrues over time -------------------------------------------------------------

TEST_CASE("Licensing drive: the licensed share of workers rises over the recorded years", "[model][statistical]") {
  const std::vector<std::string> drive{"workforce.certification_rate_per_year=0.3"};
  require_positive("L7 licensing drive", "rise in worker_licensed_share over the run",
                   change_over_run(drive, "worker_licensed_share"));
  const auto c = compare_scenarios(baseline_with(), baseline_with(drive), replicates, master_seed);
  require_effect("L7 licensing drive", c, "worker_licensed_share", +1);
  require_effect("L7 licensing drive", c, "licensing_spent_year", +1);
}

TEST_CASE("Licensing drive at rate 0 leaves the licensed share where hiring puts it", "[model]") {
  const auto off = recorded_values(baseline_with({"run.weeks=52"}));
  const auto knocked_out = recorded_values(baseline_with({"run.weeks=52", "workforce.certification_rate_per_year=0"}));
  REQUIRE(bit_identical(off, knocked_out));
  // And with the drive, no worker loses a licence: the share at each week is at least the
  // share without it (same seed, same hires).
  GovernanceModel without(baseline_with({"run.weeks=52"}));
  GovernanceModel with(baseline_with({"run.weeks=52", "workforce.certification_rate_per_year=0.3"}));
  without.run_to_end();
  with.run_to_end();
  const auto m = with.recorder().handle("worker_licensed_share");
  REQUIRE(with.recorder().final_value(m) > without.recorder().final_value(m));
}

// --- L11: hub membership by field ----------------------------------------------------------------

TEST_CASE("Hub by field: a hub federating fewer fields has fewer members and raises quality less",
          "[model][statistical]") {
  // A hub that federates only elderly, family and disability organisations, against one that
  // federates every field and against none.
  std::vector<std::string> narrow{"organizations.hub=true"};
  for (const char* field : {"admin", "assistance", "health", "culture", "safety", "environment"})
    narrow.push_back(std::string("hub_fields.") + field + "=false");
  const auto by_field = compare_scenarios(baseline_with(), baseline_with(narrow), replicates, master_seed);
  require_effect("L11 hub of three fields vs none", by_field, "organization_quality_mean", +1);
  const auto all_fields =
      compare_scenarios(baseline_with(narrow), baseline_with({"organizations.hub=true"}), replicates, master_seed);
  require_effect("L11 hub of all fields vs three", all_fields, "hub_members", +1);
  require_effect("L11 hub of all fields vs three", all_fields, "organization_quality_mean", +1);
}

TEST_CASE("Hub by field: with no field covered the hub federates nobody", "[model]") {
  std::vector<std::string> empty{"run.weeks=52", "organizations.hub=true"};
  for (int k = 0; k < category_count; ++k)
    empty.push_back("hub_fields." + std::string(info(k).key) + "=false");
  GovernanceModel model(baseline_with(empty));
  model.run_to_end();
  const auto m = model.recorder().handle("hub_members");
  for (std::size_t row = 0; row < model.recorder().row_count(); ++row) REQUIRE(model.recorder().value(row, m) == 0);
}

// --- L4: the convenience tier is paid by fees ---------------------------------------------------

namespace {

const std::vector<std::string> convenience{"convenience.elderly=true", "convenience.culture=true",
                                           "convenience.fee_yuan_per_request=30"};

/// Last-year mean of `metric` in one run.
double last_year_mean(const GovernanceModel& model, const std::string& metric) {
  return model.recorder().mean_of_last(model.recorder().handle(metric), sim::weeks_per_year);
}

}  // namespace

TEST_CASE("Convenience tier: fees offset the public cost and deter minimum-income households most",
          "[model][statistical]") {
  const auto c = compare_scenarios(baseline_with(), baseline_with(convenience), replicates, master_seed);
  require_effect("L4 convenience tier (elderly, culture; ¥30)", c, "convenience_fees_spent_year", +1);
  require_effect("L4 convenience tier (elderly, culture; ¥30)", c, "public_cost_spent_year", -1);
  require_effect("L4 convenience tier (elderly, culture; ¥30)", c, "self_referral_share", -1);
  require_effect("L4 convenience tier (elderly, culture; ¥30)", c, "self_referral_share_low_income", -1);
  // Paired: the fall in self-referral is deeper for minimum-income households than for all.
  std::vector<double> deeper;
  for (std::size_t r = 0; r < replicates; ++r) {
    auto base = baseline_with();
    base.run.seed = replicate_seed(r);
    auto fees = baseline_with(convenience);
    fees.run.seed = replicate_seed(r);
    GovernanceModel without(base), with(fees);
    without.run_to_end();
    with.run_to_end();
    const double low = last_year_mean(with, "self_referral_share_low_income") -
                       last_year_mean(without, "self_referral_share_low_income");
    const double all = last_year_mean(with, "self_referral_share") - last_year_mean(without, "self_referral_share");
    deeper.push_back(all - low);
  }
  require_positive("L4 convenience tier (elderly, culture; ¥30)",
                   "fall in self_referral_share_low_income beyond the fall in self_referral_share", deeper);
}

TEST_CASE("Convenience tier with a zero fee changes nothing", "[model]") {
  const auto off = recorded_values(baseline_with({"run.weeks=52"}));
  auto free = convenience;
  free.back() = "convenience.fee_yuan_per_request=0";
  free.push_back("run.weeks=52");
  REQUIRE(bit_identical(off, recorded_values(baseline_with(free))));
}

// --- Determinism with the new levers on ----------------------------------------------------------

TEST_CASE("The levers of issue 13 item 6 are bit-identical with 1 and 2 threads", "[model][determinism]") {
  const auto params = baseline_with({"run.weeks=52", "appraisal.score_feedback=true",
                                     "participation.two_evaluations=true",
                                     "workforce.certification_rate_per_year=0.3", "workforce.licensed_pay_premium=0.05",
                                     "organizations.hub=true", "hub_fields.elderly=false",
                                     "convenience.culture=true"});
  const int before = sim::thread_count();
  sim::set_thread_count(1);
  const auto one = recorded_values(params);
  sim::set_thread_count(2);
  const auto two = recorded_values(params);
  sim::set_thread_count(before);
  REQUIRE(bit_identical(one, two));
}
