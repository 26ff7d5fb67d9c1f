#include "sim/scenario/input_file_reader.hpp"

#include "sim/scenario/file_text.hpp"
#include "sim/scenario/toml_values.hpp"

#include <algorithm>
#include <limits>

namespace shanzhi::sim {

using detail::describe_node;

std::string one_of(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : " | ") + name;
  return out;
}

InputFileReader::InputFileReader(std::filesystem::path file, const std::vector<ParamInfo>& parameters)
    : file_(std::move(file)), path_(file_.string()), parameters_(parameters) {}

SourceLocation InputFileReader::at(const toml::source_region& region) const {
  return SourceLocation{path_, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

void InputFileReader::error(SourceLocation where, std::string key, std::string message) {
  problems_.push_back({Diagnostic::Severity::error, std::move(where), std::move(key), std::move(message)});
}

void InputFileReader::warn(SourceLocation where, std::string key, std::string message) {
  problems_.push_back({Diagnostic::Severity::warning, std::move(where), std::move(key), std::move(message)});
}

bool InputFileReader::has_errors() const {
  const auto is_error = [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; };
  return !base_problems_.empty() || std::any_of(problems_.begin(), problems_.end(), is_error);
}

std::vector<Diagnostic> InputFileReader::warnings_or_throw() {
  std::stable_sort(problems_.begin(), problems_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  if (has_errors()) {
    problems_.insert(problems_.end(), base_problems_.begin(), base_problems_.end());
    throw ScenarioError(std::move(problems_));
  }
  return std::move(problems_);
}

void InputFileReader::check_names(const toml::table& table, const std::string& prefix,
                                  const std::vector<std::string>& allowed, const std::string& what) {
  for (auto&& [key, node] : table) {
    const std::string name(key.str());
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string message = what;
    if (const auto near = nearest_key(name, allowed); !near.empty())
      message += "; did you mean '" + (prefix.empty() ? near : prefix + "." + near) + "'?";
    else
      message += "; expected one of " + one_of(allowed);
    error(at(key.source()), prefix.empty() ? name : prefix + "." + name, message);
  }
}

std::optional<std::string> InputFileReader::text_field(const toml::table& table, const std::string& prefix,
                                                       std::string_view field) {
  const auto* node = table.get(field);
  if (!node) return std::nullopt;
  if (const auto* text = node->as_string()) return text->get();
  error(at(node->source()), prefix + "." + std::string(field), "expected text in quotes, got " + describe_node(*node));
  return std::nullopt;
}

std::optional<bool> InputFileReader::boolean_field(const toml::table& table, const std::string& prefix,
                                                   std::string_view field) {
  const auto* node = table.get(field);
  if (!node) return std::nullopt;
  if (const auto* flag = node->as_boolean()) return flag->get();
  error(at(node->source()), prefix + "." + std::string(field), "expected true or false, got " + describe_node(*node));
  return std::nullopt;
}

std::optional<std::int64_t> InputFileReader::integer_field(const toml::table& table, const std::string& prefix,
                                                           std::string_view field, std::int64_t min, std::int64_t max) {
  const auto* node = table.get(field);
  if (!node) return std::nullopt;
  const auto* integer = node->as_integer();
  const std::string range = max == std::numeric_limits<std::int64_t>::max()
                                ? "a whole number ≥ " + std::to_string(min)
                                : "a whole number between " + std::to_string(min) + " and " + std::to_string(max);
  if (!integer || integer->get() < min || integer->get() > max) {
    error(at(node->source()), prefix + "." + std::string(field), "expected " + range + ", got " + describe_node(*node));
    return std::nullopt;
  }
  return integer->get();
}

bool InputFileReader::read_base_with_run_keys(const toml::table& table, const std::string& table_name,
                                              std::string& base_path, ScenarioDocument& base) {
  const bool loaded = read_base(table, table_name, base_path, base);
  for (const auto& [field, key] : {std::pair{"weeks", "run.weeks"}, std::pair{"burn_in_weeks", "run.burn_in_weeks"}}) {
    const auto value = read_run_key(table, table_name, field, key);
    if (value && loaded) base.values.insert_or_assign(key, *value);
  }
  return loaded;
}

bool InputFileReader::read_base(const toml::table& table, const std::string& table_name, std::string& base_path,
                                ScenarioDocument& base) {
  const auto* node = table.get("base");
  const std::string key = table_name + ".base";
  if (!node) {
    error(at(table.source()), key,
          "missing: name the scenario every run starts from, e.g. base = \"../small_district.toml\"");
    return false;
  }
  const auto name = text_field(table, table_name, "base");
  if (!name) return false;
  const auto resolved = (file_.parent_path() / *name).lexically_normal();
  base_path = resolved.string();
  const auto probe = detail::read_scenario_text(resolved);
  if (probe.problem && probe.problem->cannot_open) {
    error(at(node->source()), key,
          "cannot read base scenario '" + base_path + "': " + probe.problem->message + " (the path is relative to the " +
              table_name + " file)");
    return false;
  }
  try {
    base = load_scenario(resolved, parameters_);
    return true;
  } catch (const ScenarioError& e) {
    base_problems_.insert(base_problems_.end(), e.diagnostics().begin(), e.diagnostics().end());
    return false;
  }
}

std::optional<std::pair<ParamValue, SourceLocation>> InputFileReader::read_run_key(const toml::table& table,
                                                                                   const std::string& table_name,
                                                                                   std::string_view field,
                                                                                   const std::string& key) {
  const auto* node = table.get(field);
  if (!node) return std::nullopt;
  const std::string name = table_name + "." + std::string(field);
  const auto info =
      std::find_if(parameters_.begin(), parameters_.end(), [&](const ParamInfo& p) { return p.key == key; });
  const auto where = at(node->source());
  if (info == parameters_.end()) {
    error(where, name, "this model has no scenario key '" + key + "' to set");
    return std::nullopt;
  }
  const auto* integer = node->as_integer();
  const std::string problem =
      integer ? info->check(ParamValue{integer->get()}) : "expected " + info->expected_text() + ", got " + describe_node(*node);
  if (!problem.empty()) {
    error(where, name, problem);
    return std::nullopt;
  }
  return std::pair{info->normalise(ParamValue{integer->get()}), where};
}

}  // namespace shanzhi::sim
