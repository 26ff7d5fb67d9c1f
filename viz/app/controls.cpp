// The menu bar (files, language, compare) and the run controls: play, pause, step one week,
// speed, run to a week, reset with a new seed, and the run's status.

#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/i18n.hpp"
#include "core/run_status.hpp"

#include <cstdio>
#include <string>

namespace shanzhi::viz {
namespace {

std::string label(const char* key, const char* id) { return std::string(tr(key)) + "###" + id; }

}  // namespace

void draw_run_status(const Snapshot& s) {
  const int percent = settling_percent(s);
  if (percent < 0) {
    ImGui::TextDisabled("%s", run_status_text(s).c_str());
    return;
  }
  ImGui::ProgressBar(static_cast<float>(percent) / 100.0f, ImVec2(-1, 0), run_status_text(s).c_str());
}

void open_dialog(UiState& ui, UiState::Dialog dialog, const std::string& default_path) {
  ui.dialog = dialog;
  std::snprintf(ui.path_buffer, sizeof ui.path_buffer, "%s", default_path.c_str());
}

void draw_menu_bar(UiState& ui) {
  if (!ImGui::BeginMainMenuBar()) return;
  const auto& s = *ui.snapshot;
  const std::string results = ui.source_dir + "/results/viz/";
  if (ImGui::BeginMenu(label("menu.file", "file").c_str())) {
    if (ImGui::MenuItem(tr("menu.open"))) open_dialog(ui, UiState::Dialog::open, ui.source_dir + "/scenarios/");
    if (ImGui::MenuItem(tr("menu.open_planning")))
      open_dialog(ui, UiState::Dialog::open_planning, ui.source_dir + "/results/optimize/");
    if (ImGui::MenuItem(tr("menu.open_uncertainty")))
      open_dialog(ui, UiState::Dialog::open_uncertainty, ui.source_dir + "/results/");
    if (ImGui::MenuItem(tr("menu.save"), nullptr, false, !s.frames.empty()))
      open_dialog(ui, UiState::Dialog::save, results + s.scenario_name + "-seed" + std::to_string(s.seed) + ".toml");
    ImGui::Separator();
    if (ImGui::MenuItem(tr("menu.export_csv"), nullptr, false, !s.frames.empty()))
      open_dialog(ui, UiState::Dialog::export_csv, results + s.scenario_name + "-plotted.csv");
    if (ImGui::MenuItem(tr("menu.export_png")))
      open_dialog(ui, UiState::Dialog::export_png, results + s.scenario_name + "-window.png");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(label("menu.language", "lang").c_str())) {
    if (ImGui::MenuItem("English", nullptr, current_language() == Language::en)) set_language(Language::en);
    if (ImGui::MenuItem("中文", nullptr, current_language() == Language::zh)) set_language(Language::zh);
    ImGui::EndMenu();
  }
  bool compare = s.compare_active;
  if (ImGui::Checkbox(label("menu.compare", "cmp").c_str(), &compare)) {
    ui.controller->set_compare(compare);
    if (compare) ui.right_tab = 1;
  }
  if (ImGui::IsItemHovered()) wrapped_tooltip(tr("help.compare"));
  ImGui::SameLine(ImGui::GetWindowWidth() - 260);
  ImGui::TextDisabled("%s  %s", tr("app.title"), s.scenario_name.c_str());
  ImGui::EndMainMenuBar();
}

void draw_controls(UiState& ui, ImVec2 pos, ImVec2 size) {
  const auto& s = *ui.snapshot;
  auto& c = *ui.controller;
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin("##controls", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                                         ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBringToFrontOnFocus);
  const bool ready = s.shape != nullptr;
  ImGui::BeginDisabled(!ready);
  if (s.playing) {
    if (ImGui::Button(label("ctl.pause", "pause").c_str(), ImVec2(90, 0))) c.pause();
  } else {
    if (ImGui::Button(label("ctl.play", "play").c_str(), ImVec2(90, 0))) c.play();
  }
  ImGui::SameLine();
  if (ImGui::Button(label("ctl.step", "step").c_str())) c.step_week();
  if (ImGui::IsItemHovered()) wrapped_tooltip(tr("help.step"));
  ImGui::SameLine();
  // The speed is written beside the slider, not inside it, where the knob would cover it.
  ImGui::SetNextItemWidth(110);
  if (ImGui::SliderFloat("##speed", &ui.speed, 1, 52, "", ImGuiSliderFlags_Logarithmic) && !ui.max_speed)
    c.set_speed(ui.speed);
  ImGui::SameLine();
  ImGui::Text(tr("ctl.speed_format"), static_cast<double>(ui.speed));
  ImGui::SameLine();
  if (ImGui::Checkbox(label("ctl.max_speed", "max").c_str(), &ui.max_speed)) c.set_speed(ui.max_speed ? 0 : ui.speed);
  ImGui::SameLine(0, 24);
  ImGui::SetNextItemWidth(110);
  ImGui::InputInt("##runto", &ui.run_to_week, 1, 13);
  ImGui::SameLine();
  if (ImGui::Button(label("ctl.run_to", "runto").c_str())) c.run_to(ui.run_to_week);
  if (ImGui::IsItemHovered()) wrapped_tooltip(tr("help.run_to"));
  ImGui::SameLine(0, 24);
  if (ImGui::Button(label("ctl.reset", "reset").c_str())) {
    c.reset(ui.next_seed);
    ui.selected = {};
    ++ui.next_seed;
  }
  if (ImGui::IsItemHovered()) wrapped_tooltip(tr("help.reset"));
  ImGui::EndDisabled();

  // Status line: what the thread does, the week, the seed, the step time.
  ImGui::TextColored(ImVec4(0.15f, 0.35f, 0.6f, 1), "%s", run_status_text(s).c_str());
  ImGui::SameLine();
  if (s.shape) {
    const float progress = s.total_weeks > 0 ? static_cast<float>(s.model_week) / static_cast<float>(s.total_weeks) : 0;
    char overlay[96];
    // While the district settles nothing is recorded yet: the run is shown from week 0.
    const int week = s.frames.empty() ? 0 : s.recorded_week();
    std::snprintf(overlay, sizeof overlay, tr("ctl.week_format"), week, s.horizon_weeks());
    ImGui::SetNextItemWidth(260);
    ImGui::ProgressBar(progress, ImVec2(260, 0), overlay);
    ImGui::SameLine();
    ImGui::Text("%s %llu   %s %.0f ms   %s %.0f", tr("ctl.seed"), static_cast<unsigned long long>(s.seed),
                tr("ctl.step_time"), s.last_step_ms, tr("ctl.fps"), ImGui::GetIO().Framerate);
  }
  ImGui::End();
}

}  // namespace shanzhi::viz
