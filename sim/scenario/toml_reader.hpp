#pragma once
// What one scenario file says, read from its TOML text and checked against the schema. The
// file's `extends` target is only named here; following the chain is the loader's job.

#include "sim/parameters.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shanzhi::sim::detail {

struct FileContents {
  /// Valid parameter values set by this file, normalised to their parameter's type.
  std::map<std::string, std::pair<ParamValue, SourceLocation>> values;
  /// The `extends` path as written, and where.
  std::optional<std::pair<std::string, SourceLocation>> extends;
  std::optional<std::string> name;         ///< [scenario] name
  std::optional<std::string> description;  ///< [scenario] description
  /// Problems in this file, in the order they appear in it.
  std::vector<Diagnostic> diagnostics;
};

/// Parses `text` (valid UTF-8) as TOML; `path` names the file in every location reported.
FileContents read_toml_scenario(std::string_view text, const std::string& path,
                                const std::vector<ParamInfo>& schema);

}  // namespace shanzhi::sim::detail
