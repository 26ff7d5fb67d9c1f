// `shanzhi compare` end to end: the files it writes (compare.csv with the cost-effectiveness
// row, timeseries_bands.csv, compare.json), the summary it prints, and identical bytes for the
// same seeds.

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

std::string scenario(const std::string& name) { return (source_dir() / "scenarios" / (name + ".toml")).string(); }

/// The reform package against the baseline on a one-community district, 2 replicates, into `out`.
CliResult tiny_compare(const fs::path& out, const std::string& policy = "small_district") {
  return run_shanzhi({"compare", scenario("small_baseline"), scenario(policy), "-r", "2", "--weeks", "60",
                      "--set", "run.burn_in_weeks=52", "--set", "district.streets=1", "--set",
                      "district.communities_per_street=1", "--set", "district.residents_per_community=600", "--set",
                      "district.residents_per_compound=300", "--set", "organizations.per_street=3", "--threads", "1",
                      "--out", out.string()});
}

/// The line of a CSV whose first field is `key`, or "".
std::string row_of(const std::string& csv, const std::string& key) {
  for (const auto& line : lines_of(csv))
    if (line.rfind(key + ",", 0) == 0) return line;
  return "";
}

}  // namespace

TEST_CASE("Compare writes time bands and cost-effectiveness", "[cli][compare]") {
  TempDir dir("compare");
  const auto result = tiny_compare(dir / "out");
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "cost-effectiveness: satisfaction_mean against the full public cost a year (public_cost_spent_year)"));
  CHECK(contains(result.out, "gain: "));
  CHECK(contains(result.out, "points gained per ¥1m spent a year [95% CI"));
  CHECK(contains(result.out, "per resident: "));
  CHECK(contains(result.out, "timeseries_bands.csv"));

  const auto compare_csv = read_file(dir / "out" / "compare.csv");
  CHECK(lines_of(compare_csv).front().find(",verdict,statistic") != std::string::npos);
  const auto ce_row = row_of(compare_csv, "satisfaction_per_million_yuan");
  CHECK(contains(ce_row, "gain (delta method)"));
  CHECK(contains(ce_row, "public_cost_spent_year"));
  CHECK_FALSE(row_of(compare_csv, "satisfaction_per_100_yuan_per_resident").empty());
  CHECK(contains(row_of(compare_csv, "budget_spent_year"), "paid in the last 52 recorded weeks"));
  CHECK(contains(row_of(compare_csv, "public_cost_spent_year"), "paid in the last 52 recorded weeks"));
  CHECK(contains(row_of(compare_csv, "public_cost_per_resident_spent_year"), "paid in the last 52 recorded weeks"));
  CHECK_FALSE(row_of(compare_csv, "satisfaction_nonvulnerable_mean").empty());

  const auto bands = lines_of(read_file(dir / "out" / "timeseries_bands.csv"));
  REQUIRE(!bands.empty());
  CHECK(bands.front() == "week,metric,arm,mean,lo,hi");
  const std::size_t metrics = lines_of(compare_csv).size() - 3;  // header and the two ratio rows
  CHECK(bands.size() == 1 + 61 * metrics * 3);
  CHECK(contains(bands[1], "0,satisfaction_mean,baseline,"));
  CHECK(contains(bands[2], "0,satisfaction_mean,policy,"));
  CHECK(contains(bands[3], "0,satisfaction_mean,difference,"));

  const auto json = read_file(dir / "out" / "compare.json");
  CHECK(contains(json, "\"cost_effectiveness\""));
  CHECK(contains(json, "\"points_per_million_yuan\": {"));
  CHECK(contains(json, "\"quadrant\": \"gain\""));
  CHECK(contains(json, "\"points_per_100_yuan_per_resident\": {"));
  CHECK(contains(json, "delta method"));
}

