// `shanzhi run` end to end: the summary it prints, the files it writes, refusing to overwrite
// results, overrides, seeds, thread-count independence, --help and command-line mistakes.

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

/// The manifest records the seed as a JSON string (a 64-bit seed may not fit a double) or number.
bool records_seed(const std::string& manifest, int seed) {
  const std::string n = std::to_string(seed);
  return contains(manifest, "\"seed\": \"" + n + "\"") || contains(manifest, "\"seed\": " + n + ",");
}

std::string small_district() { return (source_dir() / "scenarios" / "small_district.toml").string(); }

/// The first column (week) of every data row of a timeseries.csv.
std::vector<std::string> weeks_of(const std::string& csv) {
  std::vector<std::string> weeks;
  const auto lines = lines_of(csv);
  for (std::size_t i = 1; i < lines.size(); ++i) weeks.push_back(lines[i].substr(0, lines[i].find(',')));
  return weeks;
}

std::vector<std::string> week_numbers(int last) {
  std::vector<std::string> weeks;
  for (int w = 0; w <= last; ++w) weeks.push_back(std::to_string(w));
  return weeks;
}

/// How the manifest's JSON writer spells `text` as a string value.
std::string json_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out;
}

/// A short run of the small district into `out`, with extra arguments.
CliResult quick_run(const fs::path& out, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"run", small_district(), "--weeks", "8", "--burn-in", "4", "--out", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_shanzhi(args);
}

void require_success(const CliResult& r) {
  INFO(r.describe());
  REQUIRE(r.exited);
  REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("cli run: writes a summary — timeseries.csv — outcomes.csv — breakdowns.csv and manifest.json", "[cli][run]") {
  TempDir dir("cli_run");
  const fs::path out = dir / "results";
  const auto r = quick_run(out);
  require_success(r);
  INFO(r.describe());

  CHECK(contains(r.out, "satisfaction_mean"));
  CHECK(contains(r.out, "small_district"));
  CHECK(contains(r.out, out.string()));
  CHECK(r.err.empty());
  CHECK(directory_entries(out) ==
        std::vector<std::string>{"breakdowns.csv", "manifest.json", "outcomes.csv", "timeseries.csv"});
  const std::string breakdowns = read_file(out / "breakdowns.csv");
  CHECK(breakdowns.rfind("week,metric,breakdown,key,value\n", 0) == 0);
  CHECK(contains(breakdowns, "\n8,satisfaction_mean,category,elderly,"));  // the last week is always there

  const std::string timeseries = read_file(out / "timeseries.csv");
  REQUIRE_FALSE(timeseries.empty());
  CHECK(timeseries.rfind("week,", 0) == 0);
  CHECK(contains(lines_of(timeseries).front(), "satisfaction_mean"));
  CHECK(weeks_of(timeseries) == week_numbers(8));  // week 0 = end of burn-in, then 8 weeks

  const std::string outcomes = read_file(out / "outcomes.csv");
  CHECK(outcomes.rfind("metric,", 0) == 0);
  CHECK(contains(outcomes, "\nsatisfaction_mean,"));
  CHECK(lines_of(outcomes).size() > 10);

  const std::string manifest = read_file(out / "manifest.json");
  CHECK(manifest.rfind("{", 0) == 0);
  for (const char* key : {"\"seed\"", "\"git_commit\"", "\"parameters\"", "\"scenario_files\"", "\"weeks\": 8",
                          "\"burn_in_weeks\": 4"}) {
    INFO("manifest key " << key);
    CHECK(contains(manifest, key));
  }
  // The text of the scenario and of the file it extends, so the run can be reproduced from the
  // manifest alone.
  CHECK(contains(manifest, json_escaped(read_file(small_district()))));
  CHECK(contains(manifest, json_escaped(read_file(source_dir() / "scenarios" / "guangling.toml"))));
}

TEST_CASE("cli run: existing results are not overwritten without --force", "[cli][run]") {
  TempDir dir("cli_run");
  const fs::path out = dir / "results";
  require_success(quick_run(out));
  const auto names = directory_entries(out);
  REQUIRE(names.size() == 4);
  std::vector<std::string> before;
  for (const auto& name : names) before.push_back(read_file(out / name));
  const std::string timeseries_before = read_file(out / "timeseries.csv");

  const auto refused = quick_run(out, {"--seed", "5"});
  {
    INFO(refused.describe());
    REQUIRE(refused.exited);
    CHECK(refused.exit_code == 2);
    CHECK(contains(refused.err, "--force"));
    CHECK(contains(refused.err, out.string()));
    CHECK(refused.out.empty());
  }
  CHECK(directory_entries(out) == names);
  for (std::size_t i = 0; i < names.size(); ++i) {
    INFO(names[i] << " must be unchanged");
    CHECK(read_file(out / names[i]) == before[i]);
  }

  const auto forced = quick_run(out, {"--seed", "5", "--force"});
  require_success(forced);
  CHECK(directory_entries(out) == names);
  CHECK(read_file(out / "timeseries.csv") != timeseries_before);  // the seed-5 results replaced the seed-1 ones
  CHECK(records_seed(read_file(out / "manifest.json"), 5));
}

TEST_CASE("cli run: --out naming an existing file is refused", "[cli][run]") {
  TempDir dir("cli_run");
  write_file(dir / "taken", "keep me\n");
  const auto r = quick_run(dir / "taken");
  INFO(r.describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "not a directory"));
  CHECK(read_file(dir / "taken") == "keep me\n");
}

