#pragma once
// Which extra plots the Dashboards tab shows above its fixed dashboards: the metrics the running
// lesson step names (its `panels`, so a class finds what the text asks it to watch) and the
// metrics the user picked from the list of every recorded metric. Free of ImGui so it can be
// tested.

#include "core/lessons.hpp"
#include "sim/metrics.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace shanzhi::viz {

/// One extra plot: a recorded metric and why it is shown.
struct ExtraPanel {
  std::string metric;
  bool from_lesson = false;  ///< named by the running lesson step (else picked by the user)
};

/// The panels of the step a lesson player stands at, when the run the window shows is that
/// lesson's run (`showing_lesson_run`); none before the first step or for any other run.
std::vector<std::string> running_step_panels(const LessonPlayer& player, bool showing_lesson_run);

/// The extra plots in drawing order: the step's panels first, then the picked metrics, each
/// metric once (a picked metric the step also names counts as the step's), leaving out names
/// the run does not record.
std::vector<ExtraPanel> extra_panels(const std::vector<std::string>& step_panels, const std::vector<std::string>& picked,
                                     const std::vector<sim::MetricInfo>& recorded);

/// Adds `metric` to the picked plots, or takes it away when it is already there.
void toggle_picked(std::vector<std::string>& picked, const std::string& metric);

/// Indices of the recorded metrics whose name or displayed name in the current language contains
/// `filter` (ignoring ASCII case), in recorder order; all of them for an empty filter.
std::vector<std::size_t> metrics_matching(const std::vector<sim::MetricInfo>& recorded, std::string_view filter);

}  // namespace shanzhi::viz
