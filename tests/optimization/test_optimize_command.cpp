// `shanzhi optimize` end to end on the tiny district: it reports the best policies with
// intervals, a figure and a database; the same command resumes from the database without
// running anything again; a longer search extends a shorter one's runs; results do not depend
// on the thread count; a Pareto front and a robust optimization report what they should.

#include "sim/optimization/planning_results.hpp"
#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

std::string optimize_file(const std::string& name) { return (source_dir() / "scenarios" / "optimize" / name).string(); }

/// tiny_budget.toml with fewer generations and weeks (for the resume test), written into `dir`.
fs::path shortened_budget_file(const TempDir& dir, int generations) {
  auto text = read_file(optimize_file("tiny_budget.toml"));
  const auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("base = \"../experiments/tiny_district.toml\"", "base = \"" + experiment_file("tiny_district.toml") + "\"");
  replace("weeks = 104", "weeks = 52");
  replace("generations = 5", "generations = " + std::to_string(generations));
  const auto path = dir / ("budget" + std::to_string(generations) + ".toml");
  write_file(path, text);
  return path;
}

}  // namespace

TEST_CASE("optimize reports the best policies with intervals and resumes from its database", "[optimization][cli]") {
  TempDir dir("optimize");
  const auto file = shortened_budget_file(dir, 3).string();
  const auto db = (dir / "o.sqlite").string();
  const auto first = run_shanzhi({"optimize", file, "--db", db, "--out", (dir / "a").string()});
  INFO(first.describe());
  REQUIRE(first.exit_code == 0);
  CHECK(contains(first.out, "Best policies (re-evaluated with 12 fresh replicates; 95% intervals):"));
  const auto csv = read_file(dir / "a" / "tiny_budget-policies.csv");
  const auto rows = lines_of(csv);
  REQUIRE(rows.size() == 4);  // header + report_points = 3
  CHECK(contains(rows[0], "rank,evaluation,purchase.budget_per_community_yuan"));
  CHECK(contains(rows[0], "satisfaction_mean/mean_last_year_low"));
  CHECK(fs::file_size(dir / "a" / "tiny_budget-search.png") > 1000);

  // One optimization serves every check below (sections would rerun it for each).
  {  // the database loads back for the GUI with the report's best policy on the front
    const auto results = shanzhi::sim::optimization::load_planning_results(db);
    CHECK(results.name == "tiny_budget");
    CHECK(results.base_path == experiment_file("tiny_district.toml"));
    REQUIRE(results.objectives.size() == 1);
    CHECK(results.objectives[0].maximize);
    CHECK(results.budget.limit == 1400000);
    REQUIRE_FALSE(results.policies.empty());
    const std::string best_row = rows[1];
    bool best_is_on_front = false;
    for (const auto& policy : results.policies) {
      const auto purchase = shanzhi::sim::format_value(policy.levers[0].second);
      if (policy.on_front && contains(best_row, "," + purchase + ",")) best_is_on_front = true;
      CHECK(policy.runs <= 4);
    }
    CHECK(best_is_on_front);
  }
  {  // the same command takes every run from the database and writes the same report
    const auto again = run_shanzhi({"optimize", file, "--db", db, "--out", (dir / "b").string(), "--threads", "1"});
    INFO(again.describe());
    REQUIRE(again.exit_code == 0);
    CHECK(contains(again.out, ": 0 runs simulated,"));
    CHECK(read_file(dir / "b" / "tiny_budget-policies.csv") == csv);
  }
  {  // a longer search replays the shorter one from the database and matches a fresh run
    const auto longer = shortened_budget_file(dir, 4).string();
    const auto resumed = run_shanzhi({"optimize", longer, "--db", db, "--out", (dir / "c").string()});
    INFO(resumed.describe());
    REQUIRE(resumed.exit_code == 0);
    CHECK_FALSE(contains(resumed.out, " 0 taken from the database"));
    const auto fresh = run_shanzhi({"optimize", longer, "--db", (dir / "fresh.sqlite").string(), "--out",
                                    (dir / "d").string(), "--threads", "1"});
    REQUIRE(fresh.exit_code == 0);
    CHECK(read_file(dir / "c" / "tiny_budget-policies.csv") == read_file(dir / "d" / "tiny_budget-policies.csv"));
  }
}

