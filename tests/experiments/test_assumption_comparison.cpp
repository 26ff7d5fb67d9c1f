// The comparison under assumptions on a toy model whose answer is known: the effect of policy A
// is a·x1 + 0·x2 − c plus seed noise, so its quantiles across draws are those of a uniform x1,
// the share of positive draws is 1 − c/a, a constant rival policy B is beaten exactly when
// x1 > a threshold, and Morris must find x1 and not x2. Also: the same seeds at every draw,
// failed draws, week-by-week bands, identical results with 1 and 2 threads, and the factors
// `--assumptions default` takes from a schema.

#include "sim/experiments/assumption_comparison.hpp"
#include "sim/experiments/assumption_factors.hpp"
#include "sim/parallel.hpp"
#include "sim/random.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <mutex>
#include <set>
#include <stdexcept>

using namespace shanzhi::sim;
using namespace shanzhi::sim::experiments;

namespace {

constexpr double slope = 10;         // a: the effect per unit of x1
constexpr double offset = 3;         // c: the effect is negative below x1 = 0.3
constexpr double rival_effect = 2;   // policy B's effect, whatever the assumptions
constexpr double noise_sd = 0.05;    // seed noise of one replicate's effect
constexpr int toy_weeks = 10;        // recorded weeks 0..9

const std::vector<MetricInfo>& toy_metrics() {
  static const std::vector<MetricInfo> metrics{
      {"gain", "points", "a·x1 − c in week 9; grows linearly over the weeks", Direction::higher_is_better, true},
      {"untouched", "points", "no policy changes it", Direction::higher_is_better, true},
      {"cost", "points", "policy A's effect, but lower is better", Direction::lower_is_better, true},
  };
  return metrics;
}

std::vector<Factor> toy_factors() {
  Factor x1;
  x1.key = "x1";
  x1.min = 0;
  x1.max = 1;
  Factor x2;
  x2.key = "x2";
  x2.min = -5;
  x2.max = 5;
  return {x1, x2};
}

double value_of(const std::vector<Setting>& settings, const std::string& key) {
  for (const auto& [k, v] : settings)
    if (k == key) return std::get<double>(v);
  FAIL("no setting " << key);
  return 0;
}

/// Noise that depends on the seed and on x1 (as a model's seed noise depends on its parameters),
/// so draws are not all shifted by the same amount.
double seed_noise(std::uint64_t seed, double x1) {
  RandomStream stream(seed ^ std::bit_cast<std::uint64_t>(x1), 0, 0, 0);
  return noise_sd * stream.normal();
}

/// A run whose every metric column is `level` times week/(weeks − 1): its last recorded week
/// holds `level`, and its summary (the mean over the 10 rows) is level / 2.
RunSeries ramp_run(const std::vector<double>& levels) {
  RunSeries run;
  for (int w = 0; w < toy_weeks; ++w) run.weeks.push_back(w);
  for (const double level : levels) {
    std::vector<double> column;
    for (int w = 0; w < toy_weeks; ++w) column.push_back(level * w / (toy_weeks - 1));
    run.columns.push_back(std::move(column));
  }
  return run;
}

/// The toy model: arms baseline, A, and (with two policies) B. The summary of "gain" is half its
/// last level, so the last level is 2·(a·x1 − c + noise) to make the effect a·x1 − c + noise.
ArmsAtPoint toy_arms(std::size_t policies) {
  return [policies](const std::vector<Setting>& settings) {
    const double x1 = value_of(settings, "x1");
    (void)value_of(settings, "x2");  // present, but no part of any effect
    return ReplicateRunner([x1, policies](std::uint64_t seed) {
      const double effect = slope * x1 - offset + seed_noise(seed, x1);
      std::vector<RunSeries> arms{ramp_run({0, 7, 0}), ramp_run({2 * effect, 7, 2 * effect})};
      if (policies == 2) arms.push_back(ramp_run({2 * rival_effect, 7, 2 * rival_effect}));
      return arms;
    });
  };
}

AssumptionComparison toy_comparison(std::size_t draws, std::size_t policies = 1, std::size_t replicates = 2) {
  return compare_under_assumptions(toy_metrics(), policies, toy_factors(), {draws, replicates, 7}, toy_arms(policies));
}

}  // namespace

TEST_CASE("Spread quantiles interpolate between order statistics and skip non-finite values", "[experiments][assumptions]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto s = spread_of({5, nan, 1, 4, 2, 3, INFINITY});
  CHECK(s.values == 5);
  CHECK(s.median == Approx(3));
  CHECK(s.q10 == Approx(1.4));
  CHECK(s.q90 == Approx(4.6));
  CHECK(s.q2_5 == Approx(1.1));
  CHECK(s.q97_5 == Approx(4.9));
  const auto empty = spread_of({nan});
  CHECK(empty.values == 0);
  CHECK(std::isnan(empty.median));
}

