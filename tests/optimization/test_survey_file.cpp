// Reading survey data (`calibrate --data`): a CSV file as spreadsheet programs write it, and
// messages that speak of CSV, not of TOML or scenario files.

#include "models/governance/experiments/experiment_runner.hpp"
#include "sim/optimization/survey.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

namespace opt = shanzhi::sim::optimization;
using namespace shanzhi::cli_test;

namespace {

std::string survey_error(const std::filesystem::path& file) {
  try {
    (void)opt::read_survey(file, shanzhi::gov::experiment_schema().metrics, shanzhi::sim::experiments::Statistic::mean_last_year);
  } catch (const shanzhi::sim::ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("A survey CSV with a UTF-8 byte-order mark reads as without one", "[optimization][survey]") {
  TempDir dir("survey_bom");
  const std::string body = "metric,value,se\nsatisfaction_mean,70,0.5\n";
  write_file(dir / "plain.csv", body);
  write_file(dir / "bom.csv", "\xEF\xBB\xBF" + body);
  const auto& metrics = shanzhi::gov::experiment_schema().metrics;
  const auto plain = opt::read_survey(dir / "plain.csv", metrics, shanzhi::sim::experiments::Statistic::mean_last_year);
  const auto bom = opt::read_survey(dir / "bom.csv", metrics, shanzhi::sim::experiments::Statistic::mean_last_year);
  REQUIRE(bom.size() == 1);
  CHECK(bom[0].target.metric == plain[0].target.metric);
  CHECK(bom[0].value == plain[0].value);
}

TEST_CASE("Survey file problems are described as CSV problems", "[optimization][survey]") {
  TempDir dir("survey_words");
  write_file(dir / "binary.csv", std::string("metric,value\0,se\n", 17));
  const auto binary = survey_error(dir / "binary.csv");
  CHECK(contains(binary, "not CSV text"));
  CHECK_FALSE(contains(binary, "TOML"));
  std::filesystem::create_directories(dir / "folder.csv");
  const auto folder = survey_error(dir / "folder.csv");
  CHECK(contains(folder, "not a CSV file"));
  CHECK_FALSE(contains(folder, "scenario"));
}

TEST_CASE("Survey values and standard errors that would overflow a residual are refused when read", "[optimization][survey]") {
  TempDir dir("survey_huge");
  write_file(dir / "huge.csv", "metric,value,se\nsatisfaction_mean,1e308,0.5\nsatisfied_share,0.8,1e-300\n");
  const auto message = survey_error(dir / "huge.csv");
  CHECK(contains(message, "huge.csv:2:19: error: key 'value': expected a value of at most 1e12 in size"));
  CHECK(contains(message, "huge.csv:3:21: error: key 'se': expected a standard error between 1e-9 and 1e12"));
}
