// `shanzhi compare --assumptions` end to end on a one-community district: the files it writes,
// the bands and P(sign) it prints, the drivers of --why, the ranking of several policies,
// identical bytes with 1 and 2 threads, and clear errors (exit 2) for bad factor files and for
// `default` while no assumption has a plausible range.

#include "tests/support/cli_runner.hpp"
#include "models/governance/experiments/assumptions.hpp"
#include "sim/experiments/reported_precision.hpp"
#include "sim/output/csv.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

std::string scenario(const std::string& name) { return (source_dir() / "scenarios" / (name + ".toml")).string(); }

/// Two assumptions the baseline and the package share.
constexpr const char* two_assumptions = R"([[factor]]
key = "needs.rate_scale"
min = 0.8
max = 1.2

[[factor]]
key = "satisfaction.negativity_multiplier"
min = 1.5
max = 2.5
)";

const std::vector<std::string> tiny_district{"--set", "run.burn_in_weeks=52",
                                             "--set", "district.streets=1",
                                             "--set", "district.communities_per_street=1",
                                             "--set", "district.residents_per_community=600",
                                             "--set", "district.residents_per_compound=300",
                                             "--set", "organizations.per_street=3"};

/// compare small_baseline POLICIES... on the tiny district for 60 weeks, 2 replicates, with `extra` options.
CliResult tiny_compare(const std::vector<std::string>& policies, const std::vector<std::string>& extra) {
  std::vector<std::string> args{"compare", scenario("small_baseline")};
  for (const auto& p : policies) args.push_back(scenario(p));
  args.insert(args.end(), {"-r", "2", "--weeks", "60"});
  args.insert(args.end(), tiny_district.begin(), tiny_district.end());
  args.insert(args.end(), extra.begin(), extra.end());
  return run_shanzhi(args);
}

std::vector<std::string> assumption_options(const fs::path& factors, const fs::path& out, int threads) {
  return {"--assumptions", factors.string(), "--draws", "4", "--draw-replicates", "2", "--assumption-district",
          "scenario", "--why", "--why-trajectories", "2", "--threads", std::to_string(threads), "--out", out.string()};
}

std::string row_of(const std::string& csv, const std::string& start) {
  for (const auto& line : lines_of(csv))
    if (line.rfind(start, 0) == 0) return line;
  return "";
}

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  for (auto& cell : shanzhi::sim::split_csv_line(line)) fields.push_back(std::move(cell.text));
  return fields;
}

/// Every line of a CSV file has as many fields as its header (units such as "per 1,000" quoted).
void check_rectangular(const std::string& text) {
  const auto lines = lines_of(text);
  const auto columns = split_fields(lines.front()).size();
  for (const auto& line : lines) {
    INFO(line);
    CHECK(split_fields(line).size() == columns);
  }
}

/// Decimals of the effect printed first on the assumption table's row of `metric`.
int decimals_of_printed_effect(const std::string& out, const std::string& metric) {
  const auto at = out.find("\n  " + metric + " ", out.find("== Effects with their assumption uncertainty =="));
  REQUIRE(at != std::string::npos);
  std::istringstream row(out.substr(at + 3 + metric.size()));
  std::string effect;
  row >> effect;
  const auto point = effect.find('.');
  return point == std::string::npos ? 0 : static_cast<int>(effect.size() - point - 1);
}

}  // namespace