TEST_CASE("Effects across draws have the quantiles and sign share of the toy model", "[experiments][assumptions]") {
  const auto c = toy_comparison(400);
  REQUIRE(c.failed_draws() == 0);
  const auto& gain = c.spreads[0].metrics[0];
  // The effect is 10·x1 − 3 with x1 uniform on [0, 1] (plus noise of sd 0.05/√2): its q-quantile is 10q − 3.
  CHECK(gain.spread.values == 400);
  CHECK(gain.spread.median == Approx(2).margin(0.1));
  CHECK(gain.spread.q10 == Approx(-2).margin(0.1));
  CHECK(gain.spread.q90 == Approx(6).margin(0.1));
  CHECK(gain.spread.q2_5 == Approx(-2.75).margin(0.1));
  CHECK(gain.spread.q97_5 == Approx(6.75).margin(0.1));
  // Positive when x1 > 0.3.
  CHECK(gain.share_with_sign_of(2.0) == Approx(0.7).margin(0.02));
  CHECK(gain.share_with_sign_of(-1.0) == Approx(0.3).margin(0.02));
  // An effect that is exactly zero everywhere has the sign shown (zero) in every draw.
  const auto& untouched = c.spreads[0].metrics[1];
  CHECK(untouched.spread.median == 0);
  CHECK(untouched.share_with_sign_of(0.0) == 1.0);
  CHECK(untouched.share_positive == 0);
}

TEST_CASE("Every draw runs the same replicate seeds", "[experiments][assumptions]") {
  std::mutex guard;
  std::set<std::pair<double, std::uint64_t>> calls;  // (x1, seed)
  const ArmsAtPoint recording = [&](const std::vector<Setting>& settings) {
    const double x1 = value_of(settings, "x1");
    const auto inner = toy_arms(1)(settings);
    return ReplicateRunner([&, x1, inner](std::uint64_t seed) {
      std::lock_guard lock(guard);
      calls.emplace(x1, seed);
      return inner(seed);
    });
  };
  const auto c = compare_under_assumptions(toy_metrics(), 1, toy_factors(), {8, 3, 7}, recording);
  CHECK(c.seeds == replicate_seeds(3, 7));
  CHECK(calls.size() == 8 * 3);
  for (const auto& draw : c.draws)
    for (const auto seed : c.seeds) CHECK(calls.count({value_of(draw.settings, "x1"), seed}) == 1);
}

TEST_CASE("Ranking probability of two toy policies is the chance that x1 beats the rival", "[experiments][assumptions]") {
  const auto c = toy_comparison(400, 2);
  // At the reference effects A (2.5) ranks above B (2): A's effect 10·x1 − 3 beats 2 when x1 > 0.5.
  const auto gain = ranking_agreement(c, 0, {2.5, rival_effect});
  CHECK(gain.order == std::vector<std::size_t>{0, 1});
  CHECK(gain.draws == 400);
  CHECK(gain.probability == Approx(0.5).margin(0.02));
  CHECK(gain.first_probability == gain.probability);  // with two policies, first = the whole order
  // "cost" has the same effects but lower is better: B (2) ranks above A (2.5), and stays there
  // while A's cost is at least 2, again when x1 > 0.5.
  const auto cost = ranking_agreement(c, 2, {2.5, rival_effect});
  CHECK(cost.order == std::vector<std::size_t>{1, 0});
  CHECK(cost.probability == Approx(0.5).margin(0.02));
  // A reference with A below B puts B first; the draws agree when x1 < 0.5.
  CHECK(ranking_agreement(c, 0, {-1, rival_effect}).order == std::vector<std::size_t>{1, 0});
  CHECK(ranking_agreement(c, 0, {-1, rival_effect}).probability == Approx(0.5).margin(0.02));
  // An untouched metric ties everywhere: any order holds.
  CHECK(ranking_agreement(c, 1, {0, 0}).probability == 1.0);
}

