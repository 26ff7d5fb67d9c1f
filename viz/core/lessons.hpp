#pragma once
// Playing trainer lessons in shanzhi-viz. A lesson file is read by the model's lesson reader
// (models/governance/lessons/lesson_file.hpp, also used by `shanzhi validate`); here the trainer
// steps forward and back: going to step k replays the lesson's run from the start (same seed, so
// the same run), while going forward from the end of step k−1 just applies step k's levers and
// runs on.

#include "core/run_setup.hpp"
#include "models/governance/lessons/lesson_file.hpp"

#include <filesystem>
#include <vector>

namespace shanzhi::viz {

using gov::Lesson;
using gov::LessonError;
using gov::LessonStep;
using gov::load_lesson;

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
