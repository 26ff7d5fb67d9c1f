#pragma once
// Reading TOML nodes as parameter values, shared by the scenario reader and the factor reader so
// both describe what they found in the same words.

#include "sim/parameters.hpp"

#include <toml++/toml.h>

#include <optional>
#include <string>

namespace shanzhi::sim::detail {

/// The TOML value as a parameter value; nullopt for tables, arrays and dates, which no
/// parameter takes.
inline std::optional<ParamValue> scalar_value(const toml::node& node) {
  if (const auto* v = node.as_floating_point()) return ParamValue{v->get()};
  if (const auto* v = node.as_integer()) return ParamValue{v->get()};
  if (const auto* v = node.as_boolean()) return ParamValue{v->get()};
  if (const auto* v = node.as_string()) return ParamValue{v->get()};
  return std::nullopt;
}

/// "a table", "an array", "a date", ...: how a non-scalar node is named in messages.
inline std::string kind_of(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time of day";
    case toml::node_type::date_time: return "a date-time";
    default: return "a value of another kind";
  }
}

/// The value as written for scalars, its kind otherwise: what follows "got" in a message.
inline std::string describe_node(const toml::node& node) {
  if (const auto value = scalar_value(node)) {
    if (node.is_string()) return "\"" + format_value(*value) + "\"";
    return format_value(*value);
  }
  return kind_of(node);
}

}  // namespace shanzhi::sim::detail
