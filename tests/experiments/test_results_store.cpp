// The results store on its own: what it records and reads back, that a (point, replicate) is
// stored once, and that it refuses a database of another experiment or a file that is not one.

#include "models/governance/experiments/experiment_runner.hpp"
#include "sim/experiments/results_store.hpp"
#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <cmath>
#include <limits>

namespace ex = shanzhi::sim::experiments;
using shanzhi::cli_test::source_dir;
using shanzhi::cli_test::TempDir;
using shanzhi::cli_test::write_file;

namespace {

ex::Experiment tiny_lhs() {
  return shanzhi::gov::load_governance_experiment((source_dir() / "scenarios" / "experiments" / "tiny_lhs.toml").string());
}

ex::RunOutcome ok_outcome(std::vector<double> values) {
  ex::RunOutcome outcome;
  outcome.ok = true;
  outcome.values = std::move(values);
  outcome.wall_seconds = 0.5;
  return outcome;
}

/// One number from an SQL query on the database file.
std::int64_t query_integer(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* connection = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(connection, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  const auto value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(connection);
  return value;
}

}  // namespace

TEST_CASE("The store records runs and reads them back", "[experiments][store]") {
  TempDir dir("store");
  const auto experiment = tiny_lhs();
  const auto plan = ex::plan_experiment(experiment);
  const auto db = dir / "sub" / "r.sqlite";  // the folder is created
  {
    auto store = ex::ResultsStore::open_for_sweep(db, experiment, plan);
    CHECK(store.finished_runs().empty());
    CHECK(store.record(plan.run(4), ok_outcome({70.5, std::numeric_limits<double>::quiet_NaN()}), experiment.outcomes));
    ex::RunOutcome failed;
    failed.error = "invalid parameters: something";
    CHECK(store.record(plan.run(0), failed, experiment.outcomes));
  }
  const auto store = ex::ResultsStore::open_read_only(db);
  CHECK(store.finished_runs() == std::set<ex::RunKey>{{0, 0}, {1, 1}});
  const auto results = store.read_all();
  CHECK(results.name == "tiny_lhs");
  CHECK(results.kind == ex::DesignKind::latin_hypercube);
  CHECK(results.replicates == 3);
  CHECK(results.master_seed == 7);
  CHECK(results.file_text.find("[experiment]") != std::string::npos);
  REQUIRE(results.factors.size() == 2);
  CHECK(results.factors[0].key == "purchase.budget_per_community_yuan");
  CHECK(results.factors[0].role == "lever");
  CHECK(results.factors[1].role == "uncertainty");
  REQUIRE(results.points.size() == 40);
  CHECK(results.points[13].settings == plan.point(13).settings);
  CHECK(results.points[13].unit == plan.point(13).unit);
  CHECK(results.unit_design().unit == plan.design.unit);
  REQUIRE(results.runs.size() == 2);
  const auto& failed = results.runs[0];
  CHECK_FALSE(failed.ok);
  CHECK(failed.error == "invalid parameters: something");
  CHECK(std::isnan(failed.values[0]));
  const auto& ok = results.runs[1];
  CHECK(ok.ok);
  CHECK(ok.point == 1);
  CHECK(ok.replicate == 1);
  CHECK(ok.seed == plan.run(4).seed);
  CHECK(ok.values[0] == 70.5);
  CHECK(std::isnan(ok.values[1]));  // NaN is stored as NULL and read back as NaN
  CHECK(ok.wall_seconds == 0.5);
  CHECK(ok.finished.size() == 24);  // 2026-11-25T19:40:34.581Z
}

TEST_CASE("The store keeps one run per point and replicate", "[experiments][store]") {
  TempDir dir("store");
  const auto experiment = tiny_lhs();
  const auto plan = ex::plan_experiment(experiment);
  const auto db = dir / "r.sqlite";
  auto first = ex::ResultsStore::open_for_sweep(db, experiment, plan);
  auto second = ex::ResultsStore::open_for_sweep(db, experiment, plan);  // another "process"
  CHECK_FALSE(second.has_run({0, 2}));
  CHECK(first.record(plan.run(2), ok_outcome({1, 2}), experiment.outcomes));
  CHECK(second.has_run({0, 2}));  // what one connection commits, the other sees
  CHECK_FALSE(second.has_run({0, 1}));
  CHECK_FALSE(second.record(plan.run(2), ok_outcome({3, 4}), experiment.outcomes));
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs") == 1);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM outcomes") == 2);
  CHECK(query_integer(db, "SELECT CAST(value AS INTEGER) FROM outcomes WHERE statistic = 'final'") == 1);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM points") == 40);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM point_values") == 80);
}