TEST_CASE("Compare --assumptions writes the bands across draws and the drivers", "[cli][compare][assumptions]") {
  TempDir dir("assumptions");
  write_file(dir / "a.toml", two_assumptions);
  const auto result = tiny_compare({"small_district"}, assumption_options(dir / "a.toml", dir / "out", 2));
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "== Effects with their assumption uncertainty =="));
  CHECK(contains(result.out, "10-90% of draws"));
  CHECK(contains(result.out, "2.5-97.5% of draws"));
  CHECK(contains(result.out, "P(sign)"));
  CHECK(contains(result.out, "on the scenarios' own district"));
  CHECK(contains(result.out, "What drives the effect on satisfaction_mean"));
  CHECK(contains(result.out, "1. needs.rate_scale") != contains(result.out, "1. satisfaction.negativity_multiplier"));
  CHECK(contains(result.err, "runs/min, ETA"));

  const auto summary = read_file(dir / "out" / "assumptions.csv");
  CHECK(lines_of(summary).front() ==
        "policy,metric,unit,direction,statistic,effect,effect_low,effect_high,replicates,median,q10,q90,q2.5,q97.5,"
        "p_sign,draws,replicates_per_draw,assumption_district");
  CHECK(contains(row_of(summary, "small_district,satisfaction_mean,"), ",4,2,scenario"));
  const std::size_t metrics = lines_of(summary).size() - 1;

  const auto draws = lines_of(read_file(dir / "out" / "assumption_draws.csv"));
  REQUIRE(draws.size() == 1 + 4);
  CHECK(draws.front().rfind("draw,status,error,needs.rate_scale,satisfaction.negativity_multiplier,policy,", 0) == 0);
  CHECK(draws[1].rfind("0,ok,,", 0) == 0);

  const auto bands = lines_of(read_file(dir / "out" / "assumption_bands.csv"));
  CHECK(bands.front() == "policy,week,metric,median,q10,q90,q2.5,q97.5,draws");
  CHECK(bands.size() == 1 + 61 * metrics);
  CHECK(bands[1].rfind("small_district,0,satisfaction_mean,", 0) == 0);

  const auto drivers = lines_of(read_file(dir / "out" / "drivers.csv"));
  CHECK(drivers.front() == "policy,metric,rank,assumption,mu_star,mu,sigma,trajectories,replicates_per_point");
  CHECK(drivers.size() == 1 + 2 * metrics);
  CHECK_FALSE(fs::exists(dir / "out" / "ranking.csv"));  // one policy: nothing to rank

  const auto json = read_file(dir / "out" / "compare.json");
  CHECK(contains(json, "\"assumptions\": {"));
  CHECK(contains(json, "\"p_sign\""));
  CHECK(contains(json, "\"drivers\": {"));
  CHECK(fs::exists(dir / "out" / "compare.csv"));  // the seed comparison is still written

  check_rectangular(summary);
  CHECK(contains(result.out, "Assumptions most associated with the effect on satisfaction_mean across the 4 draws"));
  const auto screening = read_file(dir / "out" / "assumption_screening.csv");
  CHECK(lines_of(screening).front() == "policy,metric,rank,assumption,spearman_rho,noise_level,draws");
  CHECK(lines_of(screening).size() == 1 + 2 * metrics);  // two assumptions per metric
  check_rectangular(read_file(dir / "out" / "compare.csv"));

  // The printed row is rounded to what its wider uncertainty supports; the file keeps every digit.
  const auto fields = split_fields(row_of(summary, "small_district,satisfaction_mean,"));
  const double seed_half = (std::stod(fields[7]) - std::stod(fields[6])) / 2;
  const double band_half = (std::stod(fields[11]) - std::stod(fields[10])) / 2;
  const int expected = shanzhi::sim::experiments::supported_decimals(std::max(seed_half, band_half), 2);
  CHECK(decimals_of_printed_effect(result.out, "satisfaction_mean") == expected);
}

TEST_CASE("Compare --assumptions gives identical files with 1 and 2 threads", "[cli][compare][assumptions][determinism]") {
  TempDir dir("assumptions-threads");
  write_file(dir / "a.toml", two_assumptions);
  const auto one = tiny_compare({"small_district"}, assumption_options(dir / "a.toml", dir / "one", 1));
  const auto two = tiny_compare({"small_district"}, assumption_options(dir / "a.toml", dir / "two", 2));
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  for (const char* file : {"assumptions.csv", "assumption_draws.csv", "assumption_bands.csv", "drivers.csv"}) {
    INFO(file);
    CHECK(read_file(dir / "one" / file) == read_file(dir / "two" / file));
  }
}

