#include "models/governance/lessons/lesson_file.hpp"

#include "models/governance/recording/governance_metrics.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/file_text.hpp"
#include "sim/scenario/toml_values.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace shanzhi::gov {
namespace {

using namespace std::string_view_literals;

using sim::experiments::set_setting;

[[noreturn]] void refuse(const std::string& file, const toml::node* node, const std::string& key, const std::string& what) {
  std::string where = file;
  if (node) where += ":" + std::to_string(node->source().begin.line) + ":" + std::to_string(node->source().begin.column);
  throw LessonError(where + ": error: " + (key.empty() ? "" : "key '" + key + "': ") + what);
}

std::string required_text(const std::string& file, const toml::table& t, const char* key, const std::string& context) {
  const auto* node = t.get(key);
  if (!node) refuse(file, &t, context + key, "missing; expected a text");
  const auto* s = node->as_string();
  if (!s || s->get().empty()) refuse(file, node, context + key, "expected a non-empty text");
  return s->get();
}

void check_known(const std::string& file, const toml::table& t, std::vector<std::string> allowed, const std::string& context) {
  for (const auto& [k, node] : t) {
    const std::string key(k.str());
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    const auto near = sim::nearest_key(key, allowed);
    refuse(file, &node, context + key, "unknown key" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
  }
}

/// Flattens `levers` (quoted dotted keys or nested tables) into checked settings.
void read_levers(const std::string& file, const toml::table& table, const std::string& prefix, LessonSettings& out) {
  const auto& schema = governance_schema();
  for (const auto& [k, node] : table) {
    const std::string key = prefix + std::string(k.str());
    if (const auto* nested = node.as_table()) {
      read_levers(file, *nested, key + ".", out);
      continue;
    }
    const auto* entry = schema.find(key);
    if (!entry) {
      const auto near = sim::nearest_key(key, schema.keys());
      refuse(file, &node, key, "not a scenario key" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
    }
    const auto value = sim::detail::scalar_value(node);
    if (!value) refuse(file, &node, key, "expected " + entry->info.expected_text() + ", got " + sim::detail::kind_of(node));
    if (auto problem = entry->info.check(*value); !problem.empty()) refuse(file, &node, key, problem);
    set_setting(out, key, entry->info.normalise(*value));
  }
}

/// The metrics a step names to plot: an array of recorded metric names, each once.
std::vector<std::string> read_panels(const std::string& file, const toml::node& node, const std::string& key) {
  const auto* names = node.as_array();
  if (!names) refuse(file, &node, key, "expected an array of metric names, e.g. [\"worker_admin_share\"]");
  static const auto recorded = metric_names();
  std::vector<std::string> panels;
  for (const auto& element : *names) {
    const auto* name = element.as_string();
    if (!name) refuse(file, &element, key, "expected a metric name in quotes, got " + sim::detail::kind_of(element));
    const std::string& metric = name->get();
    if (std::find(recorded.begin(), recorded.end(), metric) == recorded.end()) {
      const auto near = sim::nearest_key(metric, recorded);
      refuse(file, &element, key, "'" + metric + "' is not a recorded metric" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
    }
    if (std::find(panels.begin(), panels.end(), metric) != panels.end())
      refuse(file, &element, key, "'" + metric + "' is named twice");
    panels.push_back(metric);
  }
  return panels;
}

LessonStep read_step(const std::string& file, const toml::table& t, int index) {
  const std::string context = "step[" + std::to_string(index + 1) + "].";
  check_known(file, t, {"text_en", "text_zh", "weeks", "levers", "panels"}, context);
  LessonStep step;
  step.text_en = required_text(file, t, "text_en", context);
  step.text_zh = required_text(file, t, "text_zh", context);
  const auto* weeks = t.get("weeks");
  if (!weeks || !weeks->as_integer()) refuse(file, weeks ? weeks : &t, context + "weeks", "expected a whole number of weeks ≥ 1");
  const auto w = weeks->as_integer()->get();
  if (w < 1 || w > 2600) refuse(file, weeks, context + "weeks", "expected a whole number of weeks between 1 and 2600, got " + std::to_string(w));
  step.weeks = static_cast<int>(w);
  if (const auto* levers = t.get("levers")) {
    if (!levers->as_table()) refuse(file, levers, context + "levers", "expected a table of scenario keys and values");
    read_levers(file, *levers->as_table(), "", step.levers);
  }
  if (const auto* panels = t.get("panels")) step.panels = read_panels(file, *panels, context + "panels");
  return step;
}

}  // namespace

Lesson load_lesson(const std::filesystem::path& path) {
  const std::string file = path.string();
  // The same checks as a scenario file: a regular file (not a FIFO or /dev/zero), at most 16 MiB,
  // UTF-8 text.
  const auto read = sim::detail::read_text_file(path, {"lesson file", "TOML", false});
  if (read.problem) {
    const auto& p = *read.problem;
    throw LessonError(file + (p.line > 0 ? ":" + std::to_string(p.line) + ":" + std::to_string(p.column) : "") +
                      ": error: " + (p.cannot_open ? "cannot read the lesson file: " : "") + p.message);
  }
  const std::string& text = read.text;
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& e) {
    throw LessonError(file + ":" + std::to_string(e.source().begin.line) + ":" + std::to_string(e.source().begin.column) +
                      ": error: " + std::string(e.description()));
  }
  check_known(file, root, {"lesson", "step"}, "");
  const auto* header = root.get_as<toml::table>("lesson");
  if (!header) refuse(file, nullptr, "lesson", "missing [lesson] table with title_en, title_zh and scenario");
  check_known(file, *header, {"title_en", "title_zh", "scenario", "seed"}, "lesson.");
  Lesson lesson;
  lesson.path = file;
  lesson.title_en = required_text(file, *header, "title_en", "lesson.");
  lesson.title_zh = required_text(file, *header, "title_zh", "lesson.");
  const auto scenario = required_text(file, *header, "scenario", "lesson.");
  lesson.scenario_path = (path.parent_path() / scenario).lexically_normal().string();
  if (const auto* seed = header->get("seed")) {
    // The lesson's seed becomes run.seed: the same range.
    const auto& run_seed = governance_schema().find("run.seed")->info;
    const auto most_seed = static_cast<std::int64_t>(run_seed.max);
    if (!seed->as_integer() || seed->as_integer()->get() < 0 || seed->as_integer()->get() > most_seed)
      refuse(file, seed, "lesson.seed",
             "expected a whole number from 0 to " + std::to_string(most_seed) + " (the range of run.seed)");
    lesson.seed = seed->as_integer()->get();
  }
  const auto* steps = root.get_as<toml::array>("step");
  if (!steps || steps->empty()) refuse(file, nullptr, "step", "a lesson needs at least one [[step]]");
  for (std::size_t i = 0; i < steps->size(); ++i) {
    const auto* t = steps->get(i)->as_table();
    if (!t) refuse(file, steps->get(i), "step", "expected [[step]] tables");
    lesson.steps.push_back(read_step(file, *t, static_cast<int>(i)));
  }
  return lesson;
}

void check_lesson_combinations(const Lesson& lesson) {
  const auto loaded = load_governance_scenario(lesson.scenario_path, {});
  LessonSettings levers;
  if (lesson.seed) levers.emplace_back("run.seed", sim::ParamValue{*lesson.seed});
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    for (const auto& [key, value] : lesson.steps[i].levers) set_setting(levers, key, value);
    try {
      (void)parameters_with(loaded.document, levers);
    } catch (const sim::ScenarioError& e) {
      std::string problems;
      for (const auto& d : e.diagnostics())
        if (d.severity == sim::Diagnostic::Severity::error)
          problems += "\n  " + (d.key.empty() ? "" : "key '" + d.key + "': ") + d.message;
      throw LessonError(lesson.path + ": error: step " + std::to_string(i + 1) +
                        "'s levers make an invalid scenario with " + lesson.scenario_path + ":" + problems);
    }
  }
}

}  // namespace shanzhi::gov
