// Run plans and single runs: seeds depend only on (master, point, replicate); the same plan gives
// the same outcome whenever it runs; a bad design point gives a failed run, never an exception;
// and the outcome statistics read the recorder as documented.

#include "models/governance/experiments/experiment_runner.hpp"
#include "sim/random.hpp"
#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace ex = shanzhi::sim::experiments;
using shanzhi::cli_test::source_dir;

namespace {

ex::Experiment tiny_lhs() {
  return shanzhi::gov::load_governance_experiment((source_dir() / "scenarios" / "experiments" / "tiny_lhs.toml").string());
}

}  // namespace

TEST_CASE("Run seeds are derived from the master seed and the point and replicate", "[experiments][plans]") {
  const auto experiment = tiny_lhs();
  const auto plan = ex::plan_experiment(experiment);
  const auto replicates = static_cast<std::uint64_t>(experiment.replicates);
  REQUIRE(plan.point_count() == 40);
  REQUIRE(plan.run_count() == 120);
  std::set<std::uint64_t> seeds;
  for (std::size_t position = 0; position < plan.run_count(); ++position) {
    const auto run = plan.run(position);
    CHECK(run.point == position / 3);
    CHECK(run.replicate == position % 3);
    const auto expected = shanzhi::sim::derive_seed(experiment.master_seed, run.point * replicates + run.replicate) >> 11;
    CHECK(run.seed == expected);
    CHECK(run.seed < (std::uint64_t{1} << 53));  // exact as a double in R and pandas
    seeds.insert(run.seed);
    CHECK(run.settings == plan.point(run.point).settings);
  }
  CHECK(seeds.size() == plan.run_count());
  CHECK_THROWS_AS(plan.run(plan.run_count()), std::out_of_range);
  CHECK_THROWS_AS(plan.point(plan.point_count()), std::out_of_range);
}

TEST_CASE("Run seeds do not depend on the order in which plans are made", "[experiments][plans]") {
  // The seed of (point, replicate) is a pure function: planning twice, or asking for one run
  // alone, gives the same seed as the full plan in any order.
  const auto experiment = tiny_lhs();
  const auto all_runs = [](const ex::ExperimentPlan& plan) {
    std::vector<ex::RunPlan> runs;
    for (std::size_t position = 0; position < plan.run_count(); ++position) runs.push_back(plan.run(position));
    return runs;
  };
  auto first = all_runs(ex::plan_experiment(experiment));
  auto second = all_runs(ex::plan_experiment(experiment));
  std::reverse(second.begin(), second.end());
  for (const auto& run : first) {
    const auto same = std::find_if(second.begin(), second.end(), [&](const ex::RunPlan& r) {
      return r.point == run.point && r.replicate == run.replicate;
    });
    REQUIRE(same != second.end());
    CHECK(same->seed == run.seed);
    CHECK(ex::run_seed(experiment.master_seed, run.point, 3, run.replicate) == run.seed);
  }
  // A different master seed moves every seed.
  CHECK(ex::run_seed(experiment.master_seed + 1, 0, 3, 0) != first[0].seed);
}

TEST_CASE("common_seeds gives every design point the same seed for each replicate", "[experiments][plans]") {
  auto experiment = tiny_lhs();
  const auto independent = ex::plan_experiment(experiment);
  const auto hash_before = ex::fnv1a_hex(ex::canonical_text(experiment));
  experiment.common_seeds = true;
  const auto common = ex::plan_experiment(experiment);
  // Replicate r of every point runs with the seed replicate r of point 0 has without the option.
  for (std::size_t position = 0; position < common.run_count(); ++position) {
    const auto run = common.run(position);
    CHECK(run.seed == independent.run(run.replicate).seed);
    CHECK(run.settings == independent.run(position).settings);
  }
  // Replicates still differ, and the option is part of what decides the results (a database
  // swept without it is not resumed with it).
  CHECK(common.run(0).seed != common.run(1).seed);
  CHECK(ex::fnv1a_hex(ex::canonical_text(experiment)) != hash_before);
  experiment.common_seeds = false;
  CHECK(ex::fnv1a_hex(ex::canonical_text(experiment)) == hash_before);
}

