// Reading `[[factor]]` tables: every mistake is reported with file:line:column, the key, and
// what was expected, and all of them at once, like scenario files.

#include "sim/experiments/factors.hpp"

#include "sim/scenario/file_text.hpp"
#include "sim/output/run_outputs.hpp"
#include "sim/scenario/toml_values.hpp"

#include <boost/math/distributions/normal.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace shanzhi::sim::experiments {
namespace {

using detail::describe_node;
using detail::scalar_value;

constexpr std::string_view factor_array = "factor";
const std::vector<std::string> factor_fields{"key", "min", "max", "values", "role", "distribution", "mode", "mean", "sd"};
const std::vector<std::string> distribution_names{"uniform", "triangular", "normal"};
const std::vector<std::string> role_names{"lever", "uncertainty"};

// toml_reader.cpp has helpers like these in its anonymous namespace; they are a few lines each,
// so they are repeated here rather than widening the scenario reader's interface.

SourceLocation location(const std::string& file, const toml::source_region& region) {
  return SourceLocation{file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

bool is_number(const ParamValue& value) {
  return std::holds_alternative<double>(value) || std::holds_alternative<std::int64_t>(value);
}

double as_double(const ParamValue& value) {
  if (const auto* whole = std::get_if<std::int64_t>(&value)) return static_cast<double>(*whole);
  return std::get<double>(value);
}

/// Whether two list values would be the same design level (1 and 1.0 are).
bool same_value(const ParamValue& a, const ParamValue& b) {
  if (is_number(a) && is_number(b)) return as_double(a) == as_double(b);
  return a == b;
}

/// Numbers, booleans and text: a list mixing them cannot be one parameter's values.
int value_kind(const ParamValue& value) {
  if (is_number(value)) return 0;
  return std::holds_alternative<bool>(value) ? 1 : 2;
}

/// Reads the [[factor]] array, one table at a time, appending a diagnostic for each problem.
class FactorReader {
 public:
  FactorReader(const std::string& file, const std::vector<ParamInfo>& schema, std::vector<Diagnostic>& diagnostics)
      : file_(file), schema_(schema), diagnostics_(diagnostics) {}

  std::vector<Factor> read(const toml::table& document) {
    const toml::node* node = document.get(factor_array);
    if (!node) {
      error(SourceLocation{file_, 0, 0}, "",
            "no [[factor]] tables: add one per varied key, with `key` and either `min`/`max` or `values`");
      return {};
    }
    const auto* array = node->as_array();
    if (!array) {
      error(at(*node), std::string(factor_array),
            "expected [[factor]] tables (an array of tables), got " + describe_node(*node));
      return {};
    }
    std::vector<Factor> factors;
    for (const auto& element : *array) {
      if (const auto* table = element.as_table()) {
        if (auto factor = read_factor(*table)) factors.push_back(std::move(*factor));
      } else {
        error(at(element), std::string(factor_array), "expected a table, got " + describe_node(element));
      }
    }
    return factors;
  }

 private:
  std::optional<Factor> read_factor(const toml::table& table) {
    const std::size_t errors_before = diagnostics_.size();
    reject_unknown_fields(table);
    Factor factor;
    factor.where = at(table);
    const ParamInfo* info = nullptr;
    read_key(table, factor, info);  // on failure, the rest is still checked as far as it can be
    read_role(table, factor);
    read_levels(table, factor, info);
    if (diagnostics_.size() != errors_before) return std::nullopt;
    return factor;
  }

  void reject_unknown_fields(const toml::table& table) {
    for (auto&& [name, node] : table) {
      const std::string field(name.str());
      if (std::find(factor_fields.begin(), factor_fields.end(), field) != factor_fields.end()) continue;
      std::string names;
      for (const auto& known : factor_fields) names += (names.empty() ? "" : ", ") + known;
      std::string message = "unknown field '" + field + "' in [[factor]] (fields: " + names + ")";
      if (const auto near = nearest_key(field, factor_fields); !near.empty()) message += "; did you mean '" + near + "'?";
      error(location(file_, name.source()), "", std::move(message));
    }
  }

  /// Reads `key` and checks it against the schema and earlier factors.
  void read_key(const toml::table& table, Factor& factor, const ParamInfo*& info) {
    const toml::node* node = table.get("key");
    if (!node)
      return error(at(table), "", "[[factor]] has no 'key': name the parameter it varies, e.g. key = \"group.name\"");
    const auto* text = node->as_string();
    if (!text || text->get().empty())
      return error(at(*node), "", "expected the parameter's name in quotes as 'key', got " + describe_node(*node));
    factor.key = text->get();
    if (!schema_.empty()) {
      info = find_in_schema(factor.key);
      if (!info) return unknown_key(factor.key, at(*node));
      factor.integer = info->type == ParamType::integer;
    }
    const auto [earlier, inserted] = seen_.emplace(factor.key, at(*node));
    if (!inserted)
      error(at(*node), factor.key,
            "is already a factor (at line " + std::to_string(earlier->second.line) + "); each key may be varied once");
  }

  void read_role(const toml::table& table, Factor& factor) {
    const toml::node* node = table.get("role");
    if (!node) return;
    const auto* text = node->as_string();
    const std::string given = text ? text->get() : "";
    if (given == "lever") factor.role = FactorRole::lever;
    else if (given == "uncertainty") factor.role = FactorRole::uncertainty;
    else {
      std::string message = "expected role \"lever\" or \"uncertainty\", got " + describe_node(*node);
      if (const auto near = nearest_key(given, role_names); text && !near.empty())
        message += "; did you mean '" + near + "'?";
      error(at(*node), factor.key, std::move(message));
    }
  }

  /// A factor varies over a range (min, max) or a list (values): exactly one of the two.
  void read_levels(const toml::table& table, Factor& factor, const ParamInfo* info) {
    const toml::node* min = table.get("min");
    const toml::node* max = table.get("max");
    const toml::node* values = table.get("values");
    if (values && (min || max))
      return error(at(*values), factor.key, "give either a range (min and max) or a list of values, not both");
    if (values) return read_values(*values, factor, info);
    if (!min && !max)
      return error(at(table), factor.key, "needs a range (min = ..., max = ...) or a list (values = [...])");
    if (info && (info->type == ParamType::boolean || info->type == ParamType::choice))
      return error(at(min ? *min : *max), factor.key, list_only_message(*info));
    if (!min) return error(at(*max), factor.key, "has 'max' but no 'min'; a range needs both");
    if (!max) return error(at(*min), factor.key, "has 'min' but no 'max'; a range needs both");
    read_range(*min, *max, factor, info);
    read_distribution(table, factor);
  }

  /// Optional `distribution` of a range with its parameters: triangular needs `mode` in the range,
  /// normal needs `mean` in the range and `sd` > 0; parameters of another distribution are refused.
  void read_distribution(const toml::table& table, Factor& factor) {
    const toml::node* kind = table.get("distribution");
    if (kind) {
      const auto* name = kind->as_string();
      const auto it = name ? std::find(distribution_names.begin(), distribution_names.end(), name->get())
                           : distribution_names.end();
      if (it == distribution_names.end()) {
        std::string message = "distribution must be uniform, triangular or normal, got " + describe_node(*kind);
        if (name)
          if (const auto near = nearest_key(name->get(), distribution_names); !near.empty())
            message += "; did you mean '" + near + "'?";
        return error(at(*kind), factor.key, message);
      }
      factor.distribution = static_cast<Distribution>(it - distribution_names.begin());
    }
    const bool triangular = factor.distribution == Distribution::triangular;
    const bool normal = factor.distribution == Distribution::normal;
    for (const auto& [field, wanted] : {std::pair{"mode", triangular}, std::pair{"mean", normal}, std::pair{"sd", normal}}) {
      const toml::node* node = table.get(field);
      if (node && !wanted)
        return error(at(*node), factor.key, std::string("'") + field + "' belongs to a " +
                                                (std::string(field) == "mode" ? "triangular" : "normal") +
                                                " distribution; add distribution = \"" +
                                                (std::string(field) == "mode" ? "triangular" : "normal") + "\"");
      if (!node && wanted)
        return error(at(kind ? *kind : table), factor.key,
                     std::string("a ") + (triangular ? "triangular" : "normal") + " distribution needs '" + field + "'");
    }
    if (triangular) read_inside(*table.get("mode"), "mode", factor, factor.mode);
    if (normal) {
      read_inside(*table.get("mean"), "mean", factor, factor.mean);
      const toml::node& sd = *table.get("sd");
      const auto value = scalar_value(sd);
      if (!value || !is_number(*value) || !(as_double(*value) > 0) || !std::isfinite(as_double(*value)))
        return error(at(sd), factor.key, "expected a positive number as 'sd', got " + describe_node(sd));
      factor.sd = as_double(*value);
    }
  }

  /// A distribution parameter that must lie in [min, max].
  void read_inside(const toml::node& node, const std::string& which, const Factor& factor, double& target) {
    const auto value = scalar_value(node);
    if (!value || !is_number(*value) || !std::isfinite(as_double(*value)) || as_double(*value) < factor.min ||
        as_double(*value) > factor.max)
      return error(at(node), factor.key,
                   "expected '" + which + "' to be a number between min and max (" + sim::format_number(factor.min) +
                       " and " + sim::format_number(factor.max) + "), got " + describe_node(node));
    target = as_double(*value);
  }

  void read_range(const toml::node& min_node, const toml::node& max_node, Factor& factor, const ParamInfo* info) {
    const auto min = read_bound(min_node, "min", factor, info);
    const auto max = read_bound(max_node, "max", factor, info);
    if (!min || !max) return;
    if (*min >= *max)
      return error(at(max_node), factor.key,
                   "max (" + describe_node(max_node) + ") must be greater than min (" + describe_node(min_node) + ")");
    factor.min = *min;
    factor.max = *max;
  }

  /// One end of a range: a finite number, whole for integer keys, inside the key's allowed range.
  std::optional<double> read_bound(const toml::node& node, const std::string& which, const Factor& factor,
                                   const ParamInfo* info) {
    const auto value = scalar_value(node);
    if (!value || !is_number(*value)) {
      error(at(node), factor.key, "expected a number as '" + which + "', got " + describe_node(node));
      return std::nullopt;
    }
    const double number = as_double(*value);
    if (!std::isfinite(number)) {
      error(at(node), factor.key, "expected a finite number as '" + which + "', got " + describe_node(node));
      return std::nullopt;
    }
    if (!info) return number;
    if (info->type == ParamType::integer && number != std::floor(number)) {
      error(at(node), factor.key, "is a whole-number key: '" + which + "' must be whole, got " + describe_node(node));
      return std::nullopt;
    }
    if (number < info->min || number > info->max) {
      error(at(node), factor.key,
            "'" + which + "' = " + describe_node(node) + " lies outside the key's allowed range " + info->range_text() +
                (info->unit.empty() ? "" : " (" + info->unit + ")"));
      return std::nullopt;
    }
    return number;
  }

  void read_values(const toml::node& node, Factor& factor, const ParamInfo* info) {
    const auto* array = node.as_array();
    if (!array)
      return error(at(node), factor.key, "expected a list of values in brackets, got " + describe_node(node));
    if (array->size() < 2)
      return error(at(node), factor.key,
                   "a list needs at least two values to vary (a fixed value belongs in the base scenario)");
    std::vector<ParamValue> accepted;
    for (const auto& element : *array)
      if (auto value = read_list_value(element, accepted, factor, info)) accepted.push_back(std::move(*value));
    if (accepted.size() == array->size()) factor.values = std::move(accepted);
  }

  /// One element of a values list, checked like a scenario value (or, without a schema, for
  /// finiteness and a kind consistent with the elements before it).
  std::optional<ParamValue> read_list_value(const toml::node& element, const std::vector<ParamValue>& earlier,
                                            const Factor& factor, const ParamInfo* info) {
    const auto value = scalar_value(element);
    if (!value) {
      error(at(element), factor.key, "expected a number, true/false or text in the list, got " + describe_node(element));
      return std::nullopt;
    }
    if (info) {
      if (auto problem = info->check(*value); !problem.empty()) {
        error(at(element), factor.key, problem);
        return std::nullopt;
      }
    } else if (is_number(*value) && !std::isfinite(as_double(*value))) {
      error(at(element), factor.key, "expected a finite number, got " + describe_node(element));
      return std::nullopt;
    } else if (!earlier.empty() && value_kind(*value) != value_kind(earlier.front())) {
      error(at(element), factor.key,
            "all values of a factor must be of one kind (numbers, true/false or text); got " + describe_node(element));
      return std::nullopt;
    }
    const auto twin = std::find_if(earlier.begin(), earlier.end(), [&](const auto& e) { return same_value(e, *value); });
    if (twin != earlier.end()) {
      error(at(element), factor.key, "value " + describe_node(element) + " is listed twice");
      return std::nullopt;
    }
    return info ? info->normalise(*value) : *value;
  }

  std::string list_only_message(const ParamInfo& info) const {
    std::string example = "values = [false, true]";
    if (info.type == ParamType::choice && !info.choices.empty())
      example = "values = [\"" + info.choices.front() + "\", \"" + info.choices.back() + "\"]";
    return "is a " + std::string(to_string(info.type)) + " key (" + info.range_text() +
           "): it takes a list of values, not a range; e.g. " + example;
  }

  void unknown_key(const std::string& key, SourceLocation where) {
    std::vector<std::string> keys;
    for (const auto& info : schema_) keys.push_back(info.key);
    std::string message = "unknown key";
    if (const auto near = nearest_key(key, keys); !near.empty()) message += "; did you mean '" + near + "'?";
    error(std::move(where), key, std::move(message));
  }

  const ParamInfo* find_in_schema(const std::string& key) const {
    const auto it = std::find_if(schema_.begin(), schema_.end(), [&](const ParamInfo& i) { return i.key == key; });
    return it == schema_.end() ? nullptr : &*it;
  }

  SourceLocation at(const toml::node& node) const { return location(file_, node.source()); }

  void error(SourceLocation where, std::string key, std::string message) {
    diagnostics_.push_back({Diagnostic::Severity::error, std::move(where), std::move(key), std::move(message)});
  }

  const std::string& file_;
  const std::vector<ParamInfo>& schema_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<std::string, SourceLocation> seen_;  ///< factor keys read so far, where first given
};

bool by_position(const Diagnostic& a, const Diagnostic& b) {
  return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
}

/// The file's text problem as a diagnostic. The shared reader's message for an empty file talks
/// about scenarios, so a parameter file gets its own.
Diagnostic unreadable(const std::string& path, const detail::TextProblem& problem) {
  Diagnostic d;
  if (problem.cannot_open) {
    d.where = SourceLocation{path, 0, 0};
    d.message = "cannot read parameter file: " + problem.message;
  } else {
    d.where = SourceLocation{path, problem.line, problem.column};
    d.message = problem.message.rfind("file is empty", 0) == 0
                    ? "file is empty: a parameter file needs at least one [[factor]] table"
                    : problem.message;
  }
  return d;
}

}  // namespace

namespace {

/// The u-quantile of a range factor's distribution, always inside [min, max].
double quantile(const Factor& f, double u) {
  switch (f.distribution) {
    case Distribution::uniform: return std::lerp(f.min, f.max, u);  // exact at both ends
    case Distribution::triangular: {
      const double width = f.max - f.min;
      const double split = (f.mode - f.min) / width;
      const double x = u < split ? f.min + std::sqrt(u * width * (f.mode - f.min))
                                 : f.max - std::sqrt((1 - u) * width * (f.max - f.mode));
      return std::clamp(x, f.min, f.max);
    }
    case Distribution::normal: {
      // Inverse CDF of the normal truncated to [min, max]: spread u over the range's probability.
      const boost::math::normal standard;
      const double low = boost::math::cdf(standard, (f.min - f.mean) / f.sd);
      const double high = boost::math::cdf(standard, (f.max - f.mean) / f.sd);
      const double p = std::clamp(low + u * (high - low), 1e-300, 1 - 1e-16);
      return std::clamp(f.mean + f.sd * boost::math::quantile(standard, p), f.min, f.max);
    }
  }
  return f.min;
}

}  // namespace

ParamValue Factor::value_at(double u) const {
  // Coordinates come from designs in [0, 1]; clamping makes the mapping total anyway (NaN → 0).
  u = u >= 0 ? std::min(u, 1.0) : 0.0;
  if (is_list()) {
    const auto n = values.size();
    const auto bin = std::min(static_cast<std::size_t>(u * static_cast<double>(n)), n - 1);
    return values[bin];
  }
  const double value = quantile(*this, u);
  if (integer) return static_cast<std::int64_t>(std::llround(value));
  return value;
}

double Factor::unit_of(double value) const {
  const double x = std::clamp(value, min, max);
  switch (distribution) {
    case Distribution::uniform: return (x - min) / (max - min);
    case Distribution::triangular:
      return x <= mode ? (mode > min ? (x - min) * (x - min) / ((max - min) * (mode - min)) : 0.0)
                       : 1.0 - (max - x) * (max - x) / ((max - min) * (max - mode));
    case Distribution::normal: {
      const boost::math::normal standard;
      const double low = boost::math::cdf(standard, (min - mean) / sd);
      const double high = boost::math::cdf(standard, (max - mean) / sd);
      return (boost::math::cdf(standard, (x - mean) / sd) - low) / (high - low);
    }
  }
  return 0.0;
}

std::vector<Factor> read_factors(const toml::table& document, const std::string& file,
                                 const std::vector<ParamInfo>& schema, std::vector<Diagnostic>& diagnostics) {
  return FactorReader(file, schema, diagnostics).read(document);
}

std::vector<Factor> load_factor_file(const std::string& path, const std::vector<ParamInfo>& schema) {
  const auto text = detail::read_scenario_text(path);
  if (text.problem) throw ScenarioError({unreadable(path, *text.problem)});
  std::vector<Diagnostic> diagnostics;
  std::vector<Factor> factors;
  try {
    const toml::table document = toml::parse(text.text, std::string_view{path});
    for (auto&& [name, node] : document) {
      if (name.str() == factor_array) continue;
      std::string message = "unknown key: a parameter file holds only [[factor]] tables";
      if (nearest_key(name.str(), {std::string(factor_array)}) == factor_array) message += "; did you mean 'factor'?";
      diagnostics.push_back({Diagnostic::Severity::error, location(path, name.source()), std::string(name.str()), message});
    }
    factors = read_factors(document, path, schema, diagnostics);
  } catch (const toml::parse_error& e) {
    diagnostics.push_back({Diagnostic::Severity::error, location(path, e.source()), "",
                           "invalid TOML: " + std::string(e.description())});
  }
  if (!diagnostics.empty()) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), by_position);
    throw ScenarioError(std::move(diagnostics));
  }
  return factors;
}

}  // namespace shanzhi::sim::experiments
