#include "sim/parameters.hpp"

#include "sim/scenario/diagnostics.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <cmath>
#include <type_traits>

namespace shanzhi::sim {
namespace {

/// Shortest text that reads back as the same double ("0.1", "1e+20", "3").
std::string shortest_number(double value) {
  // Whole bounds (integer parameters, large money amounts) print as plain integers, not 4e+18.
  if (std::fabs(value) < 9.2e18 && value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

/// The value as the user would need to write it, with a hint at its type when that type is
/// what is wrong ("2.5 (a real number)", "\"yes\" (text)").
std::string describe_given(const ParamValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>) {
          if (std::isnan(v)) return "nan (not a number)";
          if (std::isinf(v)) return format_value(v) + " (infinity)";
          return format_value(v) + " (a real number)";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return format_value(v) + " (an integer)";
        } else if constexpr (std::is_same_v<T, bool>) {
          return format_value(v) + " (a boolean)";
        } else {
          return "\"" + v + "\" (text)";
        }
      },
      value);
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "'" : ", '") + name + "'";
  return out;
}

bool within(double value, double min, double max) { return value >= min && value <= max; }

/// An integer parameter's bound as a whole number (bounds are whole numbers below 2^53 or exact
/// powers like 4e18, so the conversion is exact), clamped to what an int64 holds.
std::int64_t whole_bound(double bound) {
  constexpr auto most = std::numeric_limits<std::int64_t>::max();
  if (bound >= 9.2e18) return most;
  if (bound <= -9.2e18) return -most;
  return static_cast<std::int64_t>(bound);
}

}  // namespace

std::string_view to_string(ParamType type) {
  switch (type) {
    case ParamType::real: return "real";
    case ParamType::integer: return "integer";
    case ParamType::boolean: return "boolean";
    case ParamType::choice: return "choice";
  }
  return "unknown";
}

std::string_view to_string(ParamRole role) {
  switch (role) {
    case ParamRole::control: return "control";
    case ParamRole::structure: return "structure";
    case ParamRole::lever: return "lever";
    case ParamRole::option: return "option";
    case ParamRole::assumption: return "assumption";
  }
  return "unknown";
}

std::optional<double> numeric_value(const ParamValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* whole = std::get_if<std::int64_t>(&value)) return static_cast<double>(*whole);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? 1.0 : 0.0;
  return std::nullopt;
}

std::string format_value(const ParamValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>) {
          // Keep a decimal point on whole reals so the text reads back as a real in TOML.
          std::string text = shortest_number(v);
          if (std::isfinite(v) && text.find_first_of(".e") == std::string::npos) text += ".0";
          return text;
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else {
          return v;
        }
      },
      value);
}

std::string SourceLocation::describe() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  return out;
}

std::string ParamInfo::expected_text() const {
  const std::string unit_note = unit.empty() ? "" : " (" + unit + ")";
  const std::string bounds = type == ParamType::integer
                                 ? std::to_string(whole_bound(min)) + " and " + std::to_string(whole_bound(max))
                                 : shortest_number(min) + " and " + shortest_number(max);
  switch (type) {
    case ParamType::real: return "a number between " + bounds + unit_note;
    case ParamType::integer: return "a whole number between " + bounds + unit_note;
    case ParamType::boolean: return "true or false";
    case ParamType::choice: return "one of " + quoted_list(choices);
  }
  return "a value";
}

std::string ParamInfo::check(const ParamValue& value) const {
  const std::string complaint = "expected " + expected_text() + ", got ";
  switch (type) {
    case ParamType::real: {
      double number = 0;
      if (const auto* real = std::get_if<double>(&value)) number = *real;
      else if (const auto* whole = std::get_if<std::int64_t>(&value)) number = static_cast<double>(*whole);
      else return complaint + describe_given(value);
      if (!std::isfinite(number)) return complaint + describe_given(value);
      if (!within(number, min, max)) return complaint + format_value(value);
      return {};
    }
    case ParamType::integer: {
      const auto* whole = std::get_if<std::int64_t>(&value);
      if (!whole) return complaint + describe_given(value);
      // Compared as whole numbers: in doubles 4e18 + 1 equals 4e18 and would pass a bound of 4e18.
      if (*whole < whole_bound(min) || *whole > whole_bound(max)) return complaint + format_value(value);
      return {};
    }
    case ParamType::boolean:
      if (!std::holds_alternative<bool>(value)) return complaint + describe_given(value);
      return {};
    case ParamType::choice: {
      const auto* name = std::get_if<std::string>(&value);
      if (!name) return complaint + describe_given(value);
      for (const auto& choice : choices)
        if (choice == *name) return {};
      std::string message = complaint + "'" + *name + "'";
      if (auto near = nearest_key(*name, choices); !near.empty()) message += "; did you mean '" + near + "'?";
      return message;
    }
  }
  return "unknown parameter type";
}

ParamValue ParamInfo::normalise(const ParamValue& value) const {
  if (type == ParamType::real)
    if (const auto* whole = std::get_if<std::int64_t>(&value)) return static_cast<double>(*whole);
  return value;
}

std::string ParamInfo::range_text() const {
  switch (type) {
    case ParamType::real:
    case ParamType::integer: return shortest_number(min) + "\u2013" + shortest_number(max);
    case ParamType::boolean: return "true/false";
    case ParamType::choice: {
      std::string names;
      for (const auto& choice : choices) names += (names.empty() ? "" : " | ") + choice;
      return names;
    }
  }
  return "";
}

}  // namespace shanzhi::sim
