#include "core/panel_choice.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <cctype>

namespace shanzhi::viz {
namespace {

bool is_recorded(const std::vector<sim::MetricInfo>& recorded, const std::string& name) {
  return std::any_of(recorded.begin(), recorded.end(), [&](const sim::MetricInfo& m) { return m.name == name; });
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<std::string> running_step_panels(const LessonPlayer& player, bool showing_lesson_run) {
  if (!showing_lesson_run || player.step() < 0 || player.step() >= player.step_count()) return {};
  return player.lesson().steps[static_cast<std::size_t>(player.step())].panels;
}

std::vector<ExtraPanel> extra_panels(const std::vector<std::string>& step_panels, const std::vector<std::string>& picked,
                                     const std::vector<sim::MetricInfo>& recorded) {
  std::vector<ExtraPanel> out;
  const auto add = [&](const std::string& metric, bool from_lesson) {
    const bool listed = std::any_of(out.begin(), out.end(), [&](const ExtraPanel& p) { return p.metric == metric; });
    if (!listed && is_recorded(recorded, metric)) out.push_back({metric, from_lesson});
  };
  for (const auto& metric : step_panels) add(metric, true);
  for (const auto& metric : picked) add(metric, false);
  return out;
}

void toggle_picked(std::vector<std::string>& picked, const std::string& metric) {
  const auto it = std::find(picked.begin(), picked.end(), metric);
  if (it == picked.end()) picked.push_back(metric);
  else picked.erase(it);
}

std::vector<std::size_t> metrics_matching(const std::vector<sim::MetricInfo>& recorded, std::string_view filter) {
  const auto wanted = ascii_lower(filter);
  std::vector<std::size_t> out;
  for (std::size_t m = 0; m < recorded.size(); ++m) {
    const auto& name = recorded[m].name;
    const auto shown = ascii_lower(tr("metric." + name));
    if (ascii_lower(name).find(wanted) != std::string::npos || shown.find(wanted) != std::string::npos) out.push_back(m);
  }
  return out;
}

}  // namespace shanzhi::viz
