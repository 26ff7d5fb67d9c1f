#include "models/governance/spec/composed_policy.hpp"

#include "models/governance/spec/parameter_schema.hpp"

#include <filesystem>
#include <map>

namespace shanzhi::gov {
namespace {

using Severity = sim::Diagnostic::Severity;

/// The keys `part` sets to a value other than the baseline's, with their values and places.
std::map<std::string, std::pair<sim::ParamValue, sim::SourceLocation>> changes_of(const sim::ScenarioDocument& part,
                                                                                   const sim::ScenarioDocument& baseline) {
  std::map<std::string, std::pair<sim::ParamValue, sim::SourceLocation>> changes;
  for (const auto& [key, entry] : part.values) {
    const auto in_baseline = baseline.values.find(key);
    const auto baseline_value = in_baseline != baseline.values.end()
                                    ? in_baseline->second.first
                                    : governance_schema().find(key)->info.default_value;
    if (!(entry.first == baseline_value)) changes.emplace(key, entry);
  }
  return changes;
}

/// "budget_per_community_yuan=300000" for "purchase.budget_per_community_yuan = 300000": the key
/// without its table, for a policy's name (the full keys are in its manifest).
std::string short_assignment(const std::string& assignment) {
  const auto equals = assignment.find('=');
  const auto trim = [](std::string text) {
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
  };
  std::string key = trim(assignment.substr(0, equals));
  if (const auto dot = key.rfind('.'); dot != std::string::npos) key = key.substr(dot + 1);
  return key + "=" + trim(assignment.substr(equals + 1));
}

}  // namespace

std::vector<std::string> policy_parts(const std::string& argument) {
  std::error_code error;
  if (std::filesystem::exists(argument, error) || argument.find('+') == std::string::npos) return {argument};
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t plus = argument.find('+'); plus != std::string::npos; plus = argument.find('+', start)) {
    parts.push_back(argument.substr(start, plus - start));
    start = plus + 1;
  }
  parts.push_back(argument.substr(start));
  return parts;
}

LoadedScenario compose_policy(const LoadedScenario& baseline, const std::vector<std::string>& parts,
                              const std::vector<std::string>& overrides) {
  sim::ScenarioDocument composed = baseline.document;
  composed.warnings.clear();
  composed.name.clear();
  std::vector<sim::Diagnostic> errors;
  std::map<std::string, std::pair<sim::ParamValue, sim::SourceLocation>> taken;  // key → the first part's change
  for (const auto& path : parts) {
    if (path.empty()) {
      sim::Diagnostic empty_part;
      empty_part.where.file = "policy";
      empty_part.message = "an empty part in a policy joined with '+'";
      errors.push_back(std::move(empty_part));
      continue;
    }
    LoadedScenario part;
    try {
      part = load_governance_scenario(path, overrides);
    } catch (const sim::ScenarioError& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
      continue;
    }
    const auto changes = changes_of(part.document, baseline.document);
    if (changes.empty()) {
      sim::Diagnostic nothing;
      nothing.severity = Severity::warning;
      nothing.where.file = path;
      nothing.message = "changes nothing in the baseline " + baseline.document.path;
      composed.warnings.push_back(std::move(nothing));
    }
    for (const auto& [key, change] : changes) {
      const auto [earlier, first] = taken.emplace(key, change);
      if (!first && !(earlier->second.first == change.first)) {
        errors.push_back({Severity::error, change.second, key,
                          "set to " + sim::format_value(change.first) + " here but to " +
                              sim::format_value(earlier->second.first) + " by " + earlier->second.second.describe() +
                              "; a composed policy takes each key from one part"});
        continue;
      }
      composed.values.insert_or_assign(key, change);
    }
    composed.name += (composed.name.empty() ? "" : "+") + part.document.name;
    composed.sources.insert(composed.sources.end(), part.document.sources.begin(), part.document.sources.end());
  }
  if (!errors.empty()) throw sim::ScenarioError(errors);
  composed.path = parts.front();
  composed.description = "The changes of " + composed.name + " together on " + baseline.document.name;
  return checked_scenario(std::move(composed));
}

LoadedScenario with_changes(const LoadedScenario& policy, const std::vector<std::string>& assignments) {
  sim::ScenarioDocument document = policy.document;
  const auto infos = governance_schema().infos();
  std::vector<sim::Diagnostic> errors;
  std::string changes;
  for (const auto& assignment : assignments) {
    try {
      sim::apply_override(document, assignment, infos, "--with");
      changes += (changes.empty() ? "" : ",") + short_assignment(assignment);
    } catch (const sim::ScenarioError& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!errors.empty()) throw sim::ScenarioError(errors);
  document.name += "+" + changes;
  document.description += (document.description.empty() ? "" : "; ") + std::string("with ") + changes;
  return checked_scenario(std::move(document));
}

std::vector<std::string> district_differences(const LoadedScenario& baseline, const LoadedScenario& policy) {
  const auto& schema = governance_schema();
  std::vector<std::string> out;
  for (const auto& info : schema.infos()) {
    if (info.role != sim::ParamRole::structure) continue;
    const auto* entry = schema.find(info.key);
    const auto before = entry->get(baseline.parameters);
    const auto after = entry->get(policy.parameters);
    if (!(before == after)) out.push_back(info.key + " " + sim::format_value(before) + " → " + sim::format_value(after));
  }
  return out;
}

}  // namespace shanzhi::gov
