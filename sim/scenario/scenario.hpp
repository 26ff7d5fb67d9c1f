#pragma once
// Scenario files: TOML documents whose keys are the parameter schema's dotted keys, written as
// tables (`[workers]` then `pay_ratio = 0.9`) or dotted keys. Two reserved entries:
//   extends = "other.toml"            inherit every value of another file (path relative to
//                                      this one), then override; chains allowed, cycles refused
//   [scenario] name = "...", description = "..."   metadata, not parameters
//
// Loading validates everything and reports every problem at once: unknown keys with the nearest
// valid key, wrong types, NaN/infinity, out-of-range values, integers too large, bad choices.

#include "sim/parameters.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace shanzhi::sim {

struct ScenarioDocument {
  std::string path;         ///< the file the user named
  std::string name;         ///< [scenario] name, or the file's stem
  std::string description;  ///< [scenario] description, or empty
  /// Every key set by the file or its ancestors (child wins) or by overrides, with provenance.
  std::map<std::string, std::pair<ParamValue, SourceLocation>> values;
  /// Text of every file read, main file first, for the run manifest.
  std::vector<std::pair<std::string, std::string>> sources;
  /// Warnings found while loading (errors throw instead).
  std::vector<Diagnostic> warnings;
};

/// Reads and validates a scenario file against `schema`. Throws ScenarioError listing every
/// problem (file:line:column, key, what was expected, "did you mean ..." for typos).
ScenarioDocument load_scenario(const std::filesystem::path& file, const std::vector<ParamInfo>& schema);

/// Parses and validates "key=value" (as typed after --set) and records it in `doc` with source
/// `option` ("--set", or "--with" for a policy written on compare's command line). The value is
/// read according to the key's type: 0.9, 12, true/false, or a choice name. Throws
/// ScenarioError on an unknown key (with suggestion) or a bad value.
void apply_override(ScenarioDocument& doc, std::string_view assignment, const std::vector<ParamInfo>& schema,
                    std::string_view option = "--set");

/// Parameter struct with every value of `doc` applied over the struct's defaults.
template <class P>
P resolve_parameters(const ScenarioDocument& doc, const ParameterSchema<P>& schema) {
  P params{};
  for (const auto& [key, entry] : doc.values)
    if (const auto* e = schema.find(key)) e->set(params, e->info.normalise(entry.first));
  return params;
}

/// Every schema key with its resolved value and provenance ("default" when no file set it).
template <class P>
std::vector<std::pair<std::string, std::pair<ParamValue, SourceLocation>>> resolved_listing(
    const ScenarioDocument& doc, const ParameterSchema<P>& schema, const P& params) {
  std::vector<std::pair<std::string, std::pair<ParamValue, SourceLocation>>> out;
  for (const auto& e : schema.entries()) {
    auto it = doc.values.find(e.info.key);
    SourceLocation where = it != doc.values.end() ? it->second.second : SourceLocation{"default", 0, 0};
    out.push_back({e.info.key, {e.get(params), where}});
  }
  return out;
}

}  // namespace shanzhi::sim
