// An optimization killed with SIGKILL part-way, twice, resumes with the same command: the seeded
// search replays, takes the committed runs from the database, and ends with the same report as
// an optimization that was never interrupted, with an intact database.

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

std::int64_t finished_runs(const fs::path& db) {
  sqlite3* connection = nullptr;
  std::int64_t count = 0;
  if (fs::exists(db) && sqlite3_open_v2(db.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(connection, 5000);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT COUNT(*) FROM runs", -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
      count = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
  }
  sqlite3_close(connection);
  return count;
}

/// Starts `shanzhi ARGS...` with its output discarded, waits until the database holds `runs`
/// finished runs, and kills it with SIGKILL.
void run_and_kill_after(const std::vector<std::string>& args, const fs::path& db, std::int64_t runs) {
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
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline && finished_runs(db) < runs) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) FAIL("the optimization ended before it could be killed");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFSIGNALED(status));
}

}  // namespace

TEST_CASE("An optimization killed with SIGKILL resumes to the report of an uninterrupted one", "[optimization][cli][crash]") {
  TempDir dir("optimize_crash");
  auto text = read_file(source_dir() / "scenarios" / "optimize" / "tiny_robust.toml");
  text.replace(text.find("../experiments/tiny_district.toml"), 33, experiment_file("tiny_district.toml"));
  text.replace(text.find("scenarios = 6"), 13, "scenarios = 3");
  write_file(dir / "robust.toml", text);
  const auto db = dir / "killed.sqlite";
  const std::vector<std::string> command{"optimize", (dir / "robust.toml").string(), "--db", db.string(),
                                         "--out", (dir / "killed").string(), "--threads", "2"};
  run_and_kill_after(command, db, 60);
  const auto after_first = finished_runs(db);
  run_and_kill_after(command, db, after_first + 60);
  const auto after_second = finished_runs(db);
  REQUIRE(after_second > after_first);

  const auto resumed = run_shanzhi(command);
  INFO(resumed.describe());
  REQUIRE(resumed.exit_code == 0);
  CHECK_FALSE(contains(resumed.out, " 0 taken from the database"));
  const auto fresh = run_shanzhi({"optimize", (dir / "robust.toml").string(), "--db", (dir / "fresh.sqlite").string(),
                                  "--out", (dir / "fresh").string(), "--threads", "1"});
  REQUIRE(fresh.exit_code == 0);
  CHECK(read_file(dir / "killed" / "tiny_robust-policies.csv") == read_file(dir / "fresh" / "tiny_robust-policies.csv"));
  CHECK(read_file(dir / "killed" / "tiny_robust-scenarios.csv") == read_file(dir / "fresh" / "tiny_robust-scenarios.csv"));
  CHECK(finished_runs(db) == finished_runs(dir / "fresh.sqlite"));  // every run exactly once
}
