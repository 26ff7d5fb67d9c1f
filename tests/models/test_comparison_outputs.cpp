// What `shanzhi compare` derives from paired replicates: the annual spending of year-to-date
// money metrics, the derived satisfaction of non-vulnerable residents, time bands across
// replicates and the cost-effectiveness ratio with its delta-method interval.

#include "tests/support/model_fixtures.hpp"
#include "models/governance/experiments/comparison.hpp"
#include "models/governance/model.hpp"
#include "sim/experiments/timeseries_bands.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace shanzhi;
using namespace shanzhi::gov;
using namespace shanzhi::sim::experiments;

namespace {

/// A one-community district: one burn-in year, then 60 recorded weeks (one fiscal year opens
/// under the policy, so purchase spending shows in the last 52 weeks).
GovernanceParameters tiny(const std::string& scenario, const std::vector<std::string>& settings = {}) {
  std::vector<std::string> all{"run.weeks=60",
                               "run.burn_in_weeks=52",
                               "district.streets=1",
                               "district.communities_per_street=1",
                               "district.residents_per_community=600",
                               "district.residents_per_compound=300",
                               "organizations.per_street=3"};
  all.insert(all.end(), settings.begin(), settings.end());
  return test::scenario_parameters(scenario, all);
}

/// The reform package against the baseline on the tiny district, 3 replicates (computed once).
const Comparison& package_comparison() {
  static const Comparison c = compare_scenarios(tiny("small_baseline"), tiny("small_district"), 3, 11);
  return c;
}

std::size_t index_of(const Comparison& c, const std::string& name) {
  for (std::size_t m = 0; m < c.metrics.size(); ++m)
    if (c.metrics[m].metric.name == name) return m;
  FAIL("no metric " << name);
  return 0;
}

/// A year-to-date series paying `weekly` every week, restarting when a fiscal year opens.
std::vector<double> year_to_date(const std::vector<int>& weeks, int burn_in, double weekly) {
  std::vector<double> ytd;
  double so_far = 0;
  for (int w : weeks) {
    const int tick = burn_in + w - 1;
    if (w > 0 && tick % 52 == 0) so_far = 0;
    so_far += weekly;
    ytd.push_back(so_far);
  }
  return ytd;
}

}  // namespace

