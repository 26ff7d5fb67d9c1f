// Scores of policies: robust values over scenarios, the budget penalty, Pareto dominance, and the
// small matrix inverse behind calibration intervals.

#include "sim/optimization/calibration.hpp"
#include "sim/optimization/scoring.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace opt = shanzhi::sim::optimization;

namespace {

/// A policy with one target whose replicate values in scenario s are `values[s]`.
opt::PolicyResult policy_with(const std::vector<std::vector<double>>& values) {
  opt::PolicyResult result;
  for (const auto& scenario : values) {
    std::vector<std::vector<double>> replicates;
    for (double v : scenario) replicates.push_back({v, 100.0 * v});
    result.values.push_back(replicates);
  }
  return result;
}

}  // namespace

TEST_CASE("Robust values take the worst case or a quantile on the bad side", "[optimization][scoring]") {
  const std::vector<double> per_scenario{70, 60, 80, 75, 65};
  opt::Robustness robustness;
  robustness.score = opt::RobustScore::worst;
  CHECK(opt::robust_value(per_scenario, true, robustness) == 60);
  CHECK(opt::robust_value(per_scenario, false, robustness) == 80);
  robustness.score = opt::RobustScore::mean;
  CHECK(opt::robust_value(per_scenario, true, robustness) == Approx(70));
  robustness.score = opt::RobustScore::quantile;
  robustness.quantile = 0.25;  // sorted 60 65 70 75 80: the 25% point is 65 from below, 75 from above
  CHECK(opt::robust_value(per_scenario, true, robustness) == Approx(65));
  CHECK(opt::robust_value(per_scenario, false, robustness) == Approx(75));
  CHECK(std::isnan(opt::robust_value({70, std::nan("")}, true, robustness)));
}

TEST_CASE("The budget penalty grows with the relative overrun", "[optimization][scoring]") {
  opt::OptimizationSpec spec;
  opt::Target satisfaction, spending;
  satisfaction.metric = "satisfaction_mean";
  spending.metric = "budget_spent_year";
  spec.objectives.push_back({satisfaction, true});
  spec.budget.active = true;
  spec.budget.cost = spending;
  spec.budget.limit = 100;
  spec.budget.penalty = 50;
  opt::TargetPositions positions;
  const auto targets = opt::optimization_targets(spec, positions);
  REQUIRE(targets.size() == 2);
  CHECK(positions.cost == 1);

  const auto within = opt::score_policy(policy_with({{0.7, 0.9}}), spec, positions);  // cost 80
  CHECK(within.overrun == 0);
  CHECK(within.fitness[0] == Approx(-0.8));
  const auto over = opt::score_policy(policy_with({{1.2, 1.2}}), spec, positions);  // cost 120: 20% over
  CHECK(over.overrun == Approx(0.2));
  CHECK(over.fitness[0] == Approx(-1.2 + 50 * 0.2));
  const auto failed = opt::score_policy(policy_with({{1.0, std::nan("")}}), spec, positions);
  CHECK(failed.fitness[0] == opt::failed_fitness);
}

TEST_CASE("The Pareto front keeps exactly the non-dominated points", "[optimization][scoring]") {
  const std::vector<std::vector<double>> fitness{{1, 5}, {2, 3}, {3, 3}, {4, 1}, {2, 4}, {5, 5}};
  CHECK(opt::non_dominated(fitness) == std::vector<std::size_t>{0, 1, 3});
}

TEST_CASE("Robust intervals are t intervals with one scenario and bootstrap intervals with several", "[optimization][scoring]") {
  opt::Robustness robustness;
  const auto one = opt::robust_interval(policy_with({{1, 2, 3, 4}}), 0, true, robustness, 1);
  CHECK(one.value == Approx(2.5));
  CHECK(one.low < 2.5);
  CHECK(one.high > 2.5);
  const auto several = opt::robust_interval(policy_with({{1, 2, 3}, {10, 11, 12}}), 0, true, robustness, 1);
  CHECK(several.value == Approx(2));  // the worst scenario's mean
  CHECK(several.low >= 1);
  CHECK(several.high <= 3);
  CHECK(several.runs == 6);
}

TEST_CASE("Small matrices invert and singular ones are refused", "[optimization][scoring]") {
  const auto inverse = opt::invert({{4, 2}, {2, 3}});
  REQUIRE(inverse.size() == 2);
  CHECK(inverse[0][0] == Approx(0.375));
  CHECK(inverse[0][1] == Approx(-0.25));
  CHECK(inverse[1][1] == Approx(0.5));
  CHECK(opt::invert({{1, 2}, {2, 4}}).empty());
}
