// The burn-in as the window runs it: at full speed and unrecorded before the run is shown, with
// its progress in the status line, and a run that is still the headless one bit for bit.

#include "viz_test_helpers.hpp"

#include "core/i18n.hpp"
#include "core/run_status.hpp"
#include "models/governance/model.hpp"
#include "models/governance/spec/validation.hpp"

#include <catch2/catch.hpp>

#include <cstring>

using namespace shanzhi;
using namespace shanzhi::viz;
using namespace shanzhi::viz::test;

namespace {

/// Whether two rows hold the same bits (NaN included), not only equal values.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

std::vector<double> recorder_row(const sim::MetricRecorder& recorder, std::size_t row) {
  std::vector<double> values(recorder.metrics().size());
  for (std::size_t m = 0; m < values.size(); ++m) values[m] = recorder.value(row, m);
  return values;
}

}  // namespace

TEST_CASE("The window's run is the headless run of the same scenario and seed, bit for bit", "[viz][settling]") {
  const auto path = source_path("viz/tests/data/tiny.toml");
  // What `shanzhi run` does (cli/run_command.cpp).
  gov::GovernanceModel headless(gov::load_governance_scenario(path, {}).parameters);
  headless.run_to_end();

  SimulationController window_run(open_run_file(path), false);
  window_run.run_to(headless.horizon_weeks());
  const auto s = settle(window_run);
  REQUIRE(s->finished());
  const auto& recorder = headless.recorder();
  REQUIRE(s->frames.size() == recorder.row_count());
  for (std::size_t row = 0; row < recorder.row_count(); ++row) {
    INFO("row " << row);
    CHECK(s->frames[row]->week == recorder.week_of_row(row));
    CHECK(same_bits(s->frames[row]->metrics, recorder_row(recorder, row)));
  }
}

TEST_CASE("A run shown again continues from the settled district and matches a fresh one", "[viz][settling]") {
  auto setup = tiny_setup();
  setup.changes.push_back({4 + 3, {{"admin.task_cut_share", sim::ParamValue{0.6}}}, "cut"});
  SimulationController fresh(setup, false);
  fresh.run_to(12);
  const auto a = settle(fresh);

  // The second load is the same district and seed up to the reform: it starts from the first
  // run's settled state instead of running the burn-in again.
  SimulationController reused(tiny_setup(), false);
  reused.run_to(2);
  reused.wait_until_idle();
  reused.load(setup, 12);
  const auto b = settle(reused);
  REQUIRE(b->recorded_week() == 12);
  for (int week = 0; week <= 12; ++week) {
    INFO("week " << week);
    CHECK(same_bits(b->frame_at(week)->metrics, a->frame_at(week)->metrics));
  }
}

TEST_CASE("A baseline twin asked for while the district settles retraces the run", "[viz][settling]") {
  SimulationController c(tiny_setup(), false);
  c.set_compare(true);  // before the burn-in is over
  c.run_to(8);
  const auto s = settle(c);
  REQUIRE(s->compare_active);
  REQUIRE(s->baseline_rows.size() == s->frames.size());
  CHECK(s->frames.front()->week == 0);
  for (std::size_t i = 0; i < s->frames.size(); ++i) CHECK(same_bits(s->frames[i]->metrics, *s->baseline_rows[i]));
}

TEST_CASE("While the district settles the status counts the burn-in in both languages", "[viz][settling]") {
  Snapshot s;
  s.status_key = "status.settling";
  s.burn_in_weeks = 47;
  s.model_week = 10;
  CHECK(settling_percent(s) == 21);
  set_language(Language::en);
  CHECK(run_status_text(s).find("Settling the district") != std::string::npos);
  CHECK(run_status_text(s).find("21%") != std::string::npos);
  set_language(Language::zh);
  CHECK(run_status_text(s).find("预热") != std::string::npos);
  CHECK(run_status_text(s).find("21%") != std::string::npos);
  set_language(Language::en);
  s.model_week = 47;
  CHECK(settling_percent(s) == 100);
  s.status_key = "status.paused";
  CHECK(settling_percent(s) == -1);
  CHECK(run_status_text(s) == "Paused");
}

TEST_CASE("A run loaded while the previous one settles takes its district over and matches a fresh run", "[viz][settling]") {
  // A long burn-in, so that the second load arrives while the first run still settles (as a
  // lesson started at launch does); the second run has other reform levers and a later change.
  const auto with = [](RunSetup setup, const std::string& key, sim::ParamValue value) {
    setup.document.values.insert_or_assign(key, std::pair{value, sim::SourceLocation{}});
    setup.parameters = gov::parameters_with(setup.document, {});
    return setup;
  };
  const auto first = with(tiny_setup(), "run.burn_in_weeks", sim::ParamValue{std::int64_t{300}});
  auto second = with(first, "admin.task_cut_share", sim::ParamValue{0.6});
  second.changes.push_back({300 + 3, {{"admin.appraisals_per_year", sim::ParamValue{std::int64_t{4}}}}, "fewer appraisals"});

  SimulationController taken_over(first, false);
  taken_over.load(second, 10);
  const auto a = settle(taken_over);
  SimulationController fresh(second, false);
  fresh.run_to(10);
  const auto b = settle(fresh);
  REQUIRE(a->recorded_week() == 10);
  CHECK(a->active_parameters.admin.task_cut_share == Approx(0.6));
  for (int week = 0; week <= 10; ++week) {
    INFO("week " << week);
    CHECK(same_bits(a->frame_at(week)->metrics, b->frame_at(week)->metrics));
  }
}
