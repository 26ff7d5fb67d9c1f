// The pre-reform baseline is settled (docs/model.md, "The settled baseline"): after the spin-up
// and the burn-in, the baseline's headline metrics have no trend over five recorded years. A
// "do nothing" forecast that declines (or rises) only because the run started away from the
// model's own long-run state would put the drift into every policy's effect.
//
// Per replicate, the slope of each metric's yearly means over the five recorded years (least
// squares); across replicates, the mean slope with its 95% interval. A metric passes when the
// interval includes zero or the whole interval lies within the stated tolerance per year (a
// slope too small to matter next to the effects the model reports).

#include "tests/support/fact_checks.hpp"

#include "models/governance/model.hpp"
#include "models/governance/pilot_cache.hpp"

#include <map>

using namespace shanzhi;
using namespace shanzhi::gov;
using namespace shanzhi::test::facts;

namespace {

constexpr std::size_t trend_replicates = 8;
constexpr int recorded_years = 5;

/// Least-squares slope of y over x = 0, 1, ..., n−1.
double slope(const std::vector<double>& y) {
  const double n = static_cast<double>(y.size());
  const double x_mean = (n - 1) / 2;
  double y_mean = 0;
  for (double v : y) y_mean += v / n;
  double sxy = 0, sxx = 0;
  for (std::size_t x = 0; x < y.size(); ++x) {
    sxy += (static_cast<double>(x) - x_mean) * (y[x] - y_mean);
    sxx += (static_cast<double>(x) - x_mean) * (static_cast<double>(x) - x_mean);
  }
  return sxy / sxx;
}

/// Mean of each recorded year (rows 1–52, 53–104, ...) of one metric.
std::vector<double> yearly_means(const sim::MetricRecorder& recorder, sim::MetricRecorder::Handle m) {
  std::vector<double> means;
  for (int year = 0; year < recorded_years; ++year) {
    double sum = 0;
    for (int row = 1 + year * 52; row <= (year + 1) * 52; ++row) sum += recorder.value(static_cast<std::size_t>(row), m);
    means.push_back(sum / 52);
  }
  return means;
}

/// Slopes per year of every headline metric, one per replicate.
std::map<std::string, std::vector<double>> headline_slopes(const GovernanceParameters& params) {
  std::map<std::string, std::vector<double>> slopes;
  for (std::size_t r = 0; r < trend_replicates; ++r) {
    auto p = params;
    p.run.seed = static_cast<std::int64_t>(replicate_seed(r));
    GovernanceModel model(p);
    model.run_to_end();
    const auto& recorder = model.recorder();
    for (std::size_t m = 0; m < recorder.metrics().size(); ++m)
      if (recorder.metrics()[m].headline)
        slopes[recorder.metrics()[m].name].push_back(slope(yearly_means(recorder, m)));
  }
  return slopes;
}

/// Slopes per year a planner would not notice next to the effects the model reports (whose
/// intervals are stated to one decimal of a point of satisfaction and one percentage point of
/// shares).
const std::map<std::string, double> tolerance_per_year{
    {"satisfaction_mean", 0.1},           {"acsi_index", 0.15},
    {"satisfied_share", 0.005},           {"satisfaction_vulnerable_mean", 0.15},
    {"unmet_need_share", 0.005},          {"wait_mean_weeks", 0.03},
    {"worker_admin_share", 0.005},        {"worker_turnover_annual", 0.01},
    {"organizations_alive", 0.25},        {"trust_community_mean", 0.1},
    {"budget_spent_year", 1.0},
    // Year-to-date, so its yearly mean is about half a year's cost (¥0.7m on the small baseline,
    // nearly all workers' pay): ¥10,000 a year is under 1.5% of the annual cost.
    {"public_cost_spent_year", 10000.0},
};

}  // namespace

TEST_CASE("Settled baseline: no headline metric of the pre-reform district trends over five recorded years",
          "[model][baseline][statistical]") {
  const auto slopes = headline_slopes(baseline_with({"run.weeks=260", "run.burn_in_weeks=52"}));
  REQUIRE(slopes.size() == tolerance_per_year.size());
  for (const auto& [name, per_replicate] : slopes) {
    const auto d = sim::experiments::mean_with_interval(per_replicate);
    report_interval("settled baseline", name + " slope per year", d);
    const double tolerance = tolerance_per_year.at(name);
    INFO(name << ": slope " << d.mean << " ± " << d.half_width << " a year (tolerance " << tolerance << ")");
    const bool includes_zero = d.mean - d.half_width <= 0 && d.mean + d.half_width >= 0;
    CHECK((includes_zero || std::fabs(d.mean) + d.half_width <= tolerance));
  }
}

TEST_CASE("Settled baseline: without the spin-up the same baseline drifts (the test can fail)",
          "[model][baseline][statistical]") {
  // The knockout: starting from the parametric first draws (satisfaction and expectations at 70)
  // the baseline falls for years, so at least satisfaction must fail the no-trend rule.
  const auto slopes = headline_slopes(baseline_with({"run.weeks=260", "run.burn_in_weeks=52", "run.spin_up_years=0"}));
  const auto d = sim::experiments::mean_with_interval(slopes.at("satisfaction_mean"));
  INFO("satisfaction slope without spin-up: " << d.mean << " ± " << d.half_width << " a year");
  CHECK(d.mean + d.half_width < -tolerance_per_year.at("satisfaction_mean"));
}

namespace {

/// Every recorded value of a short run of `params`, in order.
std::vector<double> recorded_values(const GovernanceParameters& params) {
  GovernanceModel model(params);
  model.run_to_end();
  return test::all_recorded_values(model.recorder());
}

}  // namespace

TEST_CASE("A remembered pilot gives the run a fresh pilot gives, and arms with other levers share it",
          "[model][baseline]") {
  const auto params = baseline_with({"run.weeks=26", "run.burn_in_weeks=13", "run.spin_up_years=3"});
  clear_pilot_cache();
  const auto fresh = recorded_values(params);
  const auto after_fresh = pilot_cache_stats();
  CHECK(after_fresh.runs >= 1);
  const auto remembered = recorded_values(params);
  const auto after_remembered = pilot_cache_stats();
  CHECK(after_remembered.runs == after_fresh.runs);
  CHECK(after_remembered.hits == after_fresh.hits + 1);
  CHECK(remembered == fresh);  // bit for bit

  // A policy arm changes levers only: its pilot (levers at their pre-reform values) is the same.
  auto policy = params;
  policy.purchase.budget_per_community_yuan = 300000;
  recorded_values(policy);
  CHECK(pilot_cache_stats().runs == after_fresh.runs);
  // Another seed or another assumption is another pilot.
  auto other_seed = params;
  other_seed.run.seed += 1;
  recorded_values(other_seed);
  CHECK(pilot_cache_stats().runs == after_fresh.runs + 1);
  auto other_assumption = params;
  other_assumption.needs.rate_scale *= 1.1;
  recorded_values(other_assumption);
  CHECK(pilot_cache_stats().runs == after_fresh.runs + 2);
  CHECK(parameter_fingerprint(params) != parameter_fingerprint(other_assumption));
}
