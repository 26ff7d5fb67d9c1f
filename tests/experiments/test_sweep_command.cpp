// `shanzhi sweep` end to end: killed with SIGKILL part-way and resumed, it ends with every run
// exactly once and an intact database; results do not depend on threads or on being split
// with --limit; failed runs are recorded and the sweep goes on; a changed experiment is refused.

#include "tests/support/cli_runner.hpp"

#include "tests/support/sqlite_query.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <optional>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

using shanzhi::test::query_integer;

namespace {

/// An LHS experiment on the tiny district: `points` x `replicates` runs of `weeks` weeks.
std::string lhs_experiment(int points, int replicates, int weeks, const std::string& extra_factor = "") {
  return "[experiment]\nname = \"crash\"\nbase = \"" + tiny_district() + "\"\nweeks = " + std::to_string(weeks) +
         "\nreplicates = " + std::to_string(replicates) +
         "\nseed = 11\n"
         "[design]\nkind = \"lhs\"\nsamples = " + std::to_string(points) +
         "\n"
         "[[factor]]\nkey = \"purchase.budget_per_community_yuan\"\nmin = 0\nmax = 400000\n"
         "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n" + extra_factor +
         "[[outcome]]\nmetric = \"satisfaction_mean\"\n"
         "[[outcome]]\nmetric = \"worker_admin_share\"\nstatistic = \"mean\"\n";
}

std::string query_text(const fs::path& db, const std::string& sql) {
  sqlite3* connection = nullptr;
  std::string text;
  REQUIRE(sqlite3_open_v2(db.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(connection, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  if (sqlite3_step(statement) == SQLITE_ROW) text = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  sqlite3_close(connection);
  return text;
}

/// Starts `shanzhi ARGS...` without waiting for it (output discarded); returns its process id.
pid_t spawn_shanzhi(const std::vector<std::string>& args) {
  std::vector<std::string> copies{shanzhi_binary().string()};
  copies.insert(copies.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : copies) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execv(copies[0].c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

/// Waits until the database holds at least `runs` finished runs, then kills the sweep with
/// SIGKILL. Returns the finished runs seen just before the kill; fails if the sweep ended first.
std::int64_t kill_after(pid_t pid, const fs::path& db, std::int64_t runs) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::int64_t seen = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    seen = query_integer(db, "SELECT COUNT(*) FROM runs").value_or(0);
    if (seen >= runs) break;
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) FAIL("the sweep ended before it could be killed");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  return seen;
}

std::string export_csv(const fs::path& db, const fs::path& csv) {
  const auto r = run_shanzhi({"export", db.string(), "--csv", csv.string()});
  INFO(r.describe());
  REQUIRE(r.exit_code == 0);
  return read_file(csv);
}

}  // namespace

TEST_CASE("A sweep killed with SIGKILL resumes to exactly every run once", "[experiments][sweep][crash]") {
  TempDir dir("sweep_crash");
  const auto experiment = dir / "crash.toml";
  const auto db = dir / "crash.sqlite";
  constexpr int total = 120 * 2;
  write_file(experiment, lhs_experiment(120, 2, 104));
  const std::vector<std::string> command{"sweep", experiment.string(), "--db", db.string(), "--threads", "2"};

  // Two kills at different moments, each while runs are being computed and committed.
  const auto before_first_kill = kill_after(spawn_shanzhi(command), db, 10);
  const auto after_first = query_integer(db, "SELECT COUNT(*) FROM runs").value_or(0);
  CHECK(after_first >= before_first_kill);
  REQUIRE(after_first < total);
  kill_after(spawn_shanzhi(command), db, after_first + 25);
  const auto after_second = query_integer(db, "SELECT COUNT(*) FROM runs").value_or(0);
  REQUIRE(after_second < total);
  CHECK(query_text(db, "PRAGMA integrity_check") == "ok");

  const auto resumed = run_shanzhi(command);
  INFO(resumed.describe());
  REQUIRE(resumed.exit_code == 0);
  CHECK(contains(resumed.out, "Skipped " + std::to_string(after_second) + " runs already in the database"));
  CHECK(contains(resumed.out, "Ran " + std::to_string(total - after_second) + " runs"));
  CHECK(contains(resumed.out, "Sweep complete"));

  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs") == total);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM (SELECT DISTINCT point, replicate FROM runs)") == total);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs WHERE status = 'ok'") == total);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM outcomes") == total * 2);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs r WHERE (SELECT COUNT(*) FROM outcomes o WHERE o.run = r.run) != 2") == 0);
  CHECK(query_text(db, "PRAGMA integrity_check") == "ok");
  CHECK(query_text(db, "PRAGMA journal_mode") == "wal");

  // A run interrupted by the kills gives the same values as in an uninterrupted sweep.
  const auto clean_db = dir / "clean.sqlite";
  const auto clean = run_shanzhi({"sweep", experiment.string(), "--db", clean_db.string(), "--limit", "30"});
  REQUIRE(clean.exit_code == 0);
  const std::string same_values =
      "SELECT COUNT(*) FROM outcomes a JOIN runs ra ON ra.run = a.run JOIN clean.runs rb ON rb.point = ra.point AND "
      "rb.replicate = ra.replicate JOIN clean.outcomes b ON b.run = rb.run AND b.metric = a.metric AND b.statistic = "
      "a.statistic WHERE a.value = b.value AND ra.seed = rb.seed";
  sqlite3* connection = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_exec(connection, ("ATTACH '" + clean_db.string() + "' AS clean").c_str(), nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(connection, same_values.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  CHECK(sqlite3_column_int64(statement, 0) == 30 * 2);
  sqlite3_finalize(statement);
  sqlite3_close(connection);
}

TEST_CASE("Resuming with a changed experiment file is refused", "[experiments][sweep]") {
  TempDir dir("sweep_changed");
  const auto experiment = dir / "e.toml";
  const auto db = dir / "e.sqlite";
  write_file(experiment, lhs_experiment(10, 2, 10));
  REQUIRE(run_shanzhi({"sweep", experiment.string(), "--db", db.string(), "--limit", "4"}).exit_code == 0);

  // A comment or a new description changes nothing a run depends on: resuming is fine.
  write_file(experiment, "# tidied up\n" + lhs_experiment(10, 2, 10));
  const auto tidied = run_shanzhi({"sweep", experiment.string(), "--db", db.string(), "--limit", "4"});
  INFO(tidied.describe());
  CHECK(tidied.exit_code == 0);

  auto changed_text = lhs_experiment(10, 2, 10);
  changed_text.replace(changed_text.find("max = 400000"), 12, "max = 300000");
  write_file(experiment, changed_text);
  const auto refused = run_shanzhi({"sweep", experiment.string(), "--db", db.string()});
  INFO(refused.describe());
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, db.string() + " holds results of another experiment"));
  CHECK(contains(refused.err, experiment.string()));
  CHECK(contains(refused.err, "stored: factor.1 = purchase.budget_per_community_yuan uncertainty range [0.0, 400000.0]"));
  CHECK(contains(refused.err, "now:    factor.1 = purchase.budget_per_community_yuan uncertainty range [0.0, 300000.0]"));
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs") == 8);  // nothing was run or written
}

