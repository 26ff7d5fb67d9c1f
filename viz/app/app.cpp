#include "app/app.hpp"

#include "app/gl_window.hpp"
#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/lessons.hpp"
#include "core/panel_choice.hpp"
#include "models/governance/state/district.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <iostream>
#include <numeric>

namespace shanzhi::viz {
namespace {

/// Every text the font must cover: the tables and the lessons' texts.
std::vector<std::string> font_texts(const LessonState& lessons) {
  std::vector<std::string> texts;
  for (auto t : all_texts()) texts.emplace_back(t);
  for (const auto& file : lessons.files) {
    try {
      const auto lesson = load_lesson(file);
      texts.push_back(lesson.title_zh);
      for (const auto& s : lesson.steps) texts.push_back(s.text_zh);
    } catch (const LessonError&) {
    }
  }
  return texts;
}

void load_lesson_list(UiState& ui) {
  for (const auto& path : list_lessons(ui.source_dir + "/scenarios/lessons")) ui.lessons.files.push_back(path.string());
}

void draw_right_panel(UiState& ui, ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin("##right", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                                       ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (ImGui::BeginTabBar("right_tabs")) {
    const auto flag = [&](int tab) { return ui.right_tab == tab ? ImGuiTabItemFlags_SetSelected : 0; };
    if (ImGui::BeginTabItem((std::string(tr("tab.dashboards")) + "###dash").c_str(), nullptr, flag(0))) {
      draw_dashboards(ui);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(tr("tab.compare")) + "###compare").c_str(), nullptr, flag(1))) {
      draw_compare_view(ui);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(tr("tab.planning")) + "###planning").c_str(), nullptr, flag(2))) {
      draw_planning_view(ui);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(tr("tab.classroom")) + "###classroom").c_str(), nullptr, flag(3))) {
      draw_classroom_view(ui);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ui.right_tab = -1;
  ImGui::End();
}

void draw_left_panel(UiState& ui, ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin("##left", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (ImGui::BeginTabBar("left_tabs")) {
    const auto flag = [&](int tab) { return ui.left_tab == tab ? ImGuiTabItemFlags_SetSelected : 0; };
    if (ImGui::BeginTabItem((std::string(tr("tab.levers")) + "###levers").c_str(), nullptr, flag(0))) {
      draw_lever_panel(ui);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(tr("tab.lessons")) + "###lessons").c_str(), nullptr, flag(1))) {
      draw_lesson_panel(ui);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ui.left_tab = -1;
  ImGui::End();
}

/// One frame of the whole UI, laid out for the current window size.
void draw_frame(UiState& ui) {
  ui.snapshot = ui.controller->snapshot();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  update_classroom(ui.classroom);
  draw_menu_bar(ui);
  const float top = ImGui::GetFrameHeight();
  const float controls_h = ImGui::GetFrameHeightWithSpacing() * 2 + 12;
  const float body_top = top + controls_h;
  const float body_h = display.y - body_top;
  const float left_w = std::max(300.0f, display.x * 0.26f);
  const float map_w = std::max(320.0f, display.x * 0.33f);
  const float right_w = display.x - left_w - map_w;
  draw_controls(ui, ImVec2(0, top), ImVec2(display.x, controls_h));
  draw_left_panel(ui, ImVec2(0, body_top), ImVec2(left_w, body_h));
  draw_map_view(ui, ImVec2(left_w, body_top), ImVec2(map_w, body_h * 0.62f));
  draw_inspector(ui, ImVec2(left_w, body_top + body_h * 0.62f), ImVec2(map_w, body_h * 0.38f));
  draw_right_panel(ui, ImVec2(left_w + map_w, body_top), ImVec2(right_w, body_h));
  draw_file_dialogs(ui);
  draw_messages(ui);
}

/// CPU time of the calling thread (the UI thread; with LP_NUM_THREADS=0 llvmpipe renders here too).
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct FrameTimes {
  std::vector<double> wall_ms;
  std::vector<double> cpu_ms;
  std::vector<double> build_cpu_ms;  ///< building the UI's draw lists, before OpenGL
  static void summary(std::ostream& out, const char* what, const std::vector<double>& all) {
    // The first frames build the font atlas and the district; they are not the steady state.
    const std::size_t skip = std::min<std::size_t>(10, all.size() / 4);
    std::vector<double> v(all.begin() + static_cast<std::ptrdiff_t>(skip), all.end());
    if (v.empty()) return;
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    std::sort(v.begin(), v.end());
    const double p95 = v[std::min(v.size() - 1, static_cast<std::size_t>(0.95 * static_cast<double>(v.size())))];
    char line[200];
    std::snprintf(line, sizeof line, "%s over %zu frames: mean %.1f ms, p95 %.1f ms, max %.1f ms", what, v.size(), mean,
                  p95, v.back());
    out << line << "\n";
  }
  void report(std::ostream& out) const {
    summary(out, "frame time (wall)", wall_ms);
    summary(out, "frame CPU time (UI thread)", cpu_ms);
    summary(out, "  of which building draw lists", build_cpu_ms);
  }
};

/// Actions of the --compare / --lesson / --inspect options (screenshots of those views).
void run_demo_actions(UiState& ui, const AppOptions& options) {
  ui.snapshot = ui.controller->snapshot();
  if (options.compare) {
    ui.controller->set_compare(true);
    ui.right_tab = 1;
  }
  for (const auto& metric : options.plots) toggle_picked(ui.picked_metrics, metric);
  if (options.inspect_cell >= 0) ui.selected = {Selection::Kind::cell, static_cast<std::uint32_t>(options.inspect_cell), 0};
  if (!options.levers.empty()) ui.controller->change_levers(options.levers, "--set");
  if (!options.open.empty()) open_scenario(ui, options.open);
  if (!options.open_planning.empty()) open_planning_results(ui, options.open_planning);
  if (!options.open_uncertainty.empty()) {
    open_uncertainty_results(ui, options.open_uncertainty);
    ui.right_tab = 1;
  }
  if (ui.planning.session && options.select_point >= 0) ui.planning.selected = options.select_point;
  if (ui.planning.session && options.load_point >= 0) {
    load_planning_policy(ui, static_cast<std::size_t>(options.load_point));
    ui.right_tab = 1;
  }
}

/// --lesson: starts at once, not after the first run's burn-in, since the lesson's run replaces it.
void start_demo_lesson(UiState& ui, const AppOptions& options) {
  if (options.lesson <= 0 || options.lesson > static_cast<int>(ui.lessons.files.size())) return;
  ui.left_tab = 1;
  start_lesson(ui, options.lesson - 1);
}

/// --time-lesson: how long a class waits, from launch, to see the lesson's first step (its run
/// at recorded week 0, where the reform starts) and until that step's weeks have run.
struct LessonTiming {
  std::chrono::steady_clock::time_point launched = std::chrono::steady_clock::now();
  double shown_s = -1;

  /// Prints what was reached by now; true once the first step has run (the window may close).
  bool report(const UiState& ui) {
    const auto& s = *ui.snapshot;
    if (!ui.lessons.player || ui.lessons.run_id == 0 || s.run_id != ui.lessons.run_id || s.frames.empty() ||
        s.recorded_week() < 0)
      return false;
    const double now_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - launched).count();
    const int step_end = lesson_step_end_week(ui.lessons.player->lesson(), 0);
    if (shown_s < 0) {
      shown_s = now_s;
      std::printf("lesson step 1 shown (recorded week %d) after %.1f s\n", s.recorded_week(), shown_s);
    }
    if (s.recorded_week() < step_end) return false;
    std::printf("lesson step 1 run (recorded week %d) after %.1f s\n", s.recorded_week(), now_s);
    return true;
  }
};

}  // namespace

