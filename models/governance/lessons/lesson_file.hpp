#pragma once
// Lesson files (scenarios/lessons/*.toml): what shanzhi-viz shows a class, a scenario plus a
// sequence of steps, each with text in both languages, lever values to set and weeks to run.
// Read here, beside the model whose keys they set, so that `shanzhi validate` checks them the
// same way the window does (viz/core/lessons.hpp plays them).
//
//   [lesson]
//   title_en = "..."            title_zh = "..."
//   scenario = "../guangling.toml"   # relative to the lesson file
//   seed = 7                         # optional: overrides the scenario's run.seed
//   [[step]]
//   text_en = "..."             text_zh = "..."
//   weeks = 26                       # recorded weeks this step runs (≥ 1)
//   levers = { "admin.task_cut_share" = 0.5 }   # optional; step 1's levers are the reform package
//   panels = ["worker_admin_share", "wait_mean_weeks"]  # optional: recorded metrics (names as in
//                                    # recording/governance_metrics.cpp) the window plots during the step

#include "sim/experiments/experiment.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace shanzhi::gov {

/// Scenario keys and values, in the order set.
using LessonSettings = sim::experiments::Settings;

struct LessonStep {
  std::string text_en;
  std::string text_zh;
  LessonSettings levers;
  int weeks = 1;
  std::vector<std::string> panels;  ///< recorded metric names to plot while the step runs, in order
};

struct Lesson {
  std::string path;
  std::string title_en;
  std::string title_zh;
  std::string scenario_path;  ///< resolved against the lesson file's folder
  std::optional<std::int64_t> seed;
  std::vector<LessonStep> steps;
};

/// A lesson file that cannot be used: message names the file, line, column and key.
struct LessonError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Reads and checks a lesson (keys, types, lever keys against the schema with the nearest valid
/// key, panel names against the recorded metrics with the nearest valid name, weeks ≥ 1, both
/// languages present). Throws LessonError.
Lesson load_lesson(const std::filesystem::path& file);

/// The lesson's scenario with every step's levers applied as they would be by the end of that
/// step: loads the scenario and checks each combination like a scenario file. Throws
/// sim::ScenarioError (the scenario's own problems, or a step's levers that make an invalid
/// combination) or LessonError.
void check_lesson_combinations(const Lesson& lesson);

}  // namespace shanzhi::gov