TEST_CASE("Morris on the effect ranks x1 above x2", "[experiments][assumptions]") {
  const DriverPlan plan{.trajectories = 12, .levels = 4, .replicates_per_point = 2, .master_seed = 5};
  const auto drivers = drivers_of_effect(toy_metrics(), 1, toy_factors(), plan, toy_arms(1));
  REQUIRE(drivers.ok());
  REQUIRE(drivers.points.size() == 12 * 3);
  const auto& gain = drivers.indices[0][0];
  // Across x1's whole range the effect moves by a = 10 (plus the noise's change with x1).
  CHECK(gain[0].mu_star == Approx(slope).margin(0.2));
  CHECK(gain[1].mu_star == 0);  // common random numbers: moving x2 changes nothing at all
  CHECK(gain[1].sigma == 0);
  CHECK(drivers_by_importance(gain) == std::vector<std::size_t>{0, 1});
  const auto& untouched = drivers.indices[0][1];
  CHECK(untouched[0].mu_star == 0);
}

TEST_CASE("The screen from the draws puts x1 first with a rank correlation near 1 and x2 within noise",
          "[experiments][assumptions]") {
  const auto c = toy_comparison(256);
  const auto gain = associations_with_effect(c, 0, 0);
  REQUIRE(gain.size() == 2);
  CHECK(gain[0].factor == 0);
  CHECK(gain[0].rho > 0.99);  // the effect is monotone in x1; only the small noise breaks ties
  // x2 plays no part: its sample correlation is noise, sd 1/√K (within 3 sd).
  CHECK(std::fabs(gain[1].rho) < 1.5 * association_noise_level(256));
  CHECK(association_noise_level(64) == Approx(0.25));
  // For a metric where lower is better the association keeps its sign: the effect still rises with x1.
  CHECK(associations_with_effect(c, 0, 2)[0].rho > 0.99);
  // An effect that never varies has no rank correlation with anything.
  for (const auto& a : associations_with_effect(c, 0, 1)) CHECK(std::isnan(a.rho));
  CHECK_THROWS_AS(associations_with_effect(c, 1, 0), std::invalid_argument);
}

TEST_CASE("Week-by-week bands follow the effect over the weeks", "[experiments][assumptions]") {
  const auto c = toy_comparison(200);
  REQUIRE(c.weeks.size() == toy_weeks);
  REQUIRE(c.spreads[0].weekly.size() == toy_weeks * toy_metrics().size());
  // Week w holds 2·(10·x1 − 3)·w/9: at week 9 the median is 2·2 = 4, at week 0 it is 0.
  const auto& last = c.spreads[0].weekly[(toy_weeks - 1) * toy_metrics().size()];
  CHECK(last.week == toy_weeks - 1);
  CHECK(last.metric == 0);
  CHECK(last.spread.median == Approx(4).margin(0.2));
  CHECK(last.spread.q10 == Approx(-4).margin(0.2));
  CHECK(last.spread.q97_5 == Approx(13.5).margin(0.2));
  CHECK(c.spreads[0].weekly.front().spread.median == 0);
}

TEST_CASE("A draw that is not a valid scenario fails alone with its message", "[experiments][assumptions]") {
  const ArmsAtPoint picky = [](const std::vector<Setting>& settings) {
    if (value_of(settings, "x1") > 0.75) throw std::invalid_argument("x1 above 0.75 breaks a rule");
    return toy_arms(1)(settings);
  };
  const auto c = compare_under_assumptions(toy_metrics(), 1, toy_factors(), {40, 2, 7}, picky);
  CHECK(c.failed_draws() == 10);  // one draw in each quarter-slice of x1 above 0.75
  for (const auto& draw : c.draws)
    if (!draw.ok()) CHECK(draw.error == "x1 above 0.75 breaks a rule");
  CHECK(c.spreads[0].metrics[0].spread.values == 30);
  CHECK(c.spreads[0].metrics[0].spread.q97_5 < 10 * 0.75 - 3 + 0.2);

  const ArmsAtPoint crashing = [](const std::vector<Setting>& settings) {
    const auto inner = toy_arms(1)(settings);
    const double x1 = value_of(settings, "x1");
    return ReplicateRunner([inner, x1](std::uint64_t seed) -> std::vector<RunSeries> {
      if (x1 < 0.1) throw std::runtime_error("the model stopped");
      return inner(seed);
    });
  };
  const auto d = compare_under_assumptions(toy_metrics(), 1, toy_factors(), {20, 2, 7}, crashing);
  CHECK(d.failed_draws() == 2);
  for (const auto& draw : d.draws)
    if (!draw.ok()) CHECK(draw.error.find("replicate 0 (seed ") == 0);
}

