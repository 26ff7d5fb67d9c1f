// The full public cost (issue 13, item 5): the workforce's pay, awards, training and licensing and
// the reforms' running costs are accounted every week, add up to public_cost_spent_year with the
// funding instruments, move with the levers that cause them, and change nothing else the model
// does. Small districts with no pilot (run.spin_up_years = 0) and a year or less: the accounting
// does not depend on how settled the district is.

#include "tests/support/model_fixtures.hpp"
#include "models/governance/model.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

using namespace shanzhi;
using namespace shanzhi::gov;

namespace {

/// The small district of `scenario` shrunk to 4 communities of 1,500, no pilot, no burn-in (the
/// levers apply from week 0), `weeks` recorded weeks.
GovernanceParameters small(const std::string& scenario, int weeks, const std::vector<std::string>& settings = {}) {
  std::vector<std::string> all{"run.spin_up_years=0", "run.burn_in_weeks=0", "run.weeks=" + std::to_string(weeks),
                               "district.residents_per_community=1500", "district.residents_per_compound=750"};
  all.insert(all.end(), settings.begin(), settings.end());
  return test::scenario_parameters(scenario, all);
}

const std::array<const char*, public_cost_count> item_metrics{
    "workforce_pay_spent_year", "worker_awards_spent_year",      "training_spent_year",
    "licensing_spent_year",     "general_practice_spent_year",   "station_separation_spent_year",
    "hub_spent_year",           "third_party_assessment_spent_year"};

bool is_cost_metric(const std::string& name) {
  if (name == "public_cost_spent_year" || name == "public_cost_per_resident_spent_year") return true;
  for (const char* item : item_metrics)
    if (name == item) return true;
  return false;
}

/// A run to its end; its recorder.
GovernanceModel run(const GovernanceParameters& p) {
  GovernanceModel model(p);
  model.run_to_end();
  return model;
}

double final_value(const GovernanceModel& m, const char* metric) {
  return m.recorder().final_value(m.recorder().handle(metric));
}

/// Posts funded in the district: filled plus vacant (a departure leaves a vacancy, a hire fills
/// one, so the count is the same at any point of a week without a policy event).
double funded_posts(const ModelState& s) {
  double posts = 0;
  for (std::size_t c = 0; c < s.community_count(); ++c)
    posts += static_cast<double>(s.workers_by_community[c].size() + s.vacancies[c].size());
  return posts;
}

/// What the weekly accrual should add for the posts funded this week.
double expected_weekly_pay(const ModelState& s) {
  return funded_posts(s) * s.params.workforce.pay_ratio * s.params.costs.reference_pay_yuan_per_year / sim::weeks_per_year;
}

}  // namespace

TEST_CASE("Public cost: the total is the instruments plus every item, per resident is the total over residents, every week",
          "[model][public_cost]") {
  // The package with every costed reform on, and a burn-in, so the levers switch on mid-run and
  // a fiscal year restarts within the recorded weeks.
  auto p = small("small_district", 60, {"run.burn_in_weeks=10"});
  GovernanceModel model(p);
  model.run_to_end();
  const auto& rec = model.recorder();
  const auto total = rec.handle("public_cost_spent_year");
  const auto per_resident = rec.handle("public_cost_per_resident_spent_year");
  const auto budget = rec.handle("budget_spent_year");
  const auto residents = rec.handle("residents");
  std::array<double, public_cost_count> year_sums{};
  bool restarted = false;
  for (std::size_t r = 0; r < rec.row_count(); ++r) {
    INFO("row " << r);
    double parts = rec.value(r, budget);
    for (std::size_t i = 0; i < item_metrics.size(); ++i) {
      const double v = rec.value(r, rec.handle(item_metrics[i]));
      CHECK(v >= 0);
      parts += v;
      if (r > 0 && v < rec.value(r - 1, rec.handle(item_metrics[i]))) restarted = true;
      year_sums[i] = std::max(year_sums[i], v);
    }
    CHECK(rec.value(r, total) == Approx(parts).epsilon(1e-12));
    CHECK(rec.value(r, per_resident) == Approx(rec.value(r, total) / rec.value(r, residents)).epsilon(1e-12));
  }
  CHECK(restarted);  // the year-to-date items restart with the fiscal year, like the ledgers
  // Every item was exercised: the package pays for each.
  for (std::size_t i = 0; i < item_metrics.size(); ++i) {
    INFO(item_metrics[i]);
    CHECK(year_sums[i] > 0);
  }
}

TEST_CASE("Public cost: workers' pay is pay ratio × reference pay for each funded post, week by week",
          "[model][public_cost]") {
  for (double pay_ratio : {0.8, 1.2}) {
    INFO("pay ratio " << pay_ratio);
    GovernanceModel model(small("small_baseline", 20, {"workforce.pay_ratio=" + std::to_string(pay_ratio)}));
    double previous = 0;
    while (!model.finished()) {
      model.step();
      const auto& s = model.state();
      const double now = s.public_costs.this_year(PublicCost::workforce_pay);
      REQUIRE(expected_weekly_pay(s) > 0);
      CHECK(now - previous == Approx(expected_weekly_pay(s)).epsilon(1e-9));
      previous = now;
    }
  }
}

