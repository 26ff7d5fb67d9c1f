#pragma once
// Trainer lessons (scenarios/lessons/*.toml): a scenario plus a sequence of steps, each with text
// in both languages, lever values to set and weeks to run. The trainer steps forward and back;
// going to step k replays the lesson's run from the start (same seed, so the same run), while
// going forward from the end of step k−1 just applies step k's levers and runs on.
//
//   [lesson]
//   title_en = "..."            title_zh = "..."
//   scenario = "../guangling.toml"   # relative to the lesson file
//   seed = 7                         # optional: overrides the scenario's run.seed
//   [[step]]
//   text_en = "..."             text_zh = "..."
//   weeks = 26                       # recorded weeks this step runs (≥ 1)
//   levers = { "admin.task_cut_share" = 0.5 }   # optional; step 1's levers are the reform package

#include "core/run_setup.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace shanzhi::viz {

struct LessonStep {
  std::string text_en;
  std::string text_zh;
  Settings levers;
  int weeks = 1;
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
/// key, weeks ≥ 1, both languages present). Throws LessonError.
Lesson load_lesson(const std::filesystem::path& file);

/// Lesson files in `folder`, sorted by name.
std::vector<std::filesystem::path> list_lessons(const std::filesystem::path& folder);

/// Recorded week at which step `step` ends (steps run one after another from week 0).
int lesson_step_end_week(const Lesson& lesson, int step);

/// The run that shows the lesson up to the end of step `step`: the scenario with step 0's levers
/// as its reform package and each later step's levers as a change at the week the step starts.
/// Throws sim::ScenarioError when the scenario or a lever value is invalid.
RunSetup lesson_setup(const Lesson& lesson, int step);

/// Where the trainer is in a lesson. Pure state: the UI turns its answers into controller calls.
class LessonPlayer {
 public:
  explicit LessonPlayer(Lesson lesson) : lesson_(std::move(lesson)) {}
  const Lesson& lesson() const { return lesson_; }
  int step() const { return step_; }  ///< −1 before the first step
  int step_count() const { return static_cast<int>(lesson_.steps.size()); }
  bool can_forward() const { return step_ + 1 < step_count(); }
  bool can_back() const { return step_ > 0; }

  /// What the controller must do to show a step.
  struct Move {
    int step = 0;
    bool replay = true;     ///< load lesson_setup(step) and run to `target_week`
    Settings levers;        ///< when not replaying: apply these, then run to `target_week`
    int target_week = 0;
  };
  /// Next step. `run_at_previous_end`: the current run is this lesson's and stands at the end of
  /// the current step, so the next step can continue it instead of replaying.
  Move forward(bool run_at_previous_end);
  Move back();
  /// Restart at step 0.
  Move restart();

 private:
  Lesson lesson_;
  int step_ = -1;
};

}  // namespace shanzhi::viz
