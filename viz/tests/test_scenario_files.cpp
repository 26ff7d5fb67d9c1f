// Opening and saving runs: a saved file reloads to the same run, errors name file and line.

#include "viz_test_helpers.hpp"

#include "core/csv_export.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace shanzhi;
using namespace shanzhi::viz;
using namespace shanzhi::viz::test;

namespace {
std::filesystem::path temp_file(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "shanzhi_viz_tests";
  std::filesystem::create_directories(dir);
  return dir / name;
}
}  // namespace

TEST_CASE("A saved run reopens to the same parameters and changes and replays identically", "[viz][files]") {
  SimulationController c(tiny_setup(), false);
  c.run_to(3);
  c.wait_until_idle();
  c.change_levers({{"purchase.mode", sim::ParamValue{std::string("commissioned")}},
                   {"admin.task_cut_share", sim::ParamValue{0.55}}}, "two levers");
  c.run_to(8);
  const auto s = settle(c);
  const auto path = temp_file("saved_run.toml");
  save_run_file(path, s->setup);

  const auto reopened = open_run_file(path);
  REQUIRE(reopened.changes.size() == 1);
  CHECK(reopened.changes[0].week == s->setup.changes[0].week);
  CHECK(reopened.changes[0].label == "two levers");
  CHECK(reopened.changes[0].settings == s->setup.changes[0].settings);
  CHECK(reopened.parameters.run.seed == s->setup.parameters.run.seed);

  SimulationController again(reopened, false);
  again.run_to(8);
  const auto r = settle(again);
  for (int week = 0; week <= 8; ++week) CHECK(r->frame_at(week)->metrics == s->frame_at(week)->metrics);
}

TEST_CASE("A bad scenario file is refused with its line and the nearest key", "[viz][files]") {
  const auto path = temp_file("bad.toml");
  std::ofstream(path) << "[admin]\ntask_cut_shar = 0.3\n";
  try {
    (void)open_run_file(path);
    FAIL("expected a ScenarioError");
  } catch (const sim::ScenarioError& e) {
    REQUIRE_FALSE(e.diagnostics().empty());
    const auto text = e.diagnostics().front().format();
    CHECK(text.find("bad.toml:2") != std::string::npos);
    CHECK(text.find("task_cut_share") != std::string::npos);
  }
}

TEST_CASE("A malformed saved change line is refused with its line number", "[viz][files]") {
  const auto path = temp_file("bad_change.toml");
  std::ofstream(path) << "extends = \"" << source_path("viz/tests/data/tiny.toml") << "\"\n"
                      << "#@viz-change week=9 | admin.task_cut_share=7 | too big\n";
  try {
    (void)open_run_file(path);
    FAIL("expected a ScenarioError");
  } catch (const sim::ScenarioError& e) {
    const auto text = e.diagnostics().front().format();
    CHECK(text.find("bad_change.toml:2") != std::string::npos);
  }
}

TEST_CASE("The plotted-data CSV has a week column and one column per metric", "[viz][files]") {
  SimulationController c(tiny_setup(), false);
  c.run_to(2);
  const auto s = settle(c);
  const auto csv = plotted_data_csv(*s);
  const auto header = csv.substr(0, csv.find('\n'));
  CHECK(header.rfind("week,satisfaction_mean", 0) == 0);
  const auto commas = static_cast<std::size_t>(std::count(header.begin(), header.end(), ','));
  CHECK(commas == s->metrics->size());
  CHECK(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) == s->frames.size() + 1);
  // Recorded weeks 0 to 2, as `shanzhi run` writes them (the burn-in is not recorded).
  CHECK(csv.find("\n0,") != std::string::npos);
  CHECK(csv.find("\n2,") != std::string::npos);
  CHECK(csv.find("\n-") == std::string::npos);
}
