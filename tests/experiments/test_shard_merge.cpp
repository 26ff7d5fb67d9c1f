// Sweeps split with --shard I/N into separate databases and combined with `shanzhi merge`: the
// merged database holds the same results as one sweep; databases of different experiments are
// refused; bad shard specifications are reported.

#include "tests/support/cli_runner.hpp"

#include "tests/support/sqlite_query.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <optional>
#include <string>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

using shanzhi::test::query_integer;

namespace {

std::optional<std::int64_t> count_runs_in(const fs::path& db) { return query_integer(db, "SELECT COUNT(*) FROM runs"); }

std::string exported(const fs::path& db, const fs::path& csv) {
  const auto r = run_shanzhi({"export", db.string(), "--csv", csv.string()});
  INFO(r.describe());
  REQUIRE(r.exit_code == 0);
  return read_file(csv);
}

/// tiny_lhs with 12 points x 2 replicates (24 runs, a fifth of its own), written into `dir`: the
/// same splitting and merging at a cost the sanitizer pass can afford.
std::string small_tiny_lhs(const TempDir& dir) {
  auto text = read_file(tiny_lhs());
  text.replace(text.find("samples = 40"), 12, "samples = 12");
  text.replace(text.find("replicates = 3"), 14, "replicates = 2");
  text.replace(text.find("base = \"tiny_district.toml\""), 27, "base = \"" + tiny_district() + "\"");
  write_file(dir / "small_tiny_lhs.toml", text);
  return (dir / "small_tiny_lhs.toml").string();
}

CliResult sweep_shard(const std::string& experiment, const fs::path& db, const std::string& shard,
                      const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"sweep", experiment, "--db", db.string(), "--shard", shard, "--threads", "2"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_shanzhi(args);
}

}  // namespace

TEST_CASE("Shards of a sweep merged give the same results as one sweep", "[experiments][shard][merge]") {
  TempDir dir("shards");
  TempDir files("shards_experiment");
  const auto experiment = small_tiny_lhs(files);
  const auto whole = dir / "whole.sqlite";
  REQUIRE(run_shanzhi({"sweep", experiment, "--db", whole.string(), "--threads", "2"}).exit_code == 0);

  // 12 points x 2 replicates = 24 runs: 8 per shard, dealt round-robin.
  for (int i = 0; i < 3; ++i) {
    const auto shard = std::to_string(i) + "/3";
    const auto limited = sweep_shard(experiment, dir / ("s" + std::to_string(i) + ".sqlite"), shard, {"--limit", "3"});
    INFO(limited.describe());
    REQUIRE(limited.exit_code == 0);
    CHECK(contains(limited.out, "Shard " + shard + ": 8 runs of this shard"));
    CHECK(contains(limited.out, "5 runs remain"));
  }
  // A partial merge says what is missing; the merged database can be finished by a sweep.
  const auto partial = dir / "partial.sqlite";
  const auto partial_merge = run_shanzhi({"merge", partial.string(), (dir / "s0.sqlite").string(),
                                          (dir / "s1.sqlite").string(), (dir / "s2.sqlite").string()});
  INFO(partial_merge.describe());
  REQUIRE(partial_merge.exit_code == 0);
  CHECK(contains(partial_merge.out, "into " + partial.string() + ": 9 of 24 runs"));
  CHECK(contains(partial_merge.out, "15 runs are missing"));

  for (int i = 0; i < 3; ++i) {  // resuming each shard runs only its missing runs
    const auto shard = std::to_string(i) + "/3";
    const auto resumed = sweep_shard(experiment, dir / ("s" + std::to_string(i) + ".sqlite"), shard);
    INFO(resumed.describe());
    REQUIRE(resumed.exit_code == 0);
    CHECK(contains(resumed.out, "Skipped 3 runs already in the database"));
    CHECK(contains(resumed.out, "Shard " + shard + " complete"));
    CHECK(count_runs_in(dir / ("s" + std::to_string(i) + ".sqlite")) == 8);
  }

  const auto merged = dir / "merged.sqlite";
  const auto merge = run_shanzhi({"merge", merged.string(), (dir / "s2.sqlite").string(), (dir / "s0.sqlite").string(),
                                  (dir / "s1.sqlite").string()});
  INFO(merge.describe());
  REQUIRE(merge.exit_code == 0);
  CHECK(contains(merge.out, "Merged 3 databases of experiment tiny_lhs"));
  CHECK(contains(merge.out, ": 24 of 24 runs"));
  CHECK(count_runs_in(merged) == 24);
  CHECK(exported(merged, dir / "merged.csv") == exported(whole, dir / "whole.csv"));
  CHECK(directory_entries(dir.path()) ==
        std::vector<std::string>{"merged.csv", "merged.sqlite", "partial.sqlite", "s0.sqlite", "s1.sqlite",
                                 "s2.sqlite", "whole.csv", "whole.sqlite"});  // no temporary left behind

  // Merging into an existing database keeps its runs and adds only the missing ones.
  const auto topped_up = run_shanzhi({"merge", partial.string(), merged.string()});
  INFO(topped_up.describe());
  REQUIRE(topped_up.exit_code == 0);
  CHECK(contains(topped_up.out, merged.string() + ": 24 runs, 15 added"));
  CHECK(exported(partial, dir / "partial.csv") == read_file(dir / "whole.csv"));
}