TEST_CASE("optimize refuses a changed file on an old database and reports file errors", "[optimization][cli]") {
  TempDir dir("optimize_bad");
  const auto file = shortened_budget_file(dir, 1);
  const auto db = (dir / "o.sqlite").string();
  REQUIRE(run_shanzhi({"optimize", file.string(), "--db", db, "--out", (dir / "a").string()}).exit_code == 0);
  auto text = read_file(file);
  // A new budget limit keeps every stored run valid (runs do not depend on it): it resumes.
  text.replace(text.find("limit = 1400000"), 15, "limit = 1300000");
  write_file(file, text);
  const auto new_limit = run_shanzhi({"optimize", file.string(), "--db", db, "--out", (dir / "b").string()});
  CHECK(new_limit.exit_code == 0);
  // A new lever range changes which runs the file means: refused, like a changed sweep.
  text.replace(text.find("max = 400000"), 12, "max = 300000");
  write_file(file, text);
  const auto refused = run_shanzhi({"optimize", file.string(), "--db", db, "--out", (dir / "b").string()});
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "holds results of another experiment"));

  write_file(dir / "bad.toml", "[optimization]\nbase = \"" + experiment_file("tiny_district.toml") +
                                   "\"\n[[objective]]\nmetric = \"satisfaction_mean\"\ndirection = \"up\"\n");
  const auto bad = run_shanzhi({"optimize", (dir / "bad.toml").string(), "--db", (dir / "x.sqlite").string()});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "bad.toml:5:13: error: key 'objective.direction': unknown direction \"up\""));
  CHECK(contains(bad.err, "bad.toml: error: no [[factor]] tables"));
}

TEST_CASE("optimize with two objectives reports a Pareto front and with uncertainties the regret", "[optimization][cli]") {
  TempDir dir("optimize_front");
  auto text = read_file(optimize_file("tiny_robust.toml"));
  text.replace(text.find("../experiments/tiny_district.toml"), 33, experiment_file("tiny_district.toml"));
  text.replace(text.find("generations = 4"), 15, "generations = 1");
  text.replace(text.find("scenarios = 6"), 13, "scenarios = 3");
  text.replace(text.find("[[objective]]"), 13,
               "[[objective]]\nmetric = \"worker_turnover_annual\"\ndirection = \"minimize\"\n[[objective]]");
  text.replace(text.find("algorithm = \"cmaes\""), 19, "algorithm = \"nsga2\"");
  text.replace(text.find("population = 6"), 14, "population = 8");
  write_file(dir / "front.toml", text);
  const auto result = run_shanzhi({"optimize", (dir / "front.toml").string(), "--db", (dir / "f.sqlite").string(),
                                   "--out", (dir / "out").string()});
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "Pareto front (re-evaluated with 8 fresh replicates in each of 3 scenarios"));
  CHECK(fs::file_size(dir / "out" / "tiny_robust-front.png") > 1000);
  CHECK(fs::file_size(dir / "out" / "tiny_robust-regret.png") > 1000);
  const auto scenarios = lines_of(read_file(dir / "out" / "tiny_robust-scenarios.csv"));
  REQUIRE(scenarios.size() > 1);
  CHECK(scenarios[0] == "rank,scenario,needs.rate_scale,admin.leakage,objective,search_mean,regret,report_mean,report_low,report_high");
  for (std::size_t i = 1; i < scenarios.size(); ++i) {
    const auto fields = scenarios[i];
    // regret (7th field) is never negative: the best evaluated policy in a scenario is at least as good
    std::size_t start = 0;
    for (int f = 0; f < 6; ++f) start = fields.find(',', start) + 1;
    CHECK(fields[start] != '-');
  }
}
