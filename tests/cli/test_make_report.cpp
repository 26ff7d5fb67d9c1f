// scripts/make_report.sh --quick end to end: the report (results/README.md and the PNG figures)
// is regenerated from `shanzhi compare` outputs into a scratch folder, twice (idempotent).

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <sys/wait.h>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

/// Runs the report script in --quick mode into `out`; returns its exit status (-1 if not exited).
int make_quick_report(const fs::path& out, const fs::path& log) {
  const std::string command = "bash '" + (source_dir() / "scripts" / "make_report.sh").string() + "' --quick --out '" +
                              out.string() + "' --shanzhi '" + shanzhi_binary().string() + "' >'" + log.string() +
                              "' 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool is_png(const fs::path& file) { return read_file(file).rfind("\x89PNG\r\n\x1a\n", 0) == 0; }

}  // namespace

TEST_CASE("make_report.sh --quick regenerates the README and figures", "[cli][report]") {
  TempDir dir("report");
  const auto out = dir / "results";
  // A previous report is replaced, not added to.
  write_file(out / "README.md", "stale report\n");
  write_file(out / "figures" / "lever_effects.png", "stale figure");
  write_file(out / "runs" / "report-data" / "compare" / "baseline" / "stale" / "compare.csv", "stale");
  INFO(read_file(dir / "report.log"));
  REQUIRE(make_quick_report(out, dir / "report.log") == 0);
  for (const char* figure : {"satisfaction_over_time.png", "lever_effects.png", "who_gains.png", "cost_effectiveness.png",
                             "assumption_bands.png"}) {
    INFO(figure);
    REQUIRE(fs::exists(out / "figures" / figure));
    CHECK(fs::file_size(out / "figures" / figure) > 10'000);
    CHECK(is_png(out / "figures" / figure));
  }
  const auto readme = read_file(out / "README.md");
  CHECK_FALSE(contains(readme, "stale"));
  CHECK(contains(readme, "# 结果报告 Results report"));
  CHECK(contains(readme, "scripts/make_report.sh --quick"));
  CHECK(contains(readme, "![satisfaction over time](figures/satisfaction_over_time.png)"));
  CHECK(contains(readme, "| 全套改革方案 Full reform package | 基线 baseline |"));
  CHECK_FALSE(contains(readme, "| n/a | n/a | n/a |"));  // the package row has its effects
  // (e): the package across draws of the assumptions, rounded to what the bands support.
  CHECK(contains(readme, "## (e) 模型假设的不确定性"));
  CHECK(contains(readme, "![assumption bands](figures/assumption_bands.png)"));
  CHECK(contains(readme, "(8 of 8 draws ran)"));
  CHECK(contains(readme, "| `satisfaction_mean` | +"));
  CHECK(contains(readme, "1. `"));  // the screen's strongest assumption
  CHECK(fs::exists(out / "runs" / "report-data" / "assumptions" / "assumption_screening.csv"));
  CHECK(fs::exists(out / "runs" / "report-data" / "compare" / "baseline" / "guangling" / "timeseries_bands.csv"));
  CHECK_FALSE(fs::exists(out / "runs" / "report-data" / "compare" / "baseline" / "stale"));
}

TEST_CASE("make_report.sh rejects unknown options with exit code 2", "[cli][report]") {
  TempDir dir("report");
  const std::string command = "bash '" + (source_dir() / "scripts" / "make_report.sh").string() +
                              "' --no-such-option >'" + (dir / "log").string() + "' 2>&1";
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(contains(read_file(dir / "log"), "unknown option '--no-such-option'"));
}
