#pragma once
// Problems found in a scenario or experiment file, with where they are.

#include "sim/parameters.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace shanzhi::sim {

struct Diagnostic {
  enum class Severity { error, warning };
  Severity severity = Severity::error;
  SourceLocation where;
  std::string key;      ///< the scenario key concerned, if any
  std::string message;  ///< what is wrong and what was expected

  /// "file:line:column: error: key 'x': message" — the form compilers use, so editors can jump.
  std::string format() const;
};

/// Thrown when a file cannot be used; carries every problem found, not just the first.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Nearest of `candidates` to `word` by edit distance (also matching on the last dotted segment),
/// or empty if nothing is close enough to be a plausible typo.
std::string nearest_key(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace shanzhi::sim
