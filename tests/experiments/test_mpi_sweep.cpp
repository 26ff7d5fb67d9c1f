// `mpirun -np K shanzhi sweep`: rank 0 stores, the other ranks compute. The stored results equal
// a single-process sweep's (outcomes and time series); a worker that dies loses only its run in
// flight, and the same command resumes with every committed run skipped.
// Compiled only when the build has MPI (CMake SHANZHI_MPI found Open MPI and Boost.MPI).

#include "tests/support/cli_runner.hpp"

#include "tests/support/sqlite_query.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <string>
#include <vector>

#if SHANZHI_WITH_MPI

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

using shanzhi::test::query_integer;

namespace {

/// `mpirun -np RANKS shanzhi ARGS...` on this machine. CI runs as root, which Open MPI refuses
/// without --allow-run-as-root; --oversubscribe lets more ranks than cores start.
CliResult mpirun(int ranks, const std::vector<std::string>& args, const std::vector<std::string>& mpirun_options = {}) {
  std::vector<std::string> all{"--allow-run-as-root", "--oversubscribe", "-np", std::to_string(ranks)};
  all.insert(all.end(), mpirun_options.begin(), mpirun_options.end());
  all.push_back(shanzhi_binary().string());
  all.insert(all.end(), args.begin(), args.end());
  return run_program(SHANZHI_MPIEXEC, all, source_dir(), std::chrono::seconds(300));
}

/// Time-series rows of `a` with an identical row (same run identity, metric, week, value) in `b`.
std::int64_t identical_timeseries_rows(const fs::path& a, const fs::path& b) {
  sqlite3* connection = nullptr;
  REQUIRE(sqlite3_open_v2(a.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_exec(connection, ("ATTACH '" + b.string() + "' AS other").c_str(), nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  const char* sql =
      "SELECT COUNT(*) FROM timeseries t JOIN runs r ON r.run = t.run JOIN other.runs q ON q.point = r.point AND "
      "q.replicate = r.replicate AND q.seed = r.seed JOIN other.timeseries u ON u.run = q.run AND u.metric = t.metric "
      "AND u.week = t.week WHERE u.value IS t.value";
  REQUIRE(sqlite3_prepare_v2(connection, sql, -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  const auto count = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(connection);
  return count;
}

std::string exported(const fs::path& db, const fs::path& csv) {
  const auto r = run_shanzhi({"export", db.string(), "--csv", csv.string()});
  INFO(r.describe());
  REQUIRE(r.exit_code == 0);
  return read_file(csv);
}

/// 12 points x 2 replicates of the tiny district, 13 weeks each: 24 short runs.
std::string small_experiment() {
  return "[experiment]\nname = \"mpi\"\nbase = \"" + tiny_district() +
         "\"\nweeks = 13\nreplicates = 2\nseed = 5\n"
         "[design]\nkind = \"lhs\"\nsamples = 12\n"
         "[[factor]]\nkey = \"purchase.budget_per_community_yuan\"\nmin = 0\nmax = 400000\n"
         "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n"
         "[[outcome]]\nmetric = \"satisfaction_mean\"\n"
         "[[outcome]]\nmetric = \"worker_admin_share\"\nstatistic = \"mean\"\n";
}

}  // namespace

TEST_CASE("An MPI sweep on two ranks stores the same results as a single-process sweep", "[experiments][mpi]") {
  TempDir dir("mpi_same");
  const auto single = dir / "single.sqlite", distributed = dir / "mpi.sqlite";
  write_file(dir / "e.toml", small_experiment());
  const auto one = run_shanzhi({"sweep", (dir / "e.toml").string(), "--db", single.string(), "--timeseries"});
  INFO(one.describe());
  REQUIRE(one.exit_code == 0);

  const auto two = mpirun(2, {"sweep", (dir / "e.toml").string(), "--db", distributed.string(), "--timeseries"});
  INFO(two.describe());
  REQUIRE(two.exit_code == 0);
  CHECK(contains(two.out, "running 24 now on 1 MPI worker rank\n"));
  CHECK(contains(two.out, "24 ok, 0 failed"));
  CHECK(contains(two.out, "Sweep complete"));
  CHECK(query_integer(distributed, "SELECT COUNT(*) FROM runs") == 24);
  CHECK(exported(distributed, dir / "mpi.csv") == exported(single, dir / "single.csv"));
  const auto rows = query_integer(single, "SELECT COUNT(*) FROM timeseries");
  CHECK(rows > 24 * 14 * 10);  // 14 recorded weeks of every metric of every run
  CHECK(query_integer(distributed, "SELECT COUNT(*) FROM timeseries") == rows);
  CHECK(identical_timeseries_rows(distributed, single) == rows);
}

TEST_CASE("A dead MPI worker loses only its run in flight and the resumed sweep finishes", "[experiments][mpi]") {
  TempDir dir("mpi_dead");
  const auto reference = dir / "reference.sqlite", db = dir / "mpi.sqlite";
  write_file(dir / "e.toml", small_experiment());
  REQUIRE(run_shanzhi({"sweep", (dir / "e.toml").string(), "--db", reference.string()}).exit_code == 0);

  // The only worker dies on receiving its 6th run, as a crash would (no MPI_Finalize): Open MPI
  // ends the job, and the 5 runs the master had received are committed.
  const auto crashed = mpirun(2, {"sweep", (dir / "e.toml").string(), "--db", db.string()},
                              {"-x", "SHANZHI_TEST_MPI_WORKER_EXIT_AFTER=5"});
  INFO(crashed.describe());
  CHECK_FALSE((crashed.exited && crashed.exit_code == 0));
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs") == 5);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM outcomes") == 10);

  // Resumed with two workers: the 5 committed runs are skipped, the other 19 are run.
  const auto resumed = mpirun(3, {"sweep", (dir / "e.toml").string(), "--db", db.string()});
  INFO(resumed.describe());
  REQUIRE(resumed.exit_code == 0);
  CHECK(contains(resumed.out, "5 runs already finished; running 19 now on 2 MPI worker ranks"));
  CHECK(contains(resumed.out, "Skipped 5 runs already in the database"));
  CHECK(contains(resumed.out, "Sweep complete"));
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs") == 24);
  CHECK(exported(db, dir / "mpi.csv") == exported(reference, dir / "reference.csv"));

  // Nothing left: a third MPI sweep runs nothing and says so.
  const auto again = mpirun(2, {"sweep", (dir / "e.toml").string(), "--db", db.string()});
  INFO(again.describe());
  REQUIRE(again.exit_code == 0);
  CHECK(contains(again.out, "running 0 now"));
}

TEST_CASE("Under MPI a bad experiment or database exits with code 2 on every rank", "[experiments][mpi]") {
  TempDir dir("mpi_errors");
  write_file(dir / "bad.toml", "[experiment]\nbase = \"nowhere.toml\"\n");
  const auto bad = mpirun(2, {"sweep", (dir / "bad.toml").string(), "--db", (dir / "x.sqlite").string()});
  INFO(bad.describe());
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "cannot read base scenario"));
  CHECK_FALSE(fs::exists(dir / "x.sqlite"));

  write_file(dir / "notes.txt", "not a database, just some text that is long enough to have a header\n");
  const auto not_db = mpirun(2, {"sweep", tiny_lhs(), "--db", (dir / "notes.txt").string()});
  INFO(not_db.describe());
  CHECK(not_db.exit_code == 2);
  CHECK(contains(not_db.err, "is not an SQLite database"));
}

#endif
