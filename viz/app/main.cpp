// shanzhi-viz: the Dear ImGui front end. `shanzhi-viz [SCENARIO]` opens the window on a scenario
// (default: scenarios/guangling.toml); `--frames N --screenshot FILE` renders N frames, writes the
// last one as PNG and prints frame times (the CI smoke test and docs/viz.md use it).
// Exit codes: 0 ok, 1 runtime failure (no display, cannot write), 2 bad input (usage, scenario).

#include "app/app.hpp"
#include "core/classroom/server.hpp"
#include "core/scenario_files.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  using namespace shanzhi::viz;
  CLI::App cli{"shanzhi-viz: run, watch, steer and compare the Shanzhi governance model (善治)"};
  std::string scenario = std::string(SHANZHI_SOURCE_DIR) + "/scenarios/guangling.toml";
  std::string language = "en";
  AppOptions options;
  cli.add_option("scenario", scenario, "Scenario file (TOML); default scenarios/guangling.toml");
  cli.add_option("--lang", language, "Language of the interface: en or zh (switchable in the window)")
      ->check(CLI::IsMember({"en", "zh"}));
  cli.add_option("--frames", options.frames, "Render this many frames, print frame times and exit")
      ->check(CLI::Range(1, 1000000));
  cli.add_option("--screenshot", options.screenshot, "With --frames: write the last frame as PNG to this file");
  std::vector<std::string> sets;
  cli.add_option("--after-week", options.demo_after_week,
                 "Open the views below once the run reaches this recorded week (default 0)");
  cli.add_flag("--compare", options.compare, "Turn compare mode on");
  cli.add_option("--lesson", options.lesson, "Start lesson N of scenarios/lessons/ (1 = first by name)")
      ->check(CLI::Range(1, 100));
  cli.add_flag("--time-lesson", options.time_lesson,
               "With --lesson and --frames: print the seconds from launch until the lesson's first step is shown "
               "(its run at recorded week 0, the reform) and until the step has run, then exit");
  cli.add_option("--plot", options.plots,
                 "Plot this recorded metric above the dashboards, as if picked with 'Plot a metric' (repeatable)");
  cli.add_option("--inspect", options.inspect_cell, "Select map cell N into the inspector")->check(CLI::Range(0, 10000000));
  cli.add_option("--set", sets, "Apply a lever change KEY=VALUE (recorded policy event), e.g. admin.task_cut_share=0.6");
  cli.add_option("--open", options.open, "Open this scenario file as from the File menu (errors show in the window)");
  cli.add_option("--open-planning", options.open_planning,
                 "Open this optimization database (shanzhi optimize) in the Planning tab (errors show in the window)");
  cli.add_option("--open-uncertainty", options.open_uncertainty,
                 "Open the output folder of `shanzhi compare --assumptions` in the Compare tab (errors show in the window)");
  cli.add_option("--select-point", options.select_point,
                 "With --open-planning: select the policy of evaluation N (the `evaluation` column of the optimize CSV, "
                 "0 = first evaluated)")
      ->check(CLI::Range(0, 10000000));
  cli.add_option("--load-point", options.load_point,
                 "With --open-planning: load the policy of evaluation N as a run, in compare mode against the base scenario")
      ->check(CLI::Range(0, 10000000));
  cli.add_option("--classroom", options.classroom,
                 "Classroom mode: serve the student page on HOST:PORT of the classroom network (e.g. 192.168.1.10:8080; "
                 "port 0: any free port) and show the join code in the Classroom tab. Off unless given.");
  cli.add_option("--classroom-play", options.classroom_play,
                 "With --classroom: play the shared run at this many weeks per second once the class is ready")
      ->check(CLI::Range(0.25, 8.0));
  cli.add_option("--width", options.width, "Window width in pixels (default: 90% of the screen, at least 1280)")->check(CLI::Range(640, 7680));
  cli.add_option("--height", options.height, "Window height in pixels (default: 90% of the screen, at least 800)")->check(CLI::Range(480, 4320));
  cli.footer("Exit codes: 0 success, 1 runtime failure (e.g. no display), 2 bad input.");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : 2;
  }
  if (!options.screenshot.empty() && options.frames == 0) {
    std::cerr << "shanzhi-viz: --screenshot needs --frames N (the frame to capture)\n";
    return 2;
  }
  if (!options.classroom.empty()) {
    shanzhi::viz::classroom::ListenAddress address;
    std::string error;
    if (!shanzhi::viz::classroom::parse_listen_address(options.classroom, address, error)) {
      std::cerr << "shanzhi-viz: --classroom: " << error << "\n";
      return 2;
    }
  }
  if (options.classroom_play > 0 && options.classroom.empty()) {
    std::cerr << "shanzhi-viz: --classroom-play needs --classroom HOST:PORT\n";
    return 2;
  }
  if ((options.select_point >= 0 || options.load_point >= 0) && options.open_planning.empty()) {
    std::cerr << "shanzhi-viz: --select-point and --load-point need --open-planning DB\n";
    return 2;
  }
  parse_language(language, options.language);
  try {
    options.setup = open_run_file(scenario);
  } catch (const shanzhi::sim::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
    if (e.diagnostics().empty()) std::cerr << e.what() << "\n";
    return 2;
  }
  for (const auto& assignment : sets) {
    shanzhi::sim::ScenarioDocument scratch;
    try {
      shanzhi::sim::apply_override(scratch, assignment, shanzhi::gov::governance_schema().infos());
    } catch (const shanzhi::sim::ScenarioError& e) {
      for (const auto& d : e.diagnostics()) std::cerr << "shanzhi-viz: --set: " << d.format() << "\n";
      return 2;
    }
    for (const auto& [key, value] : scratch.values) set_setting(options.levers, key, value.first);
  }
  options.source_dir = SHANZHI_SOURCE_DIR;
  return run_app(std::move(options));
}
