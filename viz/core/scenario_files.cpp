#include "core/scenario_files.hpp"

#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/output/run_outputs.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <fstream>
#include <sstream>

namespace shanzhi::viz {
namespace {

constexpr std::string_view change_marker = "#@viz-change";

std::string toml_value(const sim::ParamValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return "\"" + *s + "\"";
  return sim::format_value(v);
}

std::string toml_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

[[noreturn]] void refuse_line(const std::string& file, int line, const std::string& what) {
  sim::Diagnostic d;
  d.where = sim::SourceLocation{file, line, 1};
  d.message = what;
  throw sim::ScenarioError({d});
}

/// Reads one "#@viz-change week=N | key=value ... | label" line.
LeverChange read_change(const std::string& file, int line, std::string_view text) {
  const auto parts_begin = text.substr(change_marker.size());
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (int i = 0; i < 2; ++i) {
    const auto bar = parts_begin.find('|', start);
    if (bar == std::string_view::npos) refuse_line(file, line, "expected '#@viz-change week=N | key=value ... | label'");
    parts.push_back(trim(parts_begin.substr(start, bar - start)));
    start = bar + 1;
  }
  parts.push_back(trim(parts_begin.substr(start)));
  LeverChange change;
  if (parts[0].rfind("week=", 0) != 0) refuse_line(file, line, "expected 'week=N' after #@viz-change");
  try {
    change.week = std::stoi(parts[0].substr(5));
  } catch (const std::exception&) {
    refuse_line(file, line, "expected a whole number after 'week='");
  }
  sim::ScenarioDocument scratch;
  std::istringstream assignments(parts[1]);
  std::string assignment;
  const auto infos = gov::governance_schema().infos();
  while (assignments >> assignment) {
    try {
      sim::apply_override(scratch, assignment, infos);
    } catch (const sim::ScenarioError& e) {
      refuse_line(file, line, e.diagnostics().empty() ? e.what() : e.diagnostics().front().message);
    }
    const auto key = assignment.substr(0, assignment.find('='));
    set_setting(change.settings, trim(key), scratch.values.at(trim(key)).first);
  }
  change.label = parts[2];
  return change;
}

}  // namespace

RunSetup open_run_file(const std::filesystem::path& file) {
  auto loaded = gov::load_governance_scenario(file.string(), {});
  RunSetup setup;
  setup.document = std::move(loaded.document);
  setup.parameters = std::move(loaded.parameters);
  // The loader has read the text already (it is kept for the manifest).
  const std::string& text = setup.document.sources.empty() ? std::string() : setup.document.sources.front().second;
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.rfind(change_marker, 0) == 0) setup.changes.push_back(read_change(file.string(), number, line));
  }
  // Every saved change must still be valid with this scenario.
  if (!setup.changes.empty()) (void)gov::parameters_with(setup.document, accumulated_settings(setup.changes));
  return setup;
}

std::string run_file_text(const RunSetup& setup) {
  std::ostringstream out;
  out << "# Saved by shanzhi-viz: every key at this run's scenario value, so `shanzhi run` gives the\n"
         "# same run. Lever changes made during the run are the #@viz-change lines at the end.\n\n";
  out << "[scenario]\nname = " << toml_string(setup.document.name) << "\n";
  out << "description = " << toml_string(setup.document.description) << "\n";
  std::string table;
  for (const auto& e : gov::governance_schema().entries()) {
    const auto dot = e.info.key.rfind('.');
    const std::string t = e.info.key.substr(0, dot);
    if (t != table) {
      table = t;
      out << "\n[" << table << "]\n";
    }
    out << e.info.key.substr(dot + 1) << " = " << toml_value(e.get(setup.parameters)) << "\n";
  }
  if (!setup.changes.empty()) out << "\n";
  for (const auto& change : setup.changes) {
    out << change_marker << " week=" << change.week << " |";
    for (const auto& [key, value] : change.settings) out << " " << key << "=" << sim::format_value(value);
    out << " | " << change.label << "\n";
  }
  return out.str();
}

void save_run_file(const std::filesystem::path& file, const RunSetup& setup) {
  sim::write_file_atomically(file, run_file_text(setup));
}

}  // namespace shanzhi::viz