TEST_CASE("A sweep gives identical outcomes with 1 and 2 threads", "[experiments][sweep]") {
  TempDir dir("sweep_threads");
  const auto one = run_shanzhi({"sweep", tiny_lhs(), "--db", (dir / "one.sqlite").string(), "--threads", "1"});
  const auto two = run_shanzhi({"sweep", tiny_lhs(), "--db", (dir / "two.sqlite").string(), "--threads", "2"});
  INFO(one.describe() << two.describe());
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  CHECK(contains(one.out, "on 1 thread\n"));
  CHECK(contains(two.out, "on 2 threads"));
  const auto a = export_csv(dir / "one.sqlite", dir / "one.csv");
  const auto b = export_csv(dir / "two.sqlite", dir / "two.csv");
  CHECK(a.size() > 1000);
  CHECK(a == b);  // export orders rows by point and replicate
}

TEST_CASE("A sweep split with --limit gives the same results as one sweep", "[experiments][sweep]") {
  TempDir dir("sweep_limit");
  // 12 points x 2 replicates: enough to split, a fifth of tiny_lhs's runs (this test runs under
  // the sanitizers too).
  auto text = read_file(tiny_lhs());
  text.replace(text.find("samples = 40"), 12, "samples = 12");
  text.replace(text.find("replicates = 3"), 14, "replicates = 2");
  text.replace(text.find("base = \"tiny_district.toml\""), 27, "base = \"" + tiny_district() + "\"");
  write_file(dir / "small.toml", text);
  const auto experiment = (dir / "small.toml").string();
  const auto whole = dir / "whole.sqlite", split = dir / "split.sqlite";
  REQUIRE(run_shanzhi({"sweep", experiment, "--db", whole.string()}).exit_code == 0);
  const auto part = run_shanzhi({"sweep", experiment, "--db", split.string(), "--limit", "10"});
  INFO(part.describe());
  REQUIRE(part.exit_code == 0);
  CHECK(contains(part.out, "14 runs remain; run the same command again to continue"));
  CHECK(query_integer(split, "SELECT COUNT(*) FROM runs") == 10);
  const auto rest = run_shanzhi({"sweep", experiment, "--db", split.string(), "--threads", "1"});
  REQUIRE(rest.exit_code == 0);
  CHECK(contains(rest.out, "Skipped 10 runs already in the database"));
  CHECK(export_csv(whole, dir / "whole.csv") == export_csv(split, dir / "split.csv"));
  const auto again = run_shanzhi({"sweep", experiment, "--db", split.string()});
  CHECK(contains(again.out, "running 0 now"));
  CHECK(contains(again.out, "Sweep complete"));
}