TEST_CASE("Compare --assumptions with several policies reports how often their ranking holds",
          "[cli][compare][assumptions]") {
  TempDir dir("assumptions-ranking");
  write_file(dir / "a.toml", two_assumptions);
  const auto result = tiny_compare({"small_district", "small_baseline"},
                                   {"--assumptions", (dir / "a.toml").string(), "--draws", "3", "--draw-replicates",
                                    "1", "--assumption-district", "scenario", "--out", (dir / "out").string()});
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "how often the draws keep it"));
  const auto ranking = read_file(dir / "out" / "ranking.csv");
  CHECK(lines_of(ranking).front() == "metric,direction,ranking,p_ranking,first,p_first,draws");
  // The baseline against itself has no effect, the package has one: the order must hold or not, in 3 draws.
  CHECK_FALSE(row_of(ranking, "satisfaction_mean,higher,").empty());
  CHECK(contains(row_of(ranking, "satisfaction_mean,"), ",3"));
  CHECK(contains(read_file(dir / "out" / "small_district" / "compare.json"), "\"ranking\": ["));
}

TEST_CASE("Compare --assumptions runs the draws on the small district by default and says so",
          "[cli][compare][assumptions]") {
  TempDir dir("assumptions-small");
  write_file(dir / "a.toml", two_assumptions);
  const auto result = tiny_compare({"small_district"}, {"--assumptions", (dir / "a.toml").string(), "--draws", "2",
                                                        "--draw-replicates", "1", "--out", (dir / "out").string()});
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "on the small district (2 streets × 2 communities × 3,000 residents"));
  CHECK(contains(read_file(dir / "out" / "assumptions.csv"), ",2,1,small\n"));
}

TEST_CASE("Compare --assumptions refuses bad factor files and options with exit code 2", "[cli][compare][assumptions]") {
  TempDir dir("assumptions-errors");
  SECTION("an unknown key, with its place and the nearest key") {
    write_file(dir / "bad.toml", "[[factor]]\nkey = \"needs.rate_scal\"\nmin = 0.8\nmax = 1.2\n");
    const auto result = tiny_compare({"small_district"}, {"--assumptions", (dir / "bad.toml").string()});
    INFO(result.describe());
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "bad.toml:2:7: error: key 'needs.rate_scal': unknown key; did you mean 'needs.rate_scale'?"));
  }
  SECTION("a range outside the key's allowed range") {
    write_file(dir / "wide.toml", "[[factor]]\nkey = \"needs.rate_scale\"\nmin = 0.01\nmax = 1.2\n");
    const auto result = tiny_compare({"small_district"}, {"--assumptions", (dir / "wide.toml").string()});
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "wide.toml:3:7: error: key 'needs.rate_scale':"));
  }
  SECTION("a lever the policy changes, and a control key") {
    write_file(dir / "lever.toml",
               "[[factor]]\nkey = \"purchase.budget_per_community_yuan\"\nmin = 0\nmax = 100000\n\n"
               "[[factor]]\nkey = \"run.seed\"\nmin = 1\nmax = 9\n");
    const auto result = tiny_compare({"small_district"}, {"--assumptions", (dir / "lever.toml").string()});
    INFO(result.describe());
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "lever.toml:1:1: error: key 'purchase.budget_per_community_yuan': differs between"));
    CHECK(contains(result.err, "lever.toml:6:1: error: key 'run.seed': is a control key"));
  }
  SECTION("a missing file") {
    const auto result = tiny_compare({"small_district"}, {"--assumptions", (dir / "none.toml").string()});
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "cannot read parameter file"));
  }
  SECTION("assumption options without --assumptions") {
    const auto result = tiny_compare({"small_district"}, {"--draws", "8"});
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "--draws"));
  }
  SECTION("default while no assumption has a plausible range") {
    if (!shanzhi::gov::default_assumption_factors().empty()) {
      WARN("the schema has plausible ranges now; this case only applies without them");
      return;
    }
    const auto result = tiny_compare({"small_district"}, {"--assumptions", "default", "--out", (dir / "out").string()});
    INFO(result.describe());
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "no assumption key has a plausible range"));
    CHECK_FALSE(fs::exists(dir / "out"));  // refused before anything ran or was made
  }
}