TEST_CASE("Compare reads a pay cut as satisfaction lost per yuan saved, not as a gain", "[cli][compare][cost_effectiveness]") {
  TempDir dir("compare");
  const fs::path policy = dir / "pay_cut.toml";
  write_file(policy, "extends = \"" + scenario("small_baseline") + "\"\n[scenario]\nname = \"pay_cut\"\n"
                     "[workforce]\npay_ratio = 0.5\n");
  const auto result =
      run_shanzhi({"compare", scenario("small_baseline"), policy.string(), "-r", "3", "--weeks", "60", "--set",
                   "run.burn_in_weeks=52", "--set", "district.residents_per_community=1500", "--set",
                   "district.residents_per_compound=750", "--threads", "1", "--out", (dir / "out").string()});
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "saving: "));
  CHECK(contains(result.out, "points lost per ¥1m saved a year"));
  CHECK(contains(result.out, "points lost per ¥100 saved a resident a year"));
  CHECK_FALSE(contains(result.out, "points gained per"));
  const auto ce_row = row_of(read_file(dir / "out" / "compare.csv"), "satisfaction_per_million_yuan");
  CHECK(contains(ce_row, ",lower,"));  // for a saving, fewer points lost per ¥ saved is better
  CHECK(contains(ce_row, "saving (delta method)"));
  CHECK(contains(read_file(dir / "out" / "compare.json"), "\"quadrant\": \"saving\""));
}

TEST_CASE("Compare says n/a for cost-effectiveness without extra spending", "[cli][compare]") {
  TempDir dir("compare");
  const auto result = tiny_compare(dir / "out", "policies/burden_reduction");
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "n/a (no difference in annual spending)"));
  const auto ce_row = row_of(read_file(dir / "out" / "compare.csv"), "satisfaction_per_million_yuan");
  CHECK(contains(ce_row, "n/a: no difference in annual spending"));
  CHECK(contains(read_file(dir / "out" / "compare.json"), "\"points_per_million_yuan\": null"));
}

TEST_CASE("Compare outputs are identical bytes for the same seeds", "[cli][compare]") {
  TempDir dir("compare");
  REQUIRE(tiny_compare(dir / "a").exit_code == 0);
  REQUIRE(tiny_compare(dir / "b").exit_code == 0);
  for (const char* file : {"timeseries_bands.csv", "compare.csv", "replicates.csv"}) {
    INFO(file);
    CHECK(read_file(dir / "a" / file) == read_file(dir / "b" / file));
  }
}

TEST_CASE("Compare with several policies writes one folder per policy", "[cli][compare]") {
  TempDir dir("compare");
  const auto result =
      run_shanzhi({"compare", scenario("small_baseline"), scenario("small_district"), scenario("policies/burden_reduction"),
                   "-r", "2", "--weeks", "8", "--set", "run.burn_in_weeks=4", "--set", "district.streets=1", "--set",
                   "district.communities_per_street=1", "--set", "district.residents_per_community=600", "--set",
                   "district.residents_per_compound=300", "--set", "organizations.per_street=3", "--out",
                   (dir / "out").string()});
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "6 runs"));
  CHECK(contains(result.out, "== small_district against small_baseline =="));
  CHECK(contains(result.out, "== burden_reduction against small_baseline =="));
  // The policies ranked by their cost-effectiveness against the full public cost: the package
  // (a gain) before burden reduction (no cost difference worth a ratio).
  const auto ranking = result.out.find("cost-effectiveness ranking (full public cost");
  REQUIRE(ranking != std::string::npos);
  const auto first = result.out.find("1. small_district", ranking);
  const auto second = result.out.find("2. burden_reduction", ranking);
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(directory_entries(dir / "out") == std::vector<std::string>{"burden_reduction", "small_district"});
  for (const char* policy : {"burden_reduction", "small_district"})
    for (const char* file : {"compare.csv", "replicates.csv", "timeseries_bands.csv", "compare.json"}) {
      INFO(policy << "/" << file);
      CHECK(fs::exists(dir / "out" / policy / file));
    }
}
