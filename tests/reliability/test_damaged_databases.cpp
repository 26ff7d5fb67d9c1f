// Damaged results databases are refused when opened, with the reason, by every command that
// reads or extends one: a corrupted page, a dropped table (it used to be recreated empty and
// export wrote empty values; merge kept the broken runs and added nothing), and text where an
// outcome number belongs (it exported as 0).

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

/// 6 runs of the tiny district (3 LHS points x 2 replicates).
void make_sweep(const TempDir& dir, const fs::path& db) {
  write_file(dir / "e.toml", "[experiment]\nname = \"damage\"\nbase = \"" + tiny_district() +
                                 "\"\nweeks = 8\nreplicates = 2\nseed = 3\n[design]\nkind = \"lhs\"\nsamples = 3\n"
                                 "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n"
                                 "[[outcome]]\nmetric = \"satisfaction_mean\"\n");
  const auto sweep = run_shanzhi({"sweep", (dir / "e.toml").string(), "--db", db.string()});
  INFO(sweep.describe());
  REQUIRE(sweep.exit_code == 0);
}

void execute(const fs::path& db, const std::string& sql) {
  sqlite3* connection = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &connection) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(connection, sql.c_str(), nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(connection);
  REQUIRE(rc == SQLITE_OK);
}

/// Every command that opens the database refuses it (exit 2) with `reason`.
void check_refused_everywhere(const TempDir& dir, const fs::path& db, const std::string& reason) {
  const auto good = dir / "good.sqlite";
  make_sweep(dir, good);
  const std::vector<std::vector<std::string>> commands{
      {"export", db.string(), "--csv", (dir / "x.csv").string(), "--force"},
      {"analyze", db.string()},
      {"sweep", (dir / "e.toml").string(), "--db", db.string()},
      {"merge", (dir / "merged.sqlite").string(), db.string(), good.string()},
  };
  for (const auto& args : commands) {
    const auto result = run_shanzhi(args);
    INFO(args.front() << ": " << result.describe());
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, reason));
  }
  CHECK_FALSE(fs::exists(dir / "merged.sqlite"));
}

}  // namespace

TEST_CASE("A results database with a dropped table is refused, not recreated empty", "[reliability][database]") {
  TempDir dir("db_dropped");
  const auto db = dir / "r.sqlite";
  make_sweep(dir, db);
  execute(db, "DROP TABLE outcomes");
  check_refused_everywhere(dir, db, "its table 'outcomes' is missing");
}

TEST_CASE("A results database with text where an outcome number belongs is refused", "[reliability][database]") {
  TempDir dir("db_text");
  const auto db = dir / "r.sqlite";
  make_sweep(dir, db);
  execute(db, "UPDATE outcomes SET value = 'seventy' WHERE run = (SELECT min(run) FROM outcomes)");
  check_refused_everywhere(dir, db, "1 outcome values are not numbers");
}

TEST_CASE("A results database with a corrupted page is refused with SQLite's finding", "[reliability][database]") {
  TempDir dir("db_corrupt");
  const auto db = dir / "r.sqlite";
  make_sweep(dir, db);
  execute(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  const auto size = fs::file_size(db);
  REQUIRE(size > 3 * 4096);
  {  // scribble over the header of every page after the first (b-tree page headers of the tables)
    std::fstream file(db, std::ios::in | std::ios::out | std::ios::binary);
    const std::string junk(16, '\x5a');
    for (std::uintmax_t page = 4096; page + junk.size() < size; page += 4096) {
      file.seekp(static_cast<std::streamoff>(page));
      file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
  }
  check_refused_everywhere(dir, db, "is damaged");
}
