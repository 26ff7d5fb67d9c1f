// Files: open a scenario (a bad file shows its error and the current run goes on), save the run
// as a scenario file that reloads to the same run, export the plotted data as CSV and the window
// as PNG. Dialogs are simple path prompts with the repository's scenarios listed.

#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/csv_export.hpp"
#include "core/i18n.hpp"
#include "core/scenario_files.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <filesystem>

namespace shanzhi::viz {
namespace {

std::vector<std::string> scenario_files(const std::string& root) {
  std::vector<std::string> out;
  for (const char* folder : {"/scenarios", "/scenarios/policies"}) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(root + folder, ec))
      if (e.path().extension() == ".toml") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Optimization databases where `shanzhi optimize` writes them by default.
std::vector<std::string> planning_files(const std::string& root) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(root + "/results/optimize", ec))
    if (e.path().extension() == ".sqlite") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

/// Folders under results/ (three levels deep) holding a `compare --assumptions` output.
std::vector<std::string> uncertainty_folders(const std::string& root) {
  std::vector<std::string> out;
  std::error_code ec;
  std::filesystem::recursive_directory_iterator it(root + "/results", ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it.depth() >= 3) it.disable_recursion_pending();
    if (it->path().filename() == "assumptions.csv") out.push_back(it->path().parent_path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> listed_files(const UiState& ui) {
  switch (ui.dialog) {
    case UiState::Dialog::open_planning: return planning_files(ui.source_dir);
    case UiState::Dialog::open_uncertainty: return uncertainty_folders(ui.source_dir);
    default: return scenario_files(ui.source_dir);
  }
}

const char* listing_title(UiState::Dialog d) {
  switch (d) {
    case UiState::Dialog::open_planning: return "file.optimizations";
    case UiState::Dialog::open_uncertainty: return "file.comparisons";
    default: return "file.scenarios";
  }
}

void ensure_parent(const std::string& path) {
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
}

const char* title_of(UiState::Dialog d) {
  switch (d) {
    case UiState::Dialog::open: return "menu.open";
    case UiState::Dialog::save: return "menu.save";
    case UiState::Dialog::export_csv: return "menu.export_csv";
    case UiState::Dialog::export_png: return "menu.export_png";
    case UiState::Dialog::open_planning: return "menu.open_planning";
    case UiState::Dialog::open_uncertainty: return "menu.open_uncertainty";
    default: return "";
  }
}

void perform(UiState& ui) {
  const std::string path = ui.path_buffer;
  const auto& s = *ui.snapshot;
  try {
    switch (ui.dialog) {
      case UiState::Dialog::open: open_scenario(ui, path); break;
      case UiState::Dialog::open_planning: open_planning_results(ui, path); break;
      case UiState::Dialog::open_uncertainty: open_uncertainty_results(ui, path); break;
      case UiState::Dialog::save:
        ensure_parent(path);
        save_run_file(path, s.setup);
        ui.notice_text = std::string(tr("msg.saved")) + " " + path;
        break;
      case UiState::Dialog::export_csv:
        ensure_parent(path);
        export_plotted_data(path, s);
        ui.notice_text = std::string(tr("msg.saved")) + " " + path;
        break;
      case UiState::Dialog::export_png:
        ensure_parent(path);
        ui.screenshot_requested = true;
        ui.screenshot_path = path;
        break;
      default: break;
    }
  } catch (const std::exception& e) {
    show_error(ui, path + ": " + e.what());
  }
}

}  // namespace

void show_error(UiState& ui, std::string text) { ui.controller->report_error(std::move(text)); }

void open_scenario(UiState& ui, const std::string& path) {
  try {
    auto setup = open_run_file(path);
    ui.controller->load(std::move(setup), -1, true);
    ui.selected = {};
    ui.pending_levers.clear();
    ui.lessons.run_id = 0;
    ui.notice_text = std::string(tr("msg.opened")) + " " + path;
  } catch (const sim::ScenarioError& e) {
    std::string text;
    for (const auto& d : e.diagnostics()) text += d.format() + "\n";
    show_error(ui, text.empty() ? std::string(e.what()) : text);
  }
}

void draw_file_dialogs(UiState& ui) {
  if (ui.dialog == UiState::Dialog::none) return;
  const char* title = tr(title_of(ui.dialog));
  const std::string id = std::string(title) + "###file_dialog";
  if (!ImGui::IsPopupOpen(id.c_str())) ImGui::OpenPopup(id.c_str());
  ImGui::SetNextWindowSize(ImVec2(620, 0));
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted(tr("file.path"));
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputText("##path", ui.path_buffer, sizeof ui.path_buffer, ImGuiInputTextFlags_EnterReturnsTrue);
  const bool opening = ui.dialog == UiState::Dialog::open || ui.dialog == UiState::Dialog::open_planning ||
                       ui.dialog == UiState::Dialog::open_uncertainty;
  if (opening) {
    ImGui::TextDisabled("%s", tr(listing_title(ui.dialog)));
    ImGui::BeginChild("files", ImVec2(0, 220), true);
    for (const auto& f : listed_files(ui)) {
      const auto shown = std::filesystem::relative(f, ui.source_dir).string();
      if (ImGui::Selectable(shown.c_str(), f == ui.path_buffer, ImGuiSelectableFlags_AllowDoubleClick)) {
        std::snprintf(ui.path_buffer, sizeof ui.path_buffer, "%s", f.c_str());
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
          perform(ui);
          ui.dialog = UiState::Dialog::none;
        }
      }
    }
    ImGui::EndChild();
  }
  if (ImGui::Button((std::string(tr("file.ok")) + "###ok").c_str(), ImVec2(120, 0)) || enter) {
    perform(ui);
    ui.dialog = UiState::Dialog::none;
  }
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr("file.cancel")) + "###cancel").c_str(), ImVec2(120, 0))) ui.dialog = UiState::Dialog::none;
  if (ui.dialog == UiState::Dialog::none) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void draw_messages(UiState& ui) {
  const auto& s = *ui.snapshot;
  if (s.error_serial != ui.error_seen && !s.error.empty()) {
    ui.error_text = s.error;
    ui.error_seen = s.error_serial;
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  if (!ui.error_text.empty()) {
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - 16), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(420, 0), ImVec2(display.x * 0.8f, display.y * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.93f, 0.92f, 0.98f));
    ImGui::Begin((std::string(tr("msg.error")) + "###error").c_str(), nullptr,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
    ImGui::TextColored(ImVec4(0.6f, 0.1f, 0.05f, 1), "%s", ui.error_text.c_str());
    ImGui::TextDisabled("%s", tr("msg.run_continues"));
    if (ImGui::Button((std::string(tr("msg.dismiss")) + "###dismiss").c_str())) ui.error_text.clear();
    ImGui::End();
    ImGui::PopStyleColor();
  } else if (!ui.notice_text.empty()) {
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - 16), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::Begin("###notice", nullptr,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove);
    ImGui::TextUnformatted(ui.notice_text.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) ui.notice_text.clear();
    ImGui::End();
  }
}

}  // namespace shanzhi::viz
