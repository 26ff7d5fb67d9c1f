// Lesson files and stepping through them, without a window.

#include "viz_test_helpers.hpp"

#include "core/i18n.hpp"
#include "core/lessons.hpp"
#include "models/governance/recording/governance_metrics.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include <sys/stat.h>

using namespace shanzhi;
using namespace shanzhi::viz;
using namespace shanzhi::viz::test;

namespace {

std::filesystem::path write_lesson(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "shanzhi_viz_tests";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name) << text;
  return dir / name;
}

Lesson tiny_lesson() {
  return load_lesson(write_lesson("tiny_lesson.toml",
                                  "[lesson]\ntitle_en = \"T\"\ntitle_zh = \"课\"\nscenario = \"" +
                                      source_path("viz/tests/data/tiny.toml") +
                                      "\"\nseed = 3\n"
                                      "[[step]]\ntext_en = \"a\"\ntext_zh = \"甲\"\nweeks = 3\nlevers = { \"admin.task_cut_share\" = 0.5 }\n"
                                      "[[step]]\ntext_en = \"b\"\ntext_zh = \"乙\"\nweeks = 4\n"
                                      "[[step]]\ntext_en = \"c\"\ntext_zh = \"丙\"\nweeks = 2\n[step.levers.workforce]\npay_ratio = 1.2\n"));
}

}  // namespace

TEST_CASE("Every shipped lesson loads with text in both languages", "[viz][lessons]") {
  const auto files = list_lessons(source_path("scenarios/lessons"));
  REQUIRE(files.size() >= 3);
  for (const auto& f : files) {
    INFO(f);
    const auto lesson = load_lesson(f);
    CHECK(lesson.steps.size() >= 3);
    for (const auto& s : lesson.steps) {
      CHECK_FALSE(s.text_en.empty());
      CHECK_FALSE(s.text_zh.empty());
    }
    // Every step's levers make a valid run.
    CHECK_NOTHROW(lesson_setup(lesson, static_cast<int>(lesson.steps.size()) - 1));
  }
}

