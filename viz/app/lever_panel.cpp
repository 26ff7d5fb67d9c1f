// The policy levers, built from the parameter schema: every lever key in the seed's groups, with
// a tooltip on the mechanism and the seed's name for it. Edits are staged and applied together
// as one recorded policy event (a marker on every plot).

#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/i18n.hpp"
#include "core/lever_groups.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/spec/service_category.hpp"

#include <cmath>
#include <string>

namespace shanzhi::viz {
namespace {

/// Lever label and tooltip; a lever the tables do not know yet falls back to its key and the
/// schema's English meaning, so new levers still appear.
std::string lever_label(const sim::ParamInfo& info) {
  const auto keys = lever_text_keys(info.key);
  const char* t = find_text(keys.label, current_language());
  if (!t) return info.key;
  std::string label = t;
  if (keys.category >= 0) {
    const auto& c = gov::info(keys.category);
    label += ": " + std::string(current_language() == Language::zh ? c.name_zh : c.name_en);
  }
  return label;
}

std::string lever_tooltip(const sim::ParamInfo& info, const sim::ParamValue& pre_reform) {
  std::string text;
  if (const char* t = find_text(lever_text_keys(info.key).help, current_language())) text = t;
  else text = info.meaning;
  text += "\n\n";
  text += tr("lever.seed");
  text += " ";
  if (const char* seed = find_text("seed." + info.lever, current_language())) text += seed;
  else text += info.lever;
  text += "\n";
  text += tr("lever.range");
  text += " " + info.range_text() + (info.unit.empty() ? "" : " (" + info.unit + ")");
  text += "\n";
  text += tr("lever.pre_reform");
  text += " " + sim::format_value(pre_reform);
  text += "\n" + info.key;
  return text;
}

/// Draws the widget for one lever; returns true and sets `value` when the user changed it.
bool lever_widget(const sim::ParamInfo& info, sim::ParamValue& value) {
  const std::string id = "##" + info.key;
  ImGui::SetNextItemWidth(-1);
  switch (info.type) {
    case sim::ParamType::boolean: {
      bool v = std::get<bool>(value);
      if (ImGui::Checkbox(id.c_str(), &v)) {
        value = v;
        return true;
      }
      return false;
    }
    case sim::ParamType::choice: {
      const auto& current = std::get<std::string>(value);
      bool changed = false;
      if (ImGui::BeginCombo(id.c_str(), tr("choice." + current))) {
        for (const auto& choice : info.choices)
          if (ImGui::Selectable(tr("choice." + choice), choice == current)) {
            value = choice;
            changed = true;
          }
        ImGui::EndCombo();
      }
      return changed;
    }
    case sim::ParamType::integer: {
      auto v = static_cast<int>(std::get<std::int64_t>(value));
      const int hi = static_cast<int>(std::min(info.max, 1e9));
      if (ImGui::SliderInt(id.c_str(), &v, static_cast<int>(info.min), hi, "%d", ImGuiSliderFlags_AlwaysClamp)) {
        value = static_cast<std::int64_t>(v);
        return true;
      }
      return false;
    }
    case sim::ParamType::real: {
      const auto w = widget_for(info);
      double v = std::get<double>(value);
      ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp;
      double lo = w.min;
      if (w.logarithmic) {
        flags |= ImGuiSliderFlags_Logarithmic;
        lo = std::max(w.min, 0.0);
      }
      if (ImGui::SliderScalar(id.c_str(), ImGuiDataType_Double, &v, &lo, &w.max, w.format, flags)) {
        value = v;
        return true;
      }
      return false;
    }
  }
  return false;
}

std::string change_label(const std::map<std::string, sim::ParamValue>& pending) {
  std::string text;
  for (const auto& [key, value] : pending) {
    if (!text.empty()) text += ", ";
    text += key.substr(key.rfind('.') + 1) + "=" + sim::format_value(value);
  }
  return text;
}

}  // namespace

void draw_lever_panel(UiState& ui) {
  const auto& s = *ui.snapshot;
  const auto& schema = gov::governance_schema();
  static const auto groups = group_levers(schema.infos());
  const bool can_change = s.shape && !s.in_burn_in() && !s.finished();
  if (!can_change) ImGui::TextWrapped("%s", tr(s.in_burn_in() ? "lever.wait_burn_in" : "lever.finished"));

  // Apply / discard staged edits.
  ImGui::BeginDisabled(ui.pending_levers.empty() || !can_change);
  if (ImGui::Button((std::string(tr("lever.apply")) + "###apply").c_str())) {
    Settings settings(ui.pending_levers.begin(), ui.pending_levers.end());
    ui.controller->change_levers(std::move(settings), change_label(ui.pending_levers));
    ui.pending_levers.clear();
  }
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr("lever.discard")) + "###discard").c_str())) ui.pending_levers.clear();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled("%zu %s", ui.pending_levers.size(), tr("lever.pending"));
  help_marker(tr("help.levers"));
  // Budgets and the catalogue wait for the next fiscal year: say so before the change is applied.
  if (const Settings staged(ui.pending_levers.begin(), ui.pending_levers.end()); changes_at_fiscal_year(staged)) {
    const int week = fiscal_year_effect_week(s.model_week - s.burn_in_weeks, s.burn_in_weeks);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.35f, 0.05f, 1));
    ImGui::TextWrapped("%s %d%s", tr("lever.fiscal_note"), week, tr("lever.fiscal_note_end"));
    ImGui::PopStyleColor();
  }
  ImGui::Separator();

  ImGui::BeginChild("levers");
  for (const auto& group : groups) {
    const std::string header = std::string(tr("group." + group.id)) + "###" + group.id;
    if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
    for (const auto& info : group.levers) {
      const auto* entry = schema.find(info.key);
      if (!entry) continue;
      const bool pending = ui.pending_levers.count(info.key) > 0;
      sim::ParamValue value = pending ? ui.pending_levers.at(info.key) : entry->get(s.active_parameters);
      if (pending) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.35f, 0.05f, 1));
      ImGui::TextUnformatted(lever_label(info).c_str());
      if (pending) ImGui::PopStyleColor();
      help_marker(lever_tooltip(info, info.pre_reform_value.value_or(info.default_value)).c_str());
      ImGui::BeginDisabled(!can_change);
      if (lever_widget(info, value)) ui.pending_levers[info.key] = value;
      ImGui::EndDisabled();
    }
  }
  ImGui::EndChild();
}

}  // namespace shanzhi::viz
