// Which extra plots the Dashboards tab shows: the running lesson step's panels and the metrics
// picked from the list, without a window.

#include "viz_test_helpers.hpp"

#include "core/i18n.hpp"
#include "core/panel_choice.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace shanzhi;
using namespace shanzhi::viz;
using namespace shanzhi::viz::test;

namespace {

std::vector<sim::MetricInfo> recorded(std::initializer_list<const char*> names) {
  std::vector<sim::MetricInfo> out;
  for (const char* name : names) out.push_back({name, "share 0-1", "", sim::Direction::neutral, false});
  return out;
}

Lesson lesson_with_panels() {
  const auto dir = std::filesystem::temp_directory_path() / "shanzhi_viz_tests";
  std::filesystem::create_directories(dir);
  const auto path = dir / "panel_choice_lesson.toml";
  std::ofstream(path) << "[lesson]\ntitle_en = \"T\"\ntitle_zh = \"课\"\nscenario = \"x.toml\"\n"
                         "[[step]]\ntext_en = \"a\"\ntext_zh = \"甲\"\nweeks = 2\npanels = [\"appraisal_bias\", \"worker_records_hours\"]\n"
                         "[[step]]\ntext_en = \"b\"\ntext_zh = \"乙\"\nweeks = 2\n";
  return load_lesson(path);
}

std::vector<std::string> metrics_of(const std::vector<ExtraPanel>& panels) {
  std::vector<std::string> out;
  for (const auto& p : panels) out.push_back(p.metric);
  return out;
}

}  // namespace

TEST_CASE("A lesson step's panels show while the window shows that step of the lesson's run", "[viz][panels]") {
  LessonPlayer player(lesson_with_panels());
  CHECK(running_step_panels(player, true).empty());  // not started
  (void)player.forward(false);
  CHECK(running_step_panels(player, true) == std::vector<std::string>{"appraisal_bias", "worker_records_hours"});
  CHECK(running_step_panels(player, false).empty());  // another run is shown (a file opened, a reset)
  (void)player.forward(true);
  CHECK(running_step_panels(player, true).empty());  // step 2 names none
  (void)player.back();
  CHECK(running_step_panels(player, true).size() == 2);
}

TEST_CASE("Extra plots: the step's panels first, then picked metrics, each once and only if recorded", "[viz][panels]") {
  const auto metrics = recorded({"satisfaction_mean", "appraisal_bias", "worker_records_hours", "contracts"});
  const auto panels = extra_panels({"appraisal_bias", "worker_records_hours"}, {"contracts", "appraisal_bias", "no_such_metric"}, metrics);
  CHECK(metrics_of(panels) == std::vector<std::string>{"appraisal_bias", "worker_records_hours", "contracts"});
  CHECK(panels[0].from_lesson);
  CHECK(panels[1].from_lesson);
  CHECK_FALSE(panels[2].from_lesson);
  CHECK(extra_panels({}, {}, metrics).empty());
  CHECK(extra_panels({"appraisal_bias"}, {}, recorded({"satisfaction_mean"})).empty());
}

TEST_CASE("Picking a metric twice takes its plot away again", "[viz][panels]") {
  std::vector<std::string> picked;
  toggle_picked(picked, "contracts");
  toggle_picked(picked, "appraisal_bias");
  CHECK(picked == std::vector<std::string>{"contracts", "appraisal_bias"});
  toggle_picked(picked, "contracts");
  CHECK(picked == std::vector<std::string>{"appraisal_bias"});
}

TEST_CASE("The metric picker finds metrics by name or by their name in the window's language", "[viz][panels]") {
  const auto metrics = recorded({"satisfaction_mean", "appraisal_bias", "worker_records_hours"});
  CHECK(metrics_matching(metrics, "").size() == 3);
  set_language(Language::en);
  CHECK(metrics_matching(metrics, "bias") == std::vector<std::size_t>{1});
  CHECK(metrics_matching(metrics, "RECORDS hours") == std::vector<std::size_t>{2});  // "Worker records hours"
  CHECK(metrics_matching(metrics, "nothing like it").empty());
  set_language(Language::zh);
  CHECK(metrics_matching(metrics, "台账") == std::vector<std::size_t>{2});
  set_language(Language::en);
}
