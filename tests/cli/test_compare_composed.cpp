// Policies composed on the command line (issue 15): `compare BASE --with KEY=VALUE` and
// `compare BASE P1+P2` must give exactly the runs a hand-written scenario file with the same
// values gives, refuse conflicts and typos with their places, and show progress while running.

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

/// A compare of the one-community district: 2 replicates of 8 weeks after a short burn-in.
CliResult tiny_compare(std::vector<std::string> arms_and_options, const fs::path& out) {
  std::vector<std::string> args{"compare", tiny_district()};
  args.insert(args.end(), arms_and_options.begin(), arms_and_options.end());
  for (const std::string extra : {"-r", "2", "--weeks", "8", "--threads", "1", "--out"}) args.push_back(extra);
  args.push_back(out.string());
  return run_shanzhi(args);
}

/// A policy file on the tiny district setting `body` (TOML tables).
fs::path policy_file(const TempDir& dir, const std::string& name, const std::string& body) {
  write_file(dir / (name + ".toml"), "extends = \"" + tiny_district() + "\"\n[scenario]\nname = \"" + name + "\"\n" + body);
  return dir / (name + ".toml");
}

/// replicates.csv without its header: every replicate's values of every metric.
std::string replicate_values(const fs::path& out) {
  const auto text = read_file(out / "replicates.csv");
  return text.substr(text.find('\n') + 1);
}

}  // namespace

TEST_CASE("compare --with gives the runs of a scenario file with the same values", "[cli][compare][composed]") {
  TempDir dir("compare_with");
  const auto file = policy_file(dir, "budget_and_cut", "[purchase]\nbudget_per_community_yuan = 300000\n[admin]\ntask_cut_share = 0.4\n");
  const auto from_file = tiny_compare({file.string()}, dir / "file");
  const auto from_with = tiny_compare({"--with", "purchase.budget_per_community_yuan=300000", "--with", "admin.task_cut_share=0.4"},
                                      dir / "with");
  INFO(from_with.describe());
  REQUIRE(from_file.exit_code == 0);
  REQUIRE(from_with.exit_code == 0);
  CHECK(replicate_values(dir / "with") == replicate_values(dir / "file"));
  CHECK(contains(from_with.out, "budget_per_community_yuan=300000,task_cut_share=0.4"));
  // The policy's changes are in compare.json with where each came from.
  const auto json = read_file(dir / "with" / "compare.json");
  CHECK(contains(json, "\"key\": \"purchase.budget_per_community_yuan\""));
  CHECK(contains(json, "\"source\": \"--with\""));
  // A progress line while it runs (stderr, plain lines when not a terminal).
  CHECK(contains(from_with.err, "4/4 runs (100%)"));
  // With a policy named, --with changes that policy.
  const auto on_policy = tiny_compare({file.string(), "--with", "admin.task_cut_share=0.2"}, dir / "on_policy");
  REQUIRE(on_policy.exit_code == 0);
  const auto lower = policy_file(dir, "lower", "[purchase]\nbudget_per_community_yuan = 300000\n[admin]\ntask_cut_share = 0.2\n");
  REQUIRE(tiny_compare({lower.string()}, dir / "lower").exit_code == 0);
  CHECK(replicate_values(dir / "on_policy") == replicate_values(dir / "lower"));
  CHECK(replicate_values(dir / "on_policy") != replicate_values(dir / "file"));
}

TEST_CASE("compare P1+P2 applies both policies' changes to the baseline", "[cli][compare][composed]") {
  TempDir dir("compare_plus");
  const auto budget = policy_file(dir, "budget", "[purchase]\nbudget_per_community_yuan = 300000\n");
  const auto cut = policy_file(dir, "cut", "[admin]\ntask_cut_share = 0.4\n");
  const auto both = policy_file(dir, "both", "[purchase]\nbudget_per_community_yuan = 300000\n[admin]\ntask_cut_share = 0.4\n");
  const auto composed = tiny_compare({budget.string() + "+" + cut.string()}, dir / "composed");
  INFO(composed.describe());
  REQUIRE(composed.exit_code == 0);
  REQUIRE(tiny_compare({both.string()}, dir / "both").exit_code == 0);
  CHECK(replicate_values(dir / "composed") == replicate_values(dir / "both"));
  CHECK(contains(composed.out, "budget+cut"));
  // Each change keeps the place it came from.
  CHECK(contains(read_file(dir / "composed" / "compare.json"), "budget.toml:5:"));
}