TEST_CASE("cli run: --set run.weeks changes the number of recorded weeks", "[cli][run]") {
  TempDir dir("cli_run");
  const auto r = run_shanzhi({"run", small_district(), "--set", "run.weeks=3", "--burn-in", "2", "--out",
                              (dir / "three").string(), "--quiet"});
  require_success(r);
  CHECK(r.out.empty());  // --quiet
  CHECK(weeks_of(read_file(dir / "three" / "timeseries.csv")) == week_numbers(3));
  const std::string manifest = read_file(dir / "three" / "manifest.json");
  CHECK(contains(manifest, "\"weeks\": 3"));
  CHECK(contains(manifest, "\"run.weeks=3\""));  // listed among the overrides
}

TEST_CASE("cli run: --set may come before the scenario file", "[cli][run]") {
  // Each --set takes exactly one KEY=VALUE; it must not swallow the scenario that follows it.
  TempDir dir("cli_run");
  const auto r = run_shanzhi({"run", "--set", "run.weeks=2", "--set", "run.burn_in_weeks=1", small_district(),
                              "--out", (dir / "o").string(), "--quiet"});
  require_success(r);
  CHECK(weeks_of(read_file(dir / "o" / "timeseries.csv")) == week_numbers(2));

  const auto v = run_shanzhi({"validate", "--set", "run.weeks=2", small_district(), small_district()});
  require_success(v);
  CHECK(lines_of(v.out).size() == 2);
}

TEST_CASE("cli run: --seed is recorded and the same seed gives the same results", "[cli][run]") {
  TempDir dir("cli_run");
  require_success(quick_run(dir / "a", {"--seed", "7", "--quiet"}));
  require_success(quick_run(dir / "b", {"--seed", "7", "--quiet"}));
  require_success(quick_run(dir / "c", {"--seed", "8", "--quiet"}));

  const std::string manifest = read_file(dir / "a" / "manifest.json");
  CHECK(records_seed(manifest, 7));
  CHECK(contains(manifest, "\"run.seed=7\""));

  const std::string a = read_file(dir / "a" / "timeseries.csv");
  REQUIRE_FALSE(a.empty());
  CHECK(a == read_file(dir / "b" / "timeseries.csv"));
  CHECK(read_file(dir / "a" / "outcomes.csv") == read_file(dir / "b" / "outcomes.csv"));
  CHECK(a != read_file(dir / "c" / "timeseries.csv"));  // the seed does reach the model
}

