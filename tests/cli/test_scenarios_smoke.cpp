// Every scenario shipped in scenarios/ must validate and run. Each runs for a few weeks on a
// shrunken district (the structure and levers of the file, far fewer residents), so the whole
// set takes seconds; a failure names the file.

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

/// Every *.toml under scenarios/, recursively, except in directories named experiments,
/// lessons, optimize or calibrate (experiment designs, teaching material, optimization and
/// calibration files, not scenarios; tests/optimization/ loads the last two), sorted.
std::vector<fs::path> shipped_scenarios() {
  std::vector<fs::path> files;
  const fs::path root = source_dir() / "scenarios";
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const auto name = it->path().filename().string();
    if (it->is_directory()) {
      if (name == "experiments" || name == "lessons" || name == "optimize" || name == "calibrate")
        it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".toml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// Problems with the data rows of a timeseries.csv: a field that is not a finite number.
std::vector<std::string> non_finite_fields(const std::string& csv) {
  std::vector<std::string> problems;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  for (int row = 1; std::getline(in, line); ++row) {
    std::istringstream fields(line);
    std::string field;
    for (int column = 1; std::getline(fields, field, ','); ++column) {
      char* end = nullptr;
      const double value = std::strtod(field.c_str(), &end);
      if (field.empty() || end != field.c_str() + field.size() || !std::isfinite(value))
        problems.push_back("row " + std::to_string(row) + " column " + std::to_string(column) + ": '" + field + "'");
    }
  }
  return problems;
}

std::string lowercase(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

TEST_CASE("scenarios: every shipped scenario validates and runs", "[cli][scenarios]") {
  const auto files = shipped_scenarios();
  REQUIRE_FALSE(files.empty());
  CHECK(std::find(files.begin(), files.end(), source_dir() / "scenarios" / "guangling.toml") != files.end());

  TempDir dir("cli_smoke");
  for (const auto& file : files) {
    const std::string relative = fs::relative(file, source_dir()).string();
    INFO("scenario " << relative);

    const auto validated = run_shanzhi({"validate", relative});
    {
      INFO(validated.describe());
      REQUIRE(validated.exited);
      CHECK(validated.exit_code == 0);
      CHECK(validated.out.rfind(relative + ": ok", 0) == 0);
      CHECK_FALSE(lowercase(validated.err).find("error") != std::string::npos);
    }

    const fs::path out = dir / fs::relative(file, source_dir() / "scenarios").replace_extension();
    const auto ran = run_shanzhi({"run", relative, "--weeks", "3", "--burn-in", "2", "--set",
                                  "district.residents_per_community=300", "--set", "district.communities_per_street=2",
                                  "--set", "run.spin_up_years=2",
                                  "--out", out.string(), "--quiet"});
    INFO(ran.describe());
    REQUIRE(ran.exited);
    CHECK(ran.exit_code == 0);
    const std::string csv = read_file(out / "timeseries.csv");
    CHECK(csv.rfind("week,", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 4);  // header + weeks 0..3
    const auto bad = non_finite_fields(csv);
    INFO("first non-finite field: " << (bad.empty() ? std::string("none") : bad.front()));
    CHECK(bad.empty());
    const std::string data_rows = lowercase(csv.substr(std::min(csv.find('\n'), csv.size())));
    CHECK(data_rows.find("nan") == std::string::npos);  // (the header may hold words like "finance")
    CHECK(data_rows.find("inf") == std::string::npos);
    CHECK(fs::exists(out / "outcomes.csv"));
    CHECK(fs::exists(out / "manifest.json"));
  }
}
