// The simulation thread and its snapshots, without a window: commands, burn-in, stepping,
// lever changes as recorded events, refused changes, replays and compare mode.

#include "viz_test_helpers.hpp"

#include "models/governance/spec/parameter_schema.hpp"

#include <catch2/catch.hpp>

using namespace shanzhi;
using namespace shanzhi::viz;
using namespace shanzhi::viz::test;

namespace {

double metric_at(const Snapshot& s, const char* name, int week) {
  const int m = metric_index(s, name);
  REQUIRE(m >= 0);
  const auto* f = s.frame_at(week);
  REQUIRE(f != nullptr);
  return f->metrics[static_cast<std::size_t>(m)];
}

}  // namespace

TEST_CASE("A paused controller runs the burn-in and stops at recorded week 0", "[viz][sim_thread]") {
  SimulationController c(tiny_setup(), false);
  const auto s = settle(c);
  REQUIRE(s->shape != nullptr);
  CHECK(s->burn_in_weeks == 4);
  CHECK(s->frames.size() == 1);  // the burn-in is not recorded, as in `shanzhi run`
  CHECK(s->frames.front()->week == 0);
  CHECK(s->recorded_week() == 0);
  CHECK_FALSE(s->playing);
  CHECK(s->status_key == "status.paused");
  CHECK(s->shape->communities.size() == 2);
  CHECK(s->shape->residents_per_cell == 1);  // 1,200 residents: one dot each
  CHECK(s->frames.back()->cell_satisfaction.size() == 1200);
}

TEST_CASE("Step and run-to advance exactly and earlier snapshots stay unchanged", "[viz][sim_thread]") {
  SimulationController c(tiny_setup(), false);
  const auto before = settle(c);
  c.step_week();
  const auto one = settle(c);
  CHECK(one->recorded_week() == 1);
  CHECK(before->recorded_week() == 0);  // immutable
  CHECK(before->frames.size() == 1);
  c.run_to(10);
  const auto ten = settle(c);
  CHECK(ten->recorded_week() == 10);
  CHECK_FALSE(ten->playing);
  // Frames are shared, not copied: the same week is the same object in both snapshots.
  CHECK(ten->frames[1].get() == one->frames[1].get());
  c.run_to(1000);
  const auto end = settle(c);
  CHECK(end->finished());
  CHECK(end->recorded_week() == 30);
}

TEST_CASE("A lever change is a recorded event from the next week and a replay reproduces it", "[viz][sim_thread]") {
  SimulationController c(tiny_setup(), false);
  c.run_to(5);
  c.wait_until_idle();  // commands are asynchronous: let the run reach week 5 first
  c.change_levers({{"admin.task_cut_share", sim::ParamValue{0.7}}}, "cut tasks");
  c.run_to(12);
  const auto s = settle(c);
  CHECK(s->active_parameters.admin.task_cut_share == Approx(0.7));
  REQUIRE(s->setup.changes.size() == 1);
  CHECK(s->setup.changes[0].week == 4 + 5);  // model week = burn-in + recorded week
  bool marked = false;
  for (const auto& e : s->events) marked = marked || (e.label == "cut tasks" && e.week == 5);
  CHECK(marked);

  // Same setup (scenario, seed, change at the same week) → bit-identical run.
  SimulationController replay(s->setup, false);
  replay.run_to(12);
  const auto r = settle(replay);
  for (int week = 1; week <= 12; ++week) {
    CHECK(metric_at(*r, "satisfaction_mean", week) == metric_at(*s, "satisfaction_mean", week));
    CHECK(metric_at(*r, "worker_admin_share", week) == metric_at(*s, "worker_admin_share", week));
  }
}

TEST_CASE("An invalid lever value is refused with a message and the run goes on", "[viz][sim_thread]") {
  SimulationController c(tiny_setup(), false);
  c.run_to(2);
  c.wait_until_idle();
  c.change_levers({{"admin.task_cut_share", sim::ParamValue{5.0}}}, "too much");
  c.run_to(4);
  const auto s = settle(c);
  CHECK(s->error.find("admin.task_cut_share") != std::string::npos);
  CHECK(s->error_serial == 1);
  CHECK(s->setup.changes.empty());
  CHECK(s->recorded_week() == 4);
}

TEST_CASE("Changes during burn-in wait for the first recorded week", "[viz][sim_thread]") {
  auto setup = tiny_setup();
  setup.changes.push_back({1, {{"admin.task_cut_share", sim::ParamValue{0.5}}}, "early"});
  SimulationController c(setup, false);
  const auto s = settle(c);
  REQUIRE(s->setup.changes.size() == 1);
  CHECK(s->setup.changes[0].week == 5);
  // Week 0 is the end of burn-in: levers still at their pre-reform values.
  CHECK(s->active_parameters.admin.task_cut_share == Approx(0.0));
  c.run_to(1);
  CHECK(settle(c)->active_parameters.admin.task_cut_share == Approx(0.3));  // the scenario's reform
  c.run_to(2);
  CHECK(settle(c)->active_parameters.admin.task_cut_share == Approx(0.5));  // then the change
}

TEST_CASE("Reset starts again with a new seed and without mid-run changes", "[viz][sim_thread]") {
  SimulationController c(tiny_setup(), false);
  c.run_to(3);
  c.wait_until_idle();
  c.change_levers({{"admin.task_cut_share", sim::ParamValue{0.6}}}, "cut");
  c.run_to(5);
  const auto first = settle(c);
  c.reset(99);
  const auto s = settle(c);
  CHECK(s->run_id == first->run_id + 1);
  CHECK(s->seed == 99);
  CHECK(s->setup.changes.empty());
  CHECK(s->recorded_week() == 0);
  CHECK(s->frame_at(0)->metrics != first->frame_at(0)->metrics);
}

TEST_CASE("Compare mode: the twin matches the run until the branch and then keeps its levers", "[viz][sim_thread]") {
  SimulationController c(tiny_setup(), false);
  c.run_to(6);
  c.wait_until_idle();
  c.set_compare(true);
  c.change_levers({{"purchase.budget_per_community_yuan", sim::ParamValue{0.0}},
                   {"admin.task_cut_share", sim::ParamValue{0.0}}}, "austerity");
  c.run_to(20);
  const auto s = settle(c);
  REQUIRE(s->compare_active);
  CHECK(s->compare_from_week == 6);
  REQUIRE(s->baseline_rows.size() == s->frames.size());
  const int m = metric_index(*s, "worker_admin_share");
  const auto diff = difference_series(*s, static_cast<std::size_t>(m));
  REQUIRE(!diff.x.empty());
  CHECK(diff.x.front() == 6);
  // Before the change takes effect the runs are identical (common random numbers).
  for (std::size_t i = 0; i < s->frames.size(); ++i)
    if (s->frames[i]->week <= 6) CHECK(s->frames[i]->metrics == *s->baseline_rows[i]);
  // After it, cutting the task cut raises the admin share against the baseline.
  CHECK(diff.y.back() > 0);
  c.set_compare(false);
  CHECK_FALSE(settle(c)->compare_active);
}