TEST_CASE("Lesson errors name the file and line and key", "[viz][lessons]") {
  const std::string head = "[lesson]\ntitle_en = \"T\"\ntitle_zh = \"课\"\nscenario = \"x.toml\"\n";
  auto message = [&](const std::string& body) {
    try {
      (void)load_lesson(write_lesson("bad_lesson.toml", head + body));
    } catch (const LessonError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const auto typo = message("[[step]]\ntext_en = \"a\"\ntext_zh = \"甲\"\nweeks = 2\nlevers = { \"admin.task_cut_shar\" = 0.5 }\n");
  CHECK(typo.find("bad_lesson.toml:9") != std::string::npos);
  CHECK(typo.find("did you mean 'admin.task_cut_share'") != std::string::npos);
  const auto zero = message("[[step]]\ntext_en = \"a\"\ntext_zh = \"甲\"\nweeks = 0\n");
  CHECK(zero.find("step[1].weeks") != std::string::npos);
  const auto missing_zh = message("[[step]]\ntext_en = \"a\"\nweeks = 2\n");
  CHECK(missing_zh.find("step[1].text_zh") != std::string::npos);
  const auto range = message("[[step]]\ntext_en = \"a\"\ntext_zh = \"甲\"\nweeks = 2\nlevers = { \"admin.task_cut_share\" = 3.0 }\n");
  CHECK(range.find("admin.task_cut_share") != std::string::npos);
  const auto unknown = message("[[step]]\ntext_en = \"a\"\ntext_zh = \"甲\"\nweeks = 2\nweek = 3\n");
  CHECK(unknown.find("did you mean 'weeks'") != std::string::npos);
}

TEST_CASE("A lesson path that is a device or a pipe or holds a seed out of range is refused", "[viz][lessons]") {
  const auto dir = std::filesystem::temp_directory_path() / "shanzhi_viz_tests";
  std::filesystem::create_directories(dir);
  const auto message = [](const std::filesystem::path& path) {
    try {
      (void)load_lesson(path);
    } catch (const LessonError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  // A .toml link to /dev/zero read until memory ran out; a FIFO hung.
  const auto zero = dir / "zero_lesson.toml";
  std::filesystem::remove(zero);
  std::filesystem::create_symlink("/dev/zero", zero);
  CHECK(message(zero).find("is not a regular file") != std::string::npos);
  const auto fifo = dir / "fifo_lesson.toml";
  std::filesystem::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(message(fifo).find("is not a regular file") != std::string::npos);
  std::filesystem::remove(fifo);
  const auto binary = write_lesson("binary_lesson.toml", std::string("[lesson]\0", 9));
  CHECK(message(binary).find("binary") != std::string::npos);

  const auto seed = message(write_lesson("seed_lesson.toml", "[lesson]\ntitle_en = \"T\"\ntitle_zh = \"课\"\nscenario = \"x.toml\"\n"
                                                             "seed = 9000000000000000000\n"
                                                             "[[step]]\ntext_en = \"a\"\ntext_zh = \"甲\"\nweeks = 2\n"));
  CHECK(seed.find("lesson.seed") != std::string::npos);
  CHECK(seed.find("the range of run.seed") != std::string::npos);
}

TEST_CASE("Lesson stepping: forward continues the run and back replays and targets add up", "[viz][lessons]") {
  LessonPlayer player(tiny_lesson());
  CHECK(player.step() == -1);
  auto m = player.forward(false);
  CHECK(m.step == 0);
  CHECK(m.replay);
  CHECK(m.target_week == 3);
  m = player.forward(true);
  CHECK(m.step == 1);
  CHECK_FALSE(m.replay);
  CHECK(m.levers.empty());
  CHECK(m.target_week == 7);
  m = player.forward(false);  // the run moved on since: replay instead
  CHECK(m.step == 2);
  CHECK(m.replay);
  CHECK(m.target_week == 9);
  CHECK_FALSE(player.can_forward());
  m = player.forward(true);  // at the end: stay
  CHECK(m.step == 2);
  CHECK(m.target_week == 9);
  m = player.back();
  CHECK(m.step == 1);
  CHECK(m.replay);
  CHECK(m.target_week == 7);
  m = player.restart();
  CHECK(m.step == 0);
  CHECK(m.target_week == 3);
}

TEST_CASE("The run of a lesson step: first levers in the scenario and later ones as changes", "[viz][lessons]") {
  const auto lesson = tiny_lesson();
  const auto setup = lesson_setup(lesson, 2);
  CHECK(setup.parameters.run.seed == 3);
  CHECK(setup.parameters.admin.task_cut_share == Approx(0.5));
  REQUIRE(setup.changes.size() == 1);  // step 2 sets nothing
  CHECK(setup.changes[0].week == 4 + 7);
  CHECK(setup.changes[0].settings.front().first == "workforce.pay_ratio");

  // Forward step by step and replaying straight to the last step give the same run.
  SimulationController stepped(lesson_setup(lesson, 0), false);
  stepped.run_to(3);
  stepped.run_to(7);
  stepped.wait_until_idle();
  stepped.change_levers(lesson.steps[2].levers, "lesson step 3");
  stepped.run_to(9);
  SimulationController replayed(setup, false);
  replayed.run_to(9);
  const auto a = settle(stepped);
  const auto b = settle(replayed);
  for (int week = 0; week <= 9; ++week) CHECK(a->frame_at(week)->metrics == b->frame_at(week)->metrics);
}

TEST_CASE("A lesson step's panels are read in order and a name that is not a metric is refused", "[viz][lessons]") {
  const std::string head = "[lesson]\ntitle_en = \"T\"\ntitle_zh = \"课\"\nscenario = \"x.toml\"\n";
  const std::string step = "[[step]]\ntext_en = \"a\"\ntext_zh = \"甲\"\nweeks = 2\n";
  const auto lesson = load_lesson(write_lesson("panels_lesson.toml", head + step + "panels = [\"appraisal_bias\", \"worker_records_hours\"]\n" + step));
  CHECK(lesson.steps[0].panels == std::vector<std::string>{"appraisal_bias", "worker_records_hours"});
  CHECK(lesson.steps[1].panels.empty());
  auto message = [&](const std::string& panels) {
    try {
      (void)load_lesson(write_lesson("bad_panels.toml", head + step + panels));
    } catch (const LessonError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  // The typo's own position (line 9, column of the second name), the key and the nearest name.
  const auto typo = message("panels = [\"worker_records_hours\", \"apraisal_bias\"]\n");
  CHECK(typo.find("bad_panels.toml:9:35") != std::string::npos);
  CHECK(typo.find("step[1].panels") != std::string::npos);
  CHECK(typo.find("did you mean 'appraisal_bias'") != std::string::npos);
  CHECK(message("panels = \"appraisal_bias\"\n").find("expected an array of metric names") != std::string::npos);
  CHECK(message("panels = [3]\n").find("expected a metric name") != std::string::npos);
  CHECK(message("panels = [\"appraisal_bias\", \"appraisal_bias\"]\n").find("named twice") != std::string::npos);
}

TEST_CASE("Every metric a shipped lesson's text names is one of that step's panels", "[viz][lessons]") {
  const auto names = gov::metric_names();
  for (const auto& file : list_lessons(source_path("scenarios/lessons"))) {
    const auto lesson = load_lesson(file);
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
      const auto& step = lesson.steps[i];
      CHECK_FALSE(step.panels.empty());
      for (const auto& metric : names) {
        // A metric is named in the text by its name in the window, in quotes.
        const bool named_en = step.text_en.find("\"" + std::string(find_text("metric." + metric, Language::en)) + "\"") != std::string::npos;
        const bool named_zh = step.text_zh.find("“" + std::string(find_text("metric." + metric, Language::zh)) + "”") != std::string::npos;
        if (!named_en && !named_zh) continue;
        INFO(file << " step " << i + 1 << " names " << metric);
        CHECK(std::find(step.panels.begin(), step.panels.end(), metric) != step.panels.end());
      }
    }
  }
}