TEST_CASE("Public cost: raising pay and adding posts raise the pay bill while cutting pay lowers it and a lever that only "
          "changes turnover costs nothing", "[model][public_cost]") {
  const auto base = run(small("small_baseline", 52));
  const auto higher = run(small("small_baseline", 52, {"workforce.pay_ratio=1.0"}));
  const auto lower = run(small("small_baseline", 52, {"workforce.pay_ratio=0.6"}));
  const auto posts = run(small("small_baseline", 52, {"workforce.social_work_posts_per_community=2"}));
  const auto burden = run(small("small_baseline", 52, {"admin.task_cut_share=0.5", "workforce.promotion_path=true"}));
  const double pay = final_value(base, "workforce_pay_spent_year");
  const auto& p = base.state().params;
  // The last row closes fiscal year 0: 52 weeks of every funded post.
  REQUIRE(pay == Approx(funded_posts(base.state()) * 0.8 * p.costs.reference_pay_yuan_per_year));
  CHECK(final_value(higher, "workforce_pay_spent_year") == Approx(pay * 1.0 / 0.8));
  CHECK(final_value(lower, "workforce_pay_spent_year") == Approx(pay * 0.6 / 0.8));
  CHECK(final_value(lower, "public_cost_spent_year") < final_value(base, "public_cost_spent_year"));
  // Two station posts in each of 4 communities, funded from week 0: a year of 8 posts at 0.8 ×
  // the reference pay, and always licensed.
  CHECK(final_value(posts, "workforce_pay_spent_year") - pay == Approx(8 * 0.8 * p.costs.reference_pay_yuan_per_year));
  CHECK(final_value(posts, "licensing_spent_year") - final_value(base, "licensing_spent_year") ==
        Approx(8 * p.costs.licence_allowance_yuan_per_year));
  // Fewer tasks and a promotion path change burnout and the turnover hazard, hence vacancies, but
  // no post's funding: the public cost does not move.
  CHECK(final_value(burden, "worker_burnout_mean") < final_value(base, "worker_burnout_mean"));
  CHECK(final_value(burden, "public_cost_spent_year") == Approx(final_value(base, "public_cost_spent_year")));
}

TEST_CASE("Public cost: training, licensing and the reforms' running costs are paid only when their lever is on",
          "[model][public_cost]") {
  const auto off = run(small("small_baseline", 52, {"workforce.certified_share=0"}));
  for (const char* item : {"worker_awards_spent_year", "training_spent_year", "licensing_spent_year",
                           "general_practice_spent_year", "station_separation_spent_year", "hub_spent_year",
                           "third_party_assessment_spent_year"}) {
    INFO(item);
    CHECK(final_value(off, item) == 0);
  }
  CHECK(final_value(off, "public_cost_spent_year") == final_value(off, "workforce_pay_spent_year"));

  const auto on = run(small("small_baseline", 52,
                            {"workforce.training_skill_per_year=0.05", "workforce.certified_share=1",
                             "admin.station_separation_share=0.5", "admin.general_practice_share=0.5",
                             "organizations.hub=true", "appraisal.third_party=true"}));
  const auto& p = on.state().params;
  const double pay = final_value(on, "workforce_pay_spent_year");
  // Training and licensing are paid per worker-week like pay, so they stand to it as their rates.
  CHECK(final_value(on, "training_spent_year") ==
        Approx(pay * 0.05 * p.costs.training_yuan_per_skill / (p.workforce.pay_ratio * p.costs.reference_pay_yuan_per_year)));
  CHECK(final_value(on, "licensing_spent_year") ==
        Approx(pay * p.costs.licence_allowance_yuan_per_year / (p.workforce.pay_ratio * p.costs.reference_pay_yuan_per_year)));
  // The last row closes fiscal year 0 (52 weeks): a whole year of each running cost.
  CHECK(final_value(on, "station_separation_spent_year") == Approx(2 * p.costs.station_separation_yuan_per_community_year));
  CHECK(final_value(on, "hub_spent_year") == Approx(2 * p.costs.hub_yuan_per_street_year));
  CHECK(final_value(on, "third_party_assessment_spent_year") == Approx(4 * p.costs.third_party_yuan_per_community_year));
  CHECK(final_value(on, "general_practice_spent_year") > 0);
  CHECK(final_value(on, "general_practice_spent_year") < final_value(on, "training_spent_year"));
}

TEST_CASE("Public cost is pure accounting: the cost keys change no other metric", "[model][public_cost]") {
  const auto a = run(small("small_district", 30));
  const auto b = run(small("small_district", 30,
                           {"costs.reference_pay_yuan_per_year=120000", "costs.hub_yuan_per_street_year=2000000",
                            "costs.licence_allowance_yuan_per_year=100", "costs.training_yuan_per_skill=1"}));
  const auto& ra = a.recorder();
  const auto& rb = b.recorder();
  REQUIRE(ra.row_count() == rb.row_count());
  bool cost_differs = false;
  for (std::size_t m = 0; m < ra.metrics().size(); ++m) {
    const auto& name = ra.metrics()[m].name;
    for (std::size_t r = 0; r < ra.row_count(); ++r) {
      if (is_cost_metric(name)) {
        cost_differs = cost_differs || ra.value(r, m) != rb.value(r, m);
        continue;
      }
      INFO(name << " row " << r);
      REQUIRE((ra.value(r, m) == rb.value(r, m) || (std::isnan(ra.value(r, m)) && std::isnan(rb.value(r, m)))));
    }
  }
  CHECK(cost_differs);
}