TEST_CASE("A composed policy refuses conflicts - typos and a missing policy", "[cli][compare][composed]") {
  TempDir dir("compare_refusals");
  const auto low = policy_file(dir, "low", "[purchase]\nbudget_per_community_yuan = 100000\n");
  const auto high = policy_file(dir, "high", "[purchase]\nbudget_per_community_yuan = 300000\n");
  const auto conflict = tiny_compare({low.string() + "+" + high.string()}, dir / "conflict");
  CHECK(conflict.exit_code == 2);
  CHECK(contains(conflict.err, "high.toml:5:"));
  CHECK(contains(conflict.err, "but to 100000.0 by"));
  CHECK(contains(conflict.err, "low.toml:5:"));
  CHECK_FALSE(fs::exists(dir / "conflict"));

  const auto typo = tiny_compare({"--with", "purchase.budget_per_comunity_yuan=300000"}, dir / "typo");
  CHECK(typo.exit_code == 2);
  CHECK(contains(typo.err, "--with: error:"));
  CHECK(contains(typo.err, "did you mean 'purchase.budget_per_community_yuan'"));

  const auto missing_part = tiny_compare({low.string() + "+" + (dir / "nowhere.toml").string()}, dir / "missing");
  CHECK(missing_part.exit_code == 2);
  CHECK(contains(missing_part.err, "nowhere.toml"));

  const auto nothing = run_shanzhi({"compare", tiny_district()});
  CHECK(nothing.exit_code == 2);
  CHECK(contains(nothing.err, "--with KEY=VALUE"));

  // A part that changes nothing is said, not silently taken.
  const auto same = policy_file(dir, "same", "");
  const auto unchanged = tiny_compare({low.string() + "+" + same.string()}, dir / "unchanged");
  CHECK(unchanged.exit_code == 0);
  CHECK(contains(unchanged.err, "changes nothing in the baseline"));
}

TEST_CASE("CSV for spreadsheets: --excel starts each CSV with a UTF-8 byte-order mark", "[cli][compare][export]") {
  TempDir dir("excel");
  const std::string mark = "\xEF\xBB\xBF";
  REQUIRE(tiny_compare({"--with", "admin.task_cut_share=0.4", "--excel"}, dir / "marked").exit_code == 0);
  REQUIRE(tiny_compare({"--with", "admin.task_cut_share=0.4"}, dir / "plain").exit_code == 0);
  for (const std::string file : {"compare.csv", "replicates.csv", "timeseries_bands.csv"}) {
    CAPTURE(file);
    const auto marked = read_file(dir / "marked" / file);
    const auto plain = read_file(dir / "plain" / file);
    CHECK(marked.rfind(mark, 0) == 0);
    CHECK(plain.rfind(mark, 0) != 0);
    CHECK(marked.substr(mark.size()) == plain);  // the mark and nothing else
  }
  CHECK(read_file(dir / "marked" / "compare.json").rfind(mark, 0) != 0);  // JSON never gets one

  write_file(dir / "e.toml", "[experiment]\nname = \"excel\"\nbase = \"" + tiny_district() +
                                 "\"\nweeks = 4\nreplicates = 1\n[design]\nkind = \"lhs\"\nsamples = 2\n"
                                 "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n"
                                 "[[outcome]]\nmetric = \"satisfaction_mean\"\n");
  REQUIRE(run_shanzhi({"sweep", (dir / "e.toml").string(), "--db", (dir / "e.sqlite").string()}).exit_code == 0);
  REQUIRE(run_shanzhi({"export", (dir / "e.sqlite").string(), "--csv", (dir / "marked.csv").string(), "--excel"}).exit_code == 0);
  REQUIRE(run_shanzhi({"export", (dir / "e.sqlite").string(), "--csv", (dir / "plain.csv").string()}).exit_code == 0);
  CHECK(read_file(dir / "marked.csv") == mark + read_file(dir / "plain.csv"));
}