TEST_CASE("Merge refuses databases of different experiments", "[experiments][merge]") {
  TempDir dir("merge_mismatch");
  const auto a = dir / "a.sqlite", b = dir / "b.sqlite", out = dir / "out.sqlite";
  REQUIRE(run_shanzhi({"sweep", tiny_lhs(), "--db", a.string(), "--limit", "2"}).exit_code == 0);
  // The same experiment with 30 points instead of 40 (and its base named by full path).
  auto other = read_file(tiny_lhs());
  const auto replace = [&other](const std::string& from, const std::string& to) {
    REQUIRE(other.find(from) != std::string::npos);
    other.replace(other.find(from), from.size(), to);
  };
  replace("samples = 40", "samples = 30");
  replace("base = \"tiny_district.toml\"", "base = \"" + tiny_district() + "\"");
  write_file(dir / "other.toml", other);
  const auto other_sweep = run_shanzhi({"sweep", (dir / "other.toml").string(), "--db", b.string(), "--limit", "2"});
  INFO(other_sweep.describe());
  REQUIRE(other_sweep.exit_code == 0);

  const auto refused = run_shanzhi({"merge", out.string(), a.string(), b.string()});
  INFO(refused.describe());
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "these databases hold different experiments"));
  CHECK(contains(refused.err, a.string() + ": experiment tiny_lhs, hash "));
  CHECK(contains(refused.err, b.string() + ": experiment tiny_lhs, hash "));
  CHECK(contains(refused.err, "Nothing was written"));
  CHECK_FALSE(fs::exists(out));

  // Not a results database, a missing file, the output named as an input: refused too.
  write_file(dir / "notes.txt", "just text, long enough to fill an SQLite header and then some more\n");
  CHECK(run_shanzhi({"merge", out.string(), a.string(), (dir / "notes.txt").string()}).exit_code == 2);
  const auto missing = run_shanzhi({"merge", out.string(), a.string(), (dir / "nowhere.sqlite").string()});
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "nowhere.sqlite: no such results database"));
  const auto self = run_shanzhi({"merge", a.string(), a.string()});
  CHECK(self.exit_code == 2);
  CHECK(contains(self.err, "is both an input and the output"));
  CHECK_FALSE(fs::exists(out));
  CHECK(count_runs_in(a) == 2);
}

TEST_CASE("A bad shard specification exits with code 2", "[experiments][shard]") {
  TempDir dir("shard_errors");
  for (const auto& [shard, message] : std::vector<std::pair<std::string, std::string>>{
           {"3/3", "the index counts from 0, so it must be below 3"},
           {"1", "expected I/N"},
           {"a/4", "I and N must be whole numbers"},
           {"0/0", "N, the number of shards, must be at least 1"}}) {
    const auto r = run_shanzhi({"sweep", tiny_lhs(), "--db", (dir / "x.sqlite").string(), "--shard", shard});
    INFO(r.describe());
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, message));
    CHECK_FALSE(fs::exists(dir / "x.sqlite"));
  }
}
