// viz_lesson_wait: how long a class waits for a lesson's first step, measured on the simulation
// thread without a window (the window's own rendering, software OpenGL under Xvfb, would take
// most of a 2-core machine and blur the figure). Prints the seconds until the default district
// is shown at week 0, then until lesson 3's first step is shown when the trainer starts it after
// that (it continues from the settled district), then the same with lesson 3's former seed 13,
// which needs a district of its own. docs/viz.md quotes its output.
#include "core/lessons.hpp"
#include "core/scenario_files.hpp"
#include "core/sim_thread.hpp"
#include "models/governance/spec/validation.hpp"

#include <chrono>
#include <cstdio>

using namespace shanzhi;
using namespace shanzhi::viz;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// Loads `setup` to week 0 and returns how long until the controller was idle there.
double seconds_to_week_0(SimulationController& controller, RunSetup setup) {
  const auto start = Clock::now();
  controller.load(std::move(setup), 0, false);
  controller.wait_until_idle();
  return seconds_since(start);
}

}  // namespace

int main() {
  const std::string root = SHANZHI_SOURCE_DIR;
  const auto launched = Clock::now();
  SimulationController controller(open_run_file(root + "/scenarios/guangling.toml"), false);
  controller.wait_until_idle();
  std::printf("default district built and settled, week 0 shown: %.2f s\n", seconds_since(launched));

  const auto lesson = load_lesson(root + "/scenarios/lessons/03_resident_evaluation.toml");
  std::printf("lesson 3 started after that, first step shown: %.2f s\n",
              seconds_to_week_0(controller, lesson_setup(lesson, 0)));

  auto own_district = lesson_setup(lesson, 0);
  own_district.document.values.insert_or_assign("run.seed", std::pair{sim::ParamValue{std::int64_t{13}}, sim::SourceLocation{}});
  own_district.parameters = gov::parameters_with(own_district.document, {});
  std::printf("the same with seed 13 (a district of its own), first step shown: %.2f s\n",
              seconds_to_week_0(controller, own_district));
}