TEST_CASE("The store keeps time series when a run brings them", "[experiments][store]") {
  TempDir dir("store");
  const auto experiment = tiny_lhs();
  const auto plan = ex::plan_experiment(experiment);
  auto outcome = shanzhi::gov::run_plan(experiment.base, plan.run(0), experiment.outcomes, true);
  REQUIRE(outcome.ok);
  REQUIRE(outcome.timeseries);
  const auto rows = static_cast<std::int64_t>(outcome.timeseries->row_count() * outcome.timeseries->metrics().size());
  auto store = ex::ResultsStore::open_for_sweep(dir / "r.sqlite", experiment, plan);
  REQUIRE(store.record(plan.run(0), outcome, experiment.outcomes));
  CHECK(query_integer(dir / "r.sqlite", "SELECT COUNT(*) FROM timeseries") == rows);
  CHECK(query_integer(dir / "r.sqlite", "SELECT MAX(week) FROM timeseries") == 26);
}

TEST_CASE("The store refuses another experiment's database", "[experiments][store]") {
  TempDir dir("store");
  auto experiment = tiny_lhs();
  const auto plan = ex::plan_experiment(experiment);
  const auto db = dir / "r.sqlite";
  ex::ResultsStore::open_for_sweep(db, experiment, plan);
  const auto old_hash = ex::fnv1a_hex(ex::canonical_text(experiment));
  experiment.replicates = 4;
  const auto new_hash = ex::fnv1a_hex(ex::canonical_text(experiment));
  try {
    ex::ResultsStore::open_for_sweep(db, experiment, ex::plan_experiment(experiment));
    FAIL("a changed experiment must be refused");
  } catch (const ex::StoreRefused& e) {
    const std::string message = e.what();
    CHECK(message.find(db.string()) != std::string::npos);
    CHECK(message.find("tiny_lhs.toml") != std::string::npos);
    CHECK(message.find(old_hash) != std::string::npos);
    CHECK(message.find(new_hash) != std::string::npos);
    CHECK(message.find("stored: replicates = 3") != std::string::npos);
    CHECK(message.find("now:    replicates = 4") != std::string::npos);
  }
}

TEST_CASE("The store refuses files that are not results databases", "[experiments][store]") {
  TempDir dir("store");
  const auto experiment = tiny_lhs();
  const auto plan = ex::plan_experiment(experiment);
  write_file(dir / "notes.sqlite", "these are my notes, not a database, and they are long enough to look like one\n");
  CHECK_THROWS_AS(ex::ResultsStore::open_for_sweep(dir / "notes.sqlite", experiment, plan), ex::StoreRefused);
  CHECK(shanzhi::cli_test::read_file(dir / "notes.sqlite").rfind("these are my notes", 0) == 0);

  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open((dir / "other.sqlite").c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "CREATE TABLE customers (name TEXT)", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(other);
  CHECK_THROWS_AS(ex::ResultsStore::open_for_sweep(dir / "other.sqlite", experiment, plan), ex::StoreRefused);
  CHECK_THROWS_AS(ex::ResultsStore::open_read_only(dir / "missing.sqlite"), ex::StoreRefused);
}
