#pragma once
// Factors of an experiment: the scenario keys a design varies, each with a range or a list of
// values. Read from `[[factor]]` tables (experiment files and the stand-alone parameter files of
// `shanzhi sample`):
//
//   [[factor]]
//   key = "purchase.budget_per_community_yuan"   # a scenario key (any name in a params file)
//   min = 0
//   max = 400000
//   role = "lever"            # lever (a planner's choice) or uncertainty (default: uncertainty)
//
//   [[factor]]
//   key = "needs.rate_scale"                      # a range with a distribution over it:
//   min = 0.5                                     #   uniform (the default), triangular (mode = ...)
//   max = 1.5                                     #   or normal (mean = ..., sd = ...) truncated to
//   distribution = "normal"                       #   [min, max]
//   mean = 1.0
//   sd = 0.2
//
//   [[factor]]
//   key = "information.queue_rule"
//   values = ["fifo", "priority"]                 # a list instead of a range
//
// A design works in the unit hypercube; `value_at` maps a unit coordinate to the factor's value.

#include "sim/parameters.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <string>
#include <vector>

namespace toml {
inline namespace v3 {
class table;
}
}  // namespace toml

namespace shanzhi::sim::experiments {

enum class FactorRole { lever, uncertainty };

/// How a range factor's values are spread over [min, max].
enum class Distribution { uniform, triangular, normal };

struct Factor {
  std::string key;
  FactorRole role = FactorRole::uncertainty;
  /// Either a continuous range [min, max] ...
  double min = 0;
  double max = 1;
  bool integer = false;          ///< round to whole numbers (integer scenario keys)
  Distribution distribution = Distribution::uniform;
  double mode = 0;               ///< triangular: most likely value
  double mean = 0, sd = 0;       ///< normal (truncated to [min, max])
  /// ... or a list of values (numbers, booleans or choice names), taken in order.
  std::vector<ParamValue> values;
  SourceLocation where;

  bool is_list() const { return !values.empty(); }
  /// Number of distinct levels of a list factor (0 for a range).
  std::size_t level_count() const { return values.size(); }
  /// The factor's value at unit coordinate u ∈ [0, 1]: for a range, the u-quantile of its
  /// distribution (min + u·(max − min) when uniform; rounded for integers); for a list, the value
  /// whose bin [i/n, (i+1)/n) holds u (u = 1 → last).
  ParamValue value_at(double u) const;
  /// The unit coordinate of a range factor's value: its cumulative probability under the
  /// factor's distribution (the inverse of value_at for ranges).
  double unit_of(double value) const;
};

/// Reads the `[[factor]]` array of a parsed TOML document. When `schema` is non-empty every key
/// must be a schema key (unknown keys get the nearest valid one), ranges must lie inside the
/// key's allowed range, and values must pass the key's checks; `integer` is taken from the
/// schema. Problems are appended to `diagnostics` with file:line:column.
std::vector<Factor> read_factors(const toml::table& document, const std::string& file,
                                 const std::vector<ParamInfo>& schema, std::vector<Diagnostic>& diagnostics);

/// Loads a stand-alone parameter file (only `[[factor]]` tables) for `shanzhi sample`,
/// `shanzhi analyze --params` and `shanzhi compare --assumptions`; with a non-empty `schema` the
/// factors are checked against it as read_factors does. Throws ScenarioError on any problem.
std::vector<Factor> load_factor_file(const std::string& path, const std::vector<ParamInfo>& schema = {});

}  // namespace shanzhi::sim::experiments