TEST_CASE("Draws, bands, rankings and drivers are identical with 1 and 2 threads", "[experiments][assumptions][determinism]") {
  const int before = thread_count();
  auto run = [](int threads) {
    set_thread_count(threads);
    auto c = toy_comparison(48, 2, 3);
    auto d = drivers_of_effect(toy_metrics(), 2, toy_factors(), {6, 4, 3, 9}, toy_arms(2));
    return std::pair{std::move(c), std::move(d)};
  };
  const auto [one, one_drivers] = run(1);
  const auto [two, two_drivers] = run(2);
  set_thread_count(before);
  REQUIRE(one.draws.size() == two.draws.size());
  for (std::size_t d = 0; d < one.draws.size(); ++d) CHECK(one.draws[d].effects == two.draws[d].effects);
  for (std::size_t p = 0; p < 2; ++p) {
    REQUIRE(one.spreads[p].weekly.size() == two.spreads[p].weekly.size());
    for (std::size_t i = 0; i < one.spreads[p].weekly.size(); ++i) {
      CHECK(one.spreads[p].weekly[i].spread.median == two.spreads[p].weekly[i].spread.median);
      CHECK(one.spreads[p].weekly[i].spread.q2_5 == two.spreads[p].weekly[i].spread.q2_5);
    }
  }
  CHECK(ranking_agreement(one, 0, {1, 2}).probability == ranking_agreement(two, 0, {1, 2}).probability);
  for (std::size_t f = 0; f < 2; ++f) {
    CHECK(one_drivers.indices[1][0][f].mu_star == two_drivers.indices[1][0][f].mu_star);
    CHECK(one_drivers.indices[0][0][f].sigma == two_drivers.indices[0][0][f].sigma);
  }
}

TEST_CASE("Impossible plans are refused", "[experiments][assumptions]") {
  CHECK_THROWS_AS(compare_under_assumptions(toy_metrics(), 1, {}, {8, 2, 1}, toy_arms(1)), std::invalid_argument);
  CHECK_THROWS_AS(compare_under_assumptions(toy_metrics(), 1, toy_factors(), {1, 2, 1}, toy_arms(1)), std::invalid_argument);
  CHECK_THROWS_AS(compare_under_assumptions(toy_metrics(), 1, toy_factors(), {8, 0, 1}, toy_arms(1)), std::invalid_argument);
  CHECK_THROWS_AS(drivers_of_effect(toy_metrics(), 1, toy_factors(), {1, 4, 1, 1}, toy_arms(1)), std::invalid_argument);
}

TEST_CASE("Default assumption factors are the assumptions with a plausible range", "[experiments][assumptions]") {
  auto key = [](std::string name, ParamType type, double min, double max, ParamRole role,
                std::optional<PlausibleRange> plausible) {
    ParamInfo info;
    info.key = std::move(name);
    info.type = type;
    info.min = min;
    info.max = max;
    info.role = role;
    info.plausible = std::move(plausible);
    return info;
  };
  const std::vector<ParamInfo> schema{
      key("needs.rate_scale", ParamType::real, 0.1, 5, ParamRole::assumption, PlausibleRange{0.8, 1.25, "surveys"}),
      key("needs.unranged", ParamType::real, 0, 1, ParamRole::assumption, std::nullopt),
      key("purchase.budget", ParamType::real, 0, 1e6, ParamRole::lever, PlausibleRange{0, 1e5, "not an assumption"}),
      key("word_of_mouth.mean_degree", ParamType::integer, 2, 16, ParamRole::assumption, PlausibleRange{5.5, 10.2, "[S11]"}),
      key("information.flag", ParamType::boolean, 0, 0, ParamRole::assumption, PlausibleRange{0, 1, "a switch"}),
      key("trust.fixed", ParamType::integer, 0, 10, ParamRole::assumption, PlausibleRange{3.2, 3.8, "no whole number"}),
  };
  const auto factors = plausible_range_factors(schema);
  REQUIRE(factors.size() == 2);
  CHECK(factors[0].key == "needs.rate_scale");
  CHECK(factors[0].min == 0.8);
  CHECK(factors[0].max == 1.25);
  CHECK_FALSE(factors[0].integer);
  CHECK(factors[1].key == "word_of_mouth.mean_degree");
  CHECK(factors[1].integer);
  CHECK(factors[1].min == 6);
  CHECK(factors[1].max == 10);
  CHECK(std::holds_alternative<std::int64_t>(factors[1].value_at(0.37)));

  CHECK(plausible_range_factors({schema[1], schema[2]}).empty());
  const auto outside = key("x.y", ParamType::real, 0, 1, ParamRole::assumption, PlausibleRange{0.5, 2, "too wide"});
  CHECK_THROWS_WITH(plausible_range_factors({outside}), Catch::Contains("'x.y'") && Catch::Contains("outside"));
}