TEST_CASE("cli run: results do not depend on --threads", "[cli][run]") {
  TempDir dir("cli_run");
  require_success(quick_run(dir / "one", {"--threads", "1", "--quiet"}));
  require_success(quick_run(dir / "two", {"--threads", "2", "--quiet"}));
  CHECK(contains(read_file(dir / "one" / "manifest.json"), "\"threads\": 1,"));
  CHECK(contains(read_file(dir / "two" / "manifest.json"), "\"threads\": 2,"));
  const std::string one = read_file(dir / "one" / "timeseries.csv");
  REQUIRE_FALSE(one.empty());
  CHECK(one == read_file(dir / "two" / "timeseries.csv"));
  CHECK(read_file(dir / "one" / "outcomes.csv") == read_file(dir / "two" / "outcomes.csv"));
  CHECK(read_file(dir / "one" / "breakdowns.csv") == read_file(dir / "two" / "breakdowns.csv"));
}

TEST_CASE("cli run: --profile prints the time of each phase", "[cli][run]") {
  TempDir dir("cli_run");
  const auto r = quick_run(dir / "p", {"--profile"});
  require_success(r);
  INFO(r.describe());
  CHECK(contains(r.out, "Time by phase"));
  CHECK(contains(r.out, "satisfaction_mean"));
}

TEST_CASE("cli help: every command documents its options", "[cli][help]") {
  struct Expectation {
    std::vector<std::string> args;
    std::vector<std::string> mentions;
  };
  const std::vector<Expectation> expectations{
      {{"--help"}, {"run", "validate", "params", "--version", "Exit codes"}},
      {{"run", "--help"},
       {"scenario", "--seed", "--weeks", "--burn-in", "--threads", "--out", "--set", "--force", "--quiet",
        "--profile"}},
      {{"validate", "--help"}, {"files", "--set"}},
      {{"params", "--help"}, {"--markdown", "--levers"}},
  };
  for (const auto& e : expectations) {
    const auto r = run_shanzhi(e.args);
    INFO("shanzhi " << e.args.front() << (e.args.size() > 1 ? " " + e.args[1] : std::string()));
    INFO(r.describe());
    REQUIRE(r.exited);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    for (const auto& m : e.mentions) {
      INFO("help should mention " << m);
      CHECK(contains(r.out, m));
    }
  }
}

TEST_CASE("cli: mistakes on the command line exit with code 2", "[cli][usage]") {
  TempDir dir("cli_usage");
  const std::string out = (dir / "out").string();
  const std::vector<std::vector<std::string>> mistakes{
      {},                                                     // no command
      {"frobnicate"},                                         // unknown command
      {"run"},                                                // no scenario
      {"validate"},                                           // no files
      {"run", small_district(), "--weeks", "many", "--out", out},   // not a number
      {"run", small_district(), "--threads", "5000", "--out", out}, // outside 0-1024
      {"run", small_district(), "--bogus", "--out", out},     // unknown option
      {"run", small_district(), "--out"},                     // option without its value
      {"params", "--bogus"},
  };
  for (const auto& args : mistakes) {
    std::string typed = "shanzhi";
    for (const auto& a : args) typed += " " + a;
    INFO(typed);
    const auto r = run_shanzhi(args);
    INFO(r.describe());
    REQUIRE(r.exited);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
  }
  CHECK_FALSE(fs::exists(out));  // nothing ran
}

TEST_CASE("cli: --version and params succeed", "[cli][usage]") {
  const auto version = run_shanzhi({"--version"});
  INFO(version.describe());
  REQUIRE(version.exited);
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("shanzhi ", 0) == 0);

  const auto params = run_shanzhi({"params"});
  require_success(params);
  CHECK(contains(params.out, "workforce.pay_ratio"));
  CHECK(contains(params.out, "purchase.mode"));

  const auto levers = run_shanzhi({"params", "--levers"});
  require_success(levers);
  CHECK(contains(levers.out, "[L3]"));
  CHECK_FALSE(contains(levers.out, "satisfaction.memory"));  // not a lever
  CHECK(lines_of(levers.out).size() < lines_of(params.out).size());
}