TEST_CASE("Failed runs are recorded with their errors and the sweep goes on", "[experiments][sweep]") {
  TempDir dir("sweep_failed");
  const auto experiment = dir / "f.toml";
  const auto db = dir / "f.sqlite";
  // Half the points set weight_quality to 0.7: the satisfaction weights then sum to 1.2.
  write_file(experiment, "[experiment]\nbase = \"" + tiny_district() +
                             "\"\nreplicates = 2\n[design]\nkind = \"full_factorial\"\nlevels = 3\n"
                             "[[factor]]\nkey = \"satisfaction.weight_quality\"\nvalues = [0.5, 0.7]\n"
                             "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n"
                             "[[outcome]]\nmetric = \"satisfaction_mean\"\n");
  const auto r = run_shanzhi({"sweep", experiment.string(), "--db", db.string()});
  INFO(r.describe());
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "6 ok, 6 failed"));
  CHECK(contains(r.out, "6 runs failed; they are recorded with their errors and the sweep went on"));
  CHECK(contains(r.out, "must sum to 1, but they sum to 1.2"));
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs WHERE status = 'failed' AND error LIKE '%must sum to 1%'") == 6);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs r JOIN point_values v ON v.point = r.point WHERE r.status = 'failed' "
                          "AND v.key = 'satisfaction.weight_quality' AND v.value = 0.7") == 6);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM outcomes") == 6);
  // Failed runs are finished runs: resuming does not run them again.
  const auto again = run_shanzhi({"sweep", experiment.string(), "--db", db.string()});
  CHECK(contains(again.out, "running 0 now"));
}

TEST_CASE("Sweep input mistakes exit with code 2", "[experiments][sweep]") {
  TempDir dir("sweep_errors");
  write_file(dir / "bad.toml", "[experiment]\nbase = \"nowhere.toml\"\n");
  const auto bad = run_shanzhi({"sweep", (dir / "bad.toml").string(), "--db", (dir / "x.sqlite").string()});
  INFO(bad.describe());
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "bad.toml:2:8: error: key 'experiment.base': cannot read base scenario"));
  CHECK_FALSE(fs::exists(dir / "x.sqlite"));

  write_file(dir / "notes.txt", "not a database, just some text that is long enough to have a header\n");
  const auto not_db = run_shanzhi({"sweep", tiny_lhs(), "--db", (dir / "notes.txt").string()});
  CHECK(not_db.exit_code == 2);
  CHECK(contains(not_db.err, "is not an SQLite database"));

  const auto default_db = run_shanzhi({"sweep", tiny_lhs(), "--limit", "2"}, dir.path());
  INFO(default_db.describe());
  CHECK(default_db.exit_code == 0);
  CHECK(fs::exists(dir / "results" / "experiments" / "tiny_lhs.sqlite"));
}