TEST_CASE("common_seeds is read from the experiment file and checked", "[experiments][plans]") {
  shanzhi::cli_test::TempDir dir("common_seeds");
  const auto text = shanzhi::cli_test::read_file(source_dir() / "scenarios" / "experiments" / "tiny_lhs.toml");
  const auto with = [&](const std::string& line) {
    auto changed = text;
    changed.replace(changed.find("seed = 7"), 8, "seed = 7\n" + line);
    changed.replace(changed.find("base = \"tiny_district.toml\""), 27,
                    "base = \"" + (source_dir() / "scenarios" / "experiments" / "tiny_district.toml").string() + "\"");
    shanzhi::cli_test::write_file(dir / "e.toml", changed);
    return (dir / "e.toml").string();
  };
  CHECK(shanzhi::gov::load_governance_experiment(with("common_seeds = true")).common_seeds);
  CHECK_FALSE(shanzhi::gov::load_governance_experiment(with("common_seeds = false")).common_seeds);
  try {
    shanzhi::gov::load_governance_experiment(with("common_seeds = 1"));
    FAIL("common_seeds = 1 was accepted");
  } catch (const shanzhi::sim::ScenarioError& e) {
    CHECK(std::string(e.what()).find("key 'experiment.common_seeds': expected true or false, got 1") != std::string::npos);
  }
}

TEST_CASE("A plan gives the same outcome each time it runs", "[experiments][plans]") {
  const auto experiment = tiny_lhs();
  const auto plan = ex::plan_experiment(experiment);
  const auto run = plan.run(7);
  const auto a = shanzhi::gov::run_plan(experiment.base, run, experiment.outcomes);
  const auto b = shanzhi::gov::run_plan(experiment.base, run, experiment.outcomes);
  INFO(a.error);
  REQUIRE(a.ok);
  REQUIRE(b.ok);
  REQUIRE(a.values.size() == experiment.outcomes.size());
  CHECK(a.values == b.values);
  CHECK(a.wall_seconds > 0);
  // Another replicate of the same point has another seed and other results.
  const auto other = shanzhi::gov::run_plan(experiment.base, plan.run(6), experiment.outcomes);
  CHECK(other.values != a.values);
}

TEST_CASE("An invalid design point gives a failed run with its error", "[experiments][plans]") {
  const auto experiment = tiny_lhs();
  ex::RunPlan plan{0, 0, 12345, {{"satisfaction.weight_quality", 0.9}}};
  ex::RunOutcome outcome;
  REQUIRE_NOTHROW(outcome = shanzhi::gov::run_plan(experiment.base, plan, experiment.outcomes));
  CHECK_FALSE(outcome.ok);
  CHECK(outcome.values.empty());
  CHECK(outcome.error.find("satisfaction.weight_quality") != std::string::npos);
  CHECK(outcome.error.find("must sum to 1") != std::string::npos);

  ex::RunPlan out_of_range{0, 0, 1, {{"admin.leakage", 3.0}}};
  const auto refused = shanzhi::gov::run_plan(experiment.base, out_of_range, experiment.outcomes);
  CHECK_FALSE(refused.ok);
  CHECK(refused.error.find("admin.leakage") != std::string::npos);
}

TEST_CASE("Outcome statistics read the recorded horizon", "[experiments][plans]") {
  shanzhi::sim::MetricRecorder recorder;
  const auto m = recorder.declare({"m", "", "", shanzhi::sim::Direction::neutral, false});
  // Week 0 is the end of burn-in and is left out of mean, min and max.
  const double values[] = {100, 1, 2, 3, 4};
  for (int week = 0; week < 5; ++week) {
    recorder.begin_row(week);
    recorder.set(m, values[week]);
  }
  const auto stat = [&](ex::Statistic s) { return ex::outcome_value(recorder, {"m", s, {}}); };
  CHECK(stat(ex::Statistic::final) == 4);
  CHECK(stat(ex::Statistic::mean) == 2.5);
  CHECK(stat(ex::Statistic::min) == 1);
  CHECK(stat(ex::Statistic::max) == 4);
  CHECK(stat(ex::Statistic::mean_last_year) == 2.5);  // fewer than 52 weeks: the whole horizon

  for (int week = 5; week < 60; ++week) {
    recorder.begin_row(week);
    recorder.set(m, week);
  }
  // The last 52 recorded weeks are 8..59.
  CHECK(stat(ex::Statistic::mean_last_year) == Approx((8 + 59) / 2.0));
  recorder.begin_row(60);  // a week left unset is NaN: the statistics show the gap
  CHECK(std::isnan(stat(ex::Statistic::mean)));
  CHECK(std::isnan(stat(ex::Statistic::final)));
}
