#pragma once
// What every reader of a TOML input file that names a base scenario shares (experiment files,
// optimization and calibration files): problems collected with file:line:column and reported all
// at once, the common field readers, and the base scenario with its `weeks` and `burn_in_weeks`.

#include "sim/parameters.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/scenario.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shanzhi::sim {

/// "a | b | c": the names a field accepts, for messages.
std::string one_of(const std::vector<std::string>& names);

class InputFileReader {
 public:
  InputFileReader(std::filesystem::path file, const std::vector<ParamInfo>& parameters);

  SourceLocation at(const toml::source_region& region) const;
  void error(SourceLocation where, std::string key, std::string message);
  void warn(SourceLocation where, std::string key, std::string message);
  bool has_errors() const;
  /// Sorts the file's problems by position; throws them all (then the base scenario's) as a
  /// ScenarioError if any is an error, else returns the warnings.
  std::vector<Diagnostic> warnings_or_throw();

  /// Reports every key of `table` that is not in `allowed`, suggesting the nearest.
  void check_names(const toml::table& table, const std::string& prefix, const std::vector<std::string>& allowed,
                   const std::string& what);
  std::optional<std::string> text_field(const toml::table& table, const std::string& prefix, std::string_view field);
  std::optional<std::int64_t> integer_field(const toml::table& table, const std::string& prefix,
                                            std::string_view field, std::int64_t min, std::int64_t max);
  std::optional<bool> boolean_field(const toml::table& table, const std::string& prefix, std::string_view field);

  /// Loads the scenario `table_name.base` names (relative to this file) into `base` and sets
  /// `base_path`; then applies `weeks` and `burn_in_weeks`, checked like scenario values. False
  /// when the base could not be loaded (its own problems follow this file's).
  bool read_base_with_run_keys(const toml::table& table, const std::string& table_name, std::string& base_path,
                               ScenarioDocument& base);

 protected:
  const std::filesystem::path file_;
  const std::string path_;
  const std::vector<ParamInfo>& parameters_;
  std::vector<Diagnostic> problems_;       ///< in this file
  std::vector<Diagnostic> base_problems_;  ///< in the base scenario (or its ancestors)

 private:
  bool read_base(const toml::table& table, const std::string& table_name, std::string& base_path,
                 ScenarioDocument& base);
  std::optional<std::pair<ParamValue, SourceLocation>> read_run_key(const toml::table& table,
                                                                    const std::string& table_name,
                                                                    std::string_view field, const std::string& key);
};

}  // namespace shanzhi::sim