TEST_CASE("Paid in the last 52 weeks counts a year of payments across a fiscal-year restart", "[comparison]") {
  std::vector<int> weeks;
  for (int w = 0; w <= 130; ++w) weeks.push_back(w);
  for (int burn_in : {52, 30, 7}) {
    INFO("burn-in " << burn_in);
    const auto ytd = year_to_date(weeks, burn_in, 1000);
    CHECK(paid_in_last_weeks(ytd, weeks, burn_in) == Approx(52'000));
    CHECK(paid_in_last_weeks(ytd, weeks, burn_in, 10) == Approx(10'000));
  }
  // Fewer rows than a year: what was paid after row 0.
  const std::vector<int> short_weeks{0, 1, 2, 3};
  CHECK(paid_in_last_weeks(year_to_date(short_weeks, 20, 500), short_weeks, 20) == Approx(1500));
  CHECK(paid_in_last_weeks({}, {}, 52) == 0);
}

TEST_CASE("Year-to-date money metrics are recognised by unit and name", "[comparison]") {
  CHECK(is_year_to_date({"budget_spent_year", "CNY", "", sim::Direction::neutral, true}));
  CHECK(is_year_to_date({"spent_year_purchase", "CNY", "", sim::Direction::neutral, false}));
  CHECK_FALSE(is_year_to_date({"budget_allocated_year", "CNY", "", sim::Direction::neutral, false}));
  CHECK_FALSE(is_year_to_date({"satisfaction_mean", "points 0-100", "", sim::Direction::neutral, true}));
}

TEST_CASE("Ratio of paired means has a delta-method interval", "[comparison]") {
  SECTION("an exact proportion has no spread") {
    const auto q = ratio_of_means({2, 4, 6}, {1, 2, 3});
    CHECK(q.ratio == Approx(2));
    CHECK(q.low == Approx(2));
    CHECK(q.high == Approx(2));
  }
  SECTION("the interval matches the delta-method formula") {
    const std::vector<double> a{10, 12, 9, 11}, b{1.0, 1.1, 0.9, 1.2};
    const auto q = ratio_of_means(a, b);
    const double ma = 10.5, mb = 1.05, ratio = ma / mb;
    double saa = 0, sbb = 0, sab = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      saa += (a[i] - ma) * (a[i] - ma) / 3;
      sbb += (b[i] - mb) * (b[i] - mb) / 3;
      sab += (a[i] - ma) * (b[i] - mb) / 3;
    }
    const double se = std::sqrt((saa - 2 * ratio * sab + ratio * ratio * sbb) / (mb * mb) / 4);
    const double t3 = 3.182446305284263;  // Student t, 3 degrees of freedom, 97.5%
    CHECK(q.ratio == Approx(ratio));
    CHECK(q.high - q.ratio == Approx(t3 * se));
    CHECK(q.ratio - q.low == Approx(t3 * se));
  }
  SECTION("one pair gives no interval and bad input throws") {
    const auto q = ratio_of_means({3}, {2});
    CHECK(q.low == q.ratio);
    CHECK_THROWS_AS(ratio_of_means({}, {}), std::invalid_argument);
    CHECK_THROWS_AS(ratio_of_means({1, 2}, {1}), std::invalid_argument);
  }
}

TEST_CASE("Compare keeps every run's series and summarises each metric from it", "[comparison]") {
  const auto& c = package_comparison();
  REQUIRE(c.baseline_runs.size() == 3);
  REQUIRE(c.policy_runs.size() == 3);
  const auto s = index_of(c, "satisfaction_mean");
  const auto spent = index_of(c, "budget_spent_year");
  for (std::size_t r = 0; r < 3; ++r) {
    const auto& column = c.baseline_runs[r].columns[s];
    REQUIRE(column.size() == 61);
    double sum = 0;
    for (std::size_t row = column.size() - 52; row < column.size(); ++row) sum += column[row];
    CHECK(c.metrics[s].baseline[r] == Approx(sum / 52));
    CHECK(c.metrics[spent].policy[r] ==
          Approx(paid_in_last_weeks(c.policy_runs[r].columns[spent], c.policy_runs[r].weeks, 52)));
  }
  CHECK(c.metrics[spent].statistic == "paid in the last 52 recorded weeks");
  CHECK(c.metrics[s].statistic == "mean of the last 52 recorded weeks");
}

TEST_CASE("Satisfaction of non-vulnerable residents is the vulnerable mean plus the gap", "[comparison]") {
  const auto& c = package_comparison();
  const auto rest = index_of(c, "satisfaction_nonvulnerable_mean");
  const auto vulnerable = index_of(c, "satisfaction_vulnerable_mean");
  const auto gap = index_of(c, "vulnerable_gap");
  for (const auto& run : c.policy_runs)
    for (std::size_t row = 0; row < run.weeks.size(); ++row)
      CHECK(run.columns[rest][row] == run.columns[vulnerable][row] + run.columns[gap][row]);
}

TEST_CASE("Time bands hold the mean inside the interval and pair the difference by replicate", "[comparison]") {
  const auto& c = package_comparison();
  const auto bands = timeseries_bands(c);
  REQUIRE(bands.size() == 61 * c.metrics.size() * 3);
  const auto s = index_of(c, "satisfaction_mean");
  std::size_t checked = 0;
  for (const auto& b : bands) {
    const auto& i = b.band;
    CHECK(i.n == 3);
    if (std::isnan(i.mean)) continue;
    CHECK(i.mean - i.half_width <= i.mean);
    CHECK(i.mean <= i.mean + i.half_width);
    if (b.metric != s) continue;
    const auto row = static_cast<std::size_t>(b.week);
    double expected = 0;
    for (std::size_t r = 0; r < 3; ++r) {
      const double base = c.baseline_runs[r].columns[s][row], policy = c.policy_runs[r].columns[s][row];
      expected += b.arm == Arm::baseline ? base : b.arm == Arm::policy ? policy : policy - base;
    }
    CHECK(i.mean == Approx(expected / 3).epsilon(1e-12));
    ++checked;
  }
  CHECK(checked == 61 * 3);
  // The reform package raises satisfaction by the end: the last week's difference band is above 0.
  const auto& last = bands[(60 * c.metrics.size() + s) * 3 + 2];
  REQUIRE(last.arm == Arm::difference);
  REQUIRE(last.week == 60);
  CHECK(last.band.mean - last.band.half_width > 0);
}

TEST_CASE("Time bands are deterministic for the same seeds", "[comparison]") {
  const auto again = compare_scenarios(tiny("small_baseline"), tiny("small_district"), 3, 11);
  const auto first = timeseries_bands(package_comparison());
  const auto second = timeseries_bands(again);
  REQUIRE(first.size() == second.size());
  bool identical = true;
  for (std::size_t k = 0; k < first.size(); ++k) {
    const auto &x = first[k].band, &y = second[k].band;
    const bool same = (x.mean == y.mean || (std::isnan(x.mean) && std::isnan(y.mean))) &&
                      (x.half_width == y.half_width || (std::isnan(x.half_width) && std::isnan(y.half_width)));
    identical = identical && same && first[k].week == second[k].week && first[k].arm == second[k].arm;
  }
  CHECK(identical);
}

TEST_CASE("Cost-effectiveness of the reform package is satisfaction gained per extra million of full public cost",
          "[comparison][cost_effectiveness]") {
  const auto& c = package_comparison();
  const auto ce = cost_effectiveness(c);
  INFO(describe(ce));
  REQUIRE(ce.available);
  CHECK(ce.spending_metric == "public_cost_spent_year");
  const auto* s = find_metric(c, "satisfaction_mean");
  const auto* spent = find_metric(c, "public_cost_spent_year");
  const auto* instruments = find_metric(c, "budget_spent_year");
  REQUIRE(spent->difference.mean > negligible_spending_difference_yuan);
  // The package pays workers more, trains and licenses them and runs hubs: it costs more than
  // its instruments alone.
  CHECK(spent->difference.mean > instruments->difference.mean);
  CHECK(ce.points_per_million.ratio == Approx(s->difference.mean / (spent->difference.mean / 1e6)));
  CHECK(ce.quadrant == CostQuadrant::gain);
  CHECK(ce.points_per_million.low <= ce.points_per_million.ratio);
  CHECK(ce.points_per_million.ratio <= ce.points_per_million.high);
  CHECK(describe(ce).find("gain: ") == 0);
  CHECK(describe(ce).find("points gained per ¥1m spent a year [95% CI") != std::string::npos);
  // Per resident: the same ratio scaled by residents / 10,000 (¥100 a resident is ¥1m per 10,000).
  const double residents = find_metric(c, "residents")->baseline.front();
  CHECK(ce.points_per_100_yuan_per_resident.ratio == Approx(ce.points_per_million.ratio * residents / 1e4));
}

TEST_CASE("A pay cut is a saving: satisfaction lost per yuan saved", "[comparison][cost_effectiveness]") {
  // Pay guidance in reverse on the tiny district: the pay bill falls, turnover rises.
  const auto c = compare_scenarios(tiny("small_baseline"), tiny("small_baseline", {"workforce.pay_ratio=0.5"}), 3, 5);
  const auto ce = cost_effectiveness(c);
  INFO(describe(ce));
  REQUIRE(ce.available);
  CHECK(ce.spending_difference.mean < 0);
  CHECK(find_metric(c, "budget_spent_year")->difference.mean == 0);  // the instruments alone saw no saving
  CHECK(ce.quadrant == CostQuadrant::saving);
  CHECK(describe(ce).find("saving: ") == 0);
  CHECK(describe(ce).find("points lost per ¥1m saved a year") != std::string::npos);
  CHECK(describe(ce).find("gained") == std::string::npos);
}

TEST_CASE("Cost-effectiveness is n/a when the policy costs nothing extra", "[comparison]") {
  const auto c = compare_scenarios(tiny("small_baseline"), tiny("small_baseline", {"admin.task_cut_share=0.4"}), 2, 5);
  const auto ce = cost_effectiveness(c);
  CHECK_FALSE(ce.available);
  CHECK(ce.unavailable_reason == "no difference in annual spending");
  CHECK(describe(ce) == "n/a (no difference in annual spending)");
}

TEST_CASE("Several policies against one baseline equal one-by-one comparisons", "[comparison]") {
  const auto base = tiny("small_baseline");
  const auto package = tiny("small_district");
  const auto burden = tiny("small_baseline", {"admin.task_cut_share=0.4"});
  const auto together = compare_scenarios(base, std::vector<GovernanceParameters>{package, burden}, 2, 11);
  REQUIRE(together.size() == 2);
  const auto alone = compare_scenarios(base, burden, 2, 11);
  const auto& first = package_comparison();  // same master seed, 3 replicates: the first 2 seeds agree
  CHECK(together[0].seeds[0] == first.seeds[0]);
  CHECK(together[0].seeds[1] == first.seeds[1]);
  bool identical = true;
  for (std::size_t m = 0; m < alone.metrics.size(); ++m)
    for (std::size_t r = 0; r < 2; ++r) {
      const auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
      identical = identical && same(together[1].metrics[m].policy[r], alone.metrics[m].policy[r]) &&
                  same(together[1].metrics[m].baseline[r], alone.metrics[m].baseline[r]) &&
                  same(together[0].metrics[m].policy[r], first.metrics[m].policy[r]);
    }
  CHECK(identical);
}

TEST_CASE("Arms that share the pre-reform run equal their own runs exactly", "[comparison][determinism]") {
  // run_arms runs the pilot and the burn-in once and continues a copy for each arm; each arm's
  // series must be what a run of its own would record, bit for bit.
  const auto base = tiny("small_baseline", {"run.weeks=30"});
  const auto policy = tiny("small_district", {"run.weeks=40"});
  const std::uint64_t seed = 77;
  const auto shared = run_arms({base, policy}, seed);
  REQUIRE(shared.size() == 2);
  for (std::size_t arm = 0; arm < 2; ++arm) {
    auto params = arm == 0 ? base : policy;
    params.run.seed = static_cast<std::int64_t>(seed);
    GovernanceModel alone(params);
    alone.run_to_end();
    const auto& recorder = alone.recorder();
    INFO("arm " << arm);
    REQUIRE(shared[arm].weeks.size() == recorder.row_count());
    for (std::size_t m = 0; m < recorder.metrics().size(); ++m)
      for (std::size_t r = 0; r < recorder.row_count(); ++r)
        REQUIRE(shared[arm].columns[m][r] == recorder.value(r, m));
  }
}

TEST_CASE("Only a model at the end of its burn-in, before recording, can be continued", "[comparison]") {
  auto params = tiny("small_baseline", {"run.weeks=10", "run.burn_in_weeks=4", "run.spin_up_years=0"});
  GovernanceModel fresh(params);
  CHECK_THROWS_AS(GovernanceModel(fresh, params), std::invalid_argument);  // not yet at the end of the burn-in
  fresh.run_burn_in();
  auto other_seed = params;
  other_seed.run.seed += 1;
  CHECK_THROWS_AS(GovernanceModel(fresh, other_seed), std::invalid_argument);
  auto other_assumption = params;
  other_assumption.satisfaction.memory = 0.6;  // not a lever: the runs differ before the reform
  CHECK_THROWS_AS(GovernanceModel(fresh, other_assumption), std::invalid_argument);
  auto other_lever = params;
  other_lever.purchase.budget_per_community_yuan = 100000;  // a lever: the same until the reform
  CHECK_NOTHROW(GovernanceModel(fresh, other_lever));
}