TEST_CASE("compare says for whom: every breakdown cell with its paired interval", "[cli][compare][for_whom]") {
  TempDir dir("for_whom");
  const auto result = tiny_compare({"--with", "purchase.budget_per_community_yuan=400000", "--with", "admin.task_cut_share=0.5"},
                                   dir / "out");
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "for whom: satisfaction_mean by population group"));
  const auto rows = lines_of(read_file(dir / "out" / "for_whom.csv"));
  REQUIRE(rows.size() > 10);
  CHECK(rows.front() == "metric,breakdown,key,unit,baseline,policy,difference,low,high,replicates");
  std::set<std::string> breakdowns;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    // No quoted commas in these keys (one community, English group and category keys).
    std::vector<std::string> fields;
    std::stringstream line(rows[i]);
    for (std::string field; std::getline(line, field, ',');) fields.push_back(field);
    REQUIRE(fields.size() == 10);
    breakdowns.insert(fields[1]);
    const double baseline = std::stod(fields[4]), policy = std::stod(fields[5]), difference = std::stod(fields[6]);
    CHECK(difference == Approx(policy - baseline).margin(1e-9));
    CHECK(std::stod(fields[7]) <= difference);
    CHECK(std::stod(fields[8]) >= difference);
    CHECK(fields[9] == "2");
  }
  CHECK(breakdowns == std::set<std::string>{"category", "community", "group", "street"});
  CHECK(contains(read_file(dir / "out" / "for_whom.csv"), "satisfaction_mean,group,age_80_plus,"));
}

TEST_CASE("A policy equal to the baseline differs from it for nobody", "[cli][compare][for_whom]") {
  // Common random numbers: the same scenario twice gives the same runs, so every breakdown cell's
  // difference and interval are exactly zero.
  TempDir dir("for_whom_null");
  const auto result = tiny_compare({tiny_district()}, dir / "out");
  REQUIRE(result.exit_code == 0);
  const auto rows = lines_of(read_file(dir / "out" / "for_whom.csv"));
  REQUIRE(rows.size() > 10);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CAPTURE(rows[i]);
    CHECK(contains(rows[i], ",0,0,0,2"));
  }
}

TEST_CASE("compare gives the extra public cost per community", "[cli][compare][cost_effectiveness]") {
  // One community: the cost per community is the district's whole difference.
  TempDir dir("per_community");
  const auto result = tiny_compare({"--with", "purchase.budget_per_community_yuan=400000"}, dir / "out");
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "per community: ¥"));
  CHECK(contains(result.out, "over the baseline's 1 communities"));
  const auto json = read_file(dir / "out" / "compare.json");
  CHECK(contains(json, "\"public_cost_difference_yuan_per_community\""));
  CHECK(contains(json, "\"communities\": 1"));
}

TEST_CASE("compare warns when the policy simulates another district", "[cli][compare][composed]") {
  TempDir dir("other_district");
  const auto two_streets = policy_file(dir, "two_streets", "[district]\nstreets = 2\n");
  const auto other = tiny_compare({two_streets.string()}, dir / "other");
  INFO(other.describe());
  REQUIRE(other.exit_code == 0);  // allowed: a planner may mean it
  CHECK(contains(other.err, "two_streets simulates another district than"));
  CHECK(contains(other.err, "district.streets 1 → 2"));
  // A policy on the same district says nothing of the kind.
  const auto same = tiny_compare({"--with", "admin.task_cut_share=0.2"}, dir / "same");
  REQUIRE(same.exit_code == 0);
  CHECK_FALSE(contains(same.err, "another district"));
}
