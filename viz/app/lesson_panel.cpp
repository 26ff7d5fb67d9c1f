// Trainer lessons: choose a lesson, read each step's text, step forward (apply the step's levers
// and run its weeks) and back (replay the lesson's run to the end of the previous step).

#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/i18n.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <filesystem>

namespace shanzhi::viz {
namespace {

void perform(UiState& ui, const LessonPlayer::Move& move) {
  auto& l = ui.lessons;
  if (move.replay) {
    try {
      auto setup = lesson_setup(l.player->lesson(), move.step);
      l.changes_expected = setup.changes.size();
      l.run_id = ui.controller->load(std::move(setup), move.target_week, false);
      ui.selected = {};
      ui.pending_levers.clear();
    } catch (const sim::ScenarioError& e) {
      std::string text;
      for (const auto& d : e.diagnostics()) text += d.format() + "\n";
      show_error(ui, text.empty() ? e.what() : text);
    }
    return;
  }
  if (!move.levers.empty()) {
    ui.controller->change_levers(move.levers, "lesson step " + std::to_string(move.step + 1));
    ++l.changes_expected;
  }
  ui.controller->run_to(move.target_week);
}

void select_lesson(UiState& ui, int index) {
  auto& l = ui.lessons;
  l.selected = index;
  l.player.reset();
  l.run_id = 0;
  try {
    auto lesson = load_lesson(l.files[static_cast<std::size_t>(index)]);
    gov::check_lesson_combinations(lesson);  // as `shanzhi validate` does: refused now, not at step 3
    l.player.emplace(std::move(lesson));
  } catch (const LessonError& e) {
    show_error(ui, e.what());
  } catch (const sim::ScenarioError& e) {
    show_error(ui, e.what());
  }
}

/// Chinese text with the spaces next to Chinese characters removed: ImGui wraps only at spaces,
/// so "有 26 次" would break there and push a long run of characters to the next line.
std::string compact_for_wrapping(const std::string& text) {
  std::string out;
  auto wide = [](unsigned char c) { return c >= 0x80; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') {
      const bool before = !out.empty() && wide(static_cast<unsigned char>(out.back()));
      const bool after = i + 1 < text.size() && wide(static_cast<unsigned char>(text[i + 1]));
      if (before || after) continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

void start_lesson(UiState& ui, int index) {
  select_lesson(ui, index);
  if (ui.lessons.player) perform(ui, ui.lessons.player->forward(false));
}

void draw_lesson_panel(UiState& ui) {
  auto& l = ui.lessons;
  const auto& s = *ui.snapshot;
  const bool zh = current_language() == Language::zh;
  if (l.files.empty()) {
    ImGui::TextWrapped("%s", tr("lesson.none"));
    return;
  }
  ImGui::TextUnformatted(tr("lesson.choose"));
  for (std::size_t i = 0; i < l.files.size(); ++i) {
    std::string name = std::filesystem::path(l.files[i]).stem().string();
    try {
      static std::map<std::string, std::pair<std::string, std::string>> titles;
      if (!titles.count(l.files[i])) {
        const auto lesson = load_lesson(l.files[i]);
        titles[l.files[i]] = {lesson.title_en, lesson.title_zh};
      }
      name = zh ? titles[l.files[i]].second : titles[l.files[i]].first;
    } catch (const LessonError&) {
    }
    // A title longer than the panel wraps inside a selectable as tall as the wrapped text, so
    // no lesson's title is cut at 1280 px.
    const ImVec2 start = ImGui::GetCursorPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 text = ImGui::CalcTextSize(name.c_str(), nullptr, false, width);
    if (ImGui::Selectable(("##lesson" + std::to_string(i)).c_str(), l.selected == static_cast<int>(i), 0,
                          ImVec2(width, text.y)))
      select_lesson(ui, static_cast<int>(i));
    ImGui::SetCursorPos(start);
    ImGui::PushTextWrapPos(start.x + width);
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();
  if (!l.player) return;
  auto& player = *l.player;
  const auto& lesson = player.lesson();
  ImGui::TextWrapped("%s", zh ? lesson.title_zh.c_str() : lesson.title_en.c_str());
  const bool ours = l.run_id != 0 && s.run_id == l.run_id;
  const bool busy = ours && (s.playing || s.status_key == "status.building" || s.status_key == "status.settling");
  const int step = player.step();
  const bool at_step_end = ours && step >= 0 && !s.playing && s.recorded_week() == lesson_step_end_week(lesson, step) &&
                           s.setup.changes.size() == l.changes_expected;

  ImGui::BeginDisabled(busy);
  if (ImGui::Button((std::string(tr("lesson.back")) + "###lback").c_str())) perform(ui, player.back());
  ImGui::SameLine();
  ImGui::BeginDisabled(!player.can_forward());
  if (ImGui::Button((std::string(tr(step < 0 ? "lesson.start" : "lesson.forward")) + "###lfwd").c_str()))
    perform(ui, player.forward(at_step_end));
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr("lesson.restart")) + "###lrestart").c_str())) perform(ui, player.restart());
  ImGui::EndDisabled();
  if (step < 0) {
    ImGui::TextWrapped("%s", tr("lesson.intro"));
    return;
  }
  ImGui::Text("%s %d / %d", tr("lesson.step"), step + 1, player.step_count());
  if (busy) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("lesson.running"));
  }
  const auto& st = lesson.steps[static_cast<std::size_t>(step)];
  ImGui::Separator();
  ImGui::BeginChild("lesson_text");
  ImGui::TextWrapped("%s", zh ? compact_for_wrapping(st.text_zh).c_str() : st.text_en.c_str());
  if (!st.levers.empty()) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr("lesson.levers"));
    for (const auto& [key, value] : st.levers) ImGui::BulletText("%s = %s", tr("lever." + key), sim::format_value(value).c_str());
  }
  ImGui::EndChild();
}

}  // namespace shanzhi::viz