int run_app(AppOptions options) {
  LessonTiming lesson_timing;
  set_language(options.language);
  UiState ui;
  ui.source_dir = options.source_dir;
  load_lesson_list(ui);
  WindowOptions window_options;
  window_options.width = options.width;
  window_options.height = options.height;
  window_options.vsync = options.frames == 0;
  window_options.texts = font_texts(ui.lessons);
  // Street names show in the Classroom tab; some of their characters are outside the common range.
  for (const auto& street : gov::build_layout(options.setup.parameters).streets) window_options.texts.push_back(street.name);
  std::unique_ptr<GlWindow> window;
  try {
    window = std::make_unique<GlWindow>(window_options);
  } catch (const std::exception& e) {
    std::cerr << "shanzhi-viz: " << e.what() << "\n";
    return 1;
  }
  if (!window->has_cjk_font())
    std::cerr << "shanzhi-viz: warning: font /usr/share/fonts/truetype/wqy/wqy-microhei.ttc not found (install "
                 "fonts-wqy-microhei); Chinese text will show as '?'\n";
  ui.next_seed = static_cast<std::uint64_t>(options.setup.parameters.run.seed) + 1;
  if (!options.classroom.empty()) {
    start_classroom(ui.classroom, options.setup.parameters, options.classroom);
    ui.classroom.play_when_ready = options.classroom_play;
    ui.right_tab = 3;
  }
  ui.controller = std::make_unique<SimulationController>(std::move(options.setup), true);
  if (options.frames > 0) window->park_cursor();
  ui.snapshot = ui.controller->snapshot();
  start_demo_lesson(ui, options);

  FrameTimes times;
  int frame = 0;
  bool demo_started = false;
  std::uint64_t drawn_version = 0;
  using Clock = std::chrono::steady_clock;
  while (!window->should_close()) {
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_ms();
    // Interactive windows redraw at once when a new snapshot arrived, else wait for input; the
    // --frames mode always draws (it measures frame times).
    const auto version = ui.controller->snapshot()->version;
    window->begin_frame(options.frames == 0 && version == drawn_version);
    drawn_version = version;
    if (!demo_started && ui.controller->snapshot()->recorded_week() >= options.demo_after_week) {
      demo_started = true;
      run_demo_actions(ui, options);
    }
    draw_frame(ui);
    ImGui::Render();
    times.build_cpu_ms.push_back(thread_cpu_ms() - cpu_start);
    window->render();
    const bool timed_out = options.time_lesson && options.frames > 0 && lesson_timing.report(ui);
    const bool last = (options.frames > 0 && frame + 1 >= options.frames) || timed_out;
    if (ui.screenshot_requested || (last && !options.screenshot.empty())) {
      const std::string path = ui.screenshot_requested ? ui.screenshot_path : options.screenshot;
      ui.screenshot_requested = false;
      int w = 0, h = 0;
      const auto pixels = window->read_pixels(w, h);
      try {
        write_png(path, pixels, w, h);
        ui.notice_text = std::string(tr("msg.saved")) + " " + path;
      } catch (const std::exception& e) {
        show_error(ui, path + ": " + e.what());
        if (last) {
          std::cerr << "shanzhi-viz: cannot write " << path << ": " << e.what() << "\n";
          return 1;
        }
      }
    }
    window->present();
    times.wall_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    times.cpu_ms.push_back(thread_cpu_ms() - cpu_start);
    if (last) break;
    ++frame;
  }
  if (options.frames > 0) {
    const auto& s = *ui.controller->snapshot();
    std::cout << "rendered " << times.wall_ms.size() << " frames; simulation at recorded week " << s.recorded_week()
              << " (last step " << s.last_step_ms << " ms)\n";
    times.report(std::cout);
  }
  return 0;
}

}  // namespace shanzhi::viz
