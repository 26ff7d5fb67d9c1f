#include "core/lessons.hpp"

#include "models/governance/spec/validation.hpp"

#include <algorithm>

namespace shanzhi::viz {

std::vector<std::filesystem::path> list_lessons(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.path().extension() == ".toml") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

int lesson_step_end_week(const Lesson& lesson, int step) {
  int week = 0;
  for (int i = 0; i <= step && i < static_cast<int>(lesson.steps.size()); ++i) week += lesson.steps[static_cast<std::size_t>(i)].weeks;
  return week;
}

RunSetup lesson_setup(const Lesson& lesson, int step) {
  auto loaded = gov::load_governance_scenario(lesson.scenario_path, {});
  RunSetup setup;
  setup.document = std::move(loaded.document);
  if (lesson.seed) setup.document.values.insert_or_assign("run.seed", std::pair{sim::ParamValue{*lesson.seed}, sim::SourceLocation{lesson.path, 0, 0}});
  // Step 1's levers are part of the reform package that starts at the end of burn-in.
  for (const auto& [key, value] : lesson.steps.front().levers)
    setup.document.values.insert_or_assign(key, std::pair{value, sim::SourceLocation{lesson.path, 0, 0}});
  setup.parameters = gov::parameters_with(setup.document, {});
  const int burn_in = static_cast<int>(setup.parameters.run.burn_in_weeks);
  for (int i = 1; i <= step && i < static_cast<int>(lesson.steps.size()); ++i) {
    const auto& s = lesson.steps[static_cast<std::size_t>(i)];
    if (s.levers.empty()) continue;
    setup.changes.push_back({burn_in + lesson_step_end_week(lesson, i - 1), s.levers, "lesson step " + std::to_string(i + 1)});
  }
  return setup;
}

LessonPlayer::Move LessonPlayer::forward(bool run_at_previous_end) {
  if (!can_forward()) return Move{std::max(step_, 0), false, {}, lesson_step_end_week(lesson_, std::max(step_, 0))};
  ++step_;
  Move m;
  m.step = step_;
  m.target_week = lesson_step_end_week(lesson_, step_);
  m.replay = step_ == 0 || !run_at_previous_end;
  if (!m.replay) m.levers = lesson_.steps[static_cast<std::size_t>(step_)].levers;
  return m;
}

LessonPlayer::Move LessonPlayer::back() {
  if (step_ > 0) --step_;
  return Move{std::max(step_, 0), true, {}, lesson_step_end_week(lesson_, std::max(step_, 0))};
}

LessonPlayer::Move LessonPlayer::restart() {
  step_ = 0;
  return Move{0, true, {}, lesson_step_end_week(lesson_, 0)};
}

}  // namespace shanzhi::viz
