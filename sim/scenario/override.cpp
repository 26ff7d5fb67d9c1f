// `--set key=value` overrides (and compare's `--with`, the same reading under another name): the value text is read strictly by the key's type, so a typo
// such as "0.9abc" or "1e3" for a count is refused rather than half-read.

#include "sim/scenario/scenario.hpp"

#include <charconv>
#include <string>
#include <type_traits>
#include <variant>

namespace shanzhi::sim {
namespace {

/// A value read from text, or why it could not be.
using ReadResult = std::variant<ParamValue, std::string>;

[[noreturn]] void refuse(const SourceLocation& where, std::string key, std::string message) {
  throw ScenarioError({Diagnostic{Diagnostic::Severity::error, where, std::move(key), std::move(message)}});
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

/// from_chars refuses a leading '+', which people (and TOML) write.
std::string_view without_plus(std::string_view text) {
  return text.size() > 1 && text.front() == '+' ? text.substr(1) : text;
}

std::string not_a(const ParamInfo& info, std::string_view text) {
  return "expected " + info.expected_text() + ", got '" + std::string(text) + "'";
}

/// The whole of `text` as a number of type T; "1e3" is not an integer and "0.9abc" not a real.
template <class T>
ReadResult read_number(const ParamInfo& info, std::string_view text) {
  const auto digits = without_plus(text);
  T number{};
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (error == std::errc::result_out_of_range)
    return not_a(info, text) + (std::is_integral_v<T> ? " (does not fit a 64-bit integer)"
                                                      : " (beyond what a real number can hold)");
  if (error != std::errc{} || end != digits.data() + digits.size()) return not_a(info, text);
  return ParamValue{number};
}

ReadResult read_boolean(const ParamInfo& info, std::string_view text) {
  if (text == "true") return ParamValue{true};
  if (text == "false") return ParamValue{false};
  return not_a(info, text);
}

/// A choice name, optionally in matching quotes as it would be written in TOML.
ReadResult read_choice(std::string_view text) {
  const bool quoted =
      text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front();
  if (quoted) text = text.substr(1, text.size() - 2);
  return ParamValue{std::string(text)};
}

ReadResult read_value(const ParamInfo& info, std::string_view text) {
  switch (info.type) {
    case ParamType::real: return read_number<double>(info, text);
    case ParamType::integer: return read_number<std::int64_t>(info, text);
    case ParamType::boolean: return read_boolean(info, text);
    case ParamType::choice: return read_choice(text);
  }
  return not_a(info, text);
}

const ParamInfo& known_key(std::string_view key, const std::vector<ParamInfo>& schema, const SourceLocation& where) {
  std::vector<std::string> keys;
  for (const auto& info : schema) {
    if (info.key == key) return info;
    keys.push_back(info.key);
  }
  std::string message = "unknown key";
  if (const auto near = nearest_key(key, keys); !near.empty()) message += "; did you mean '" + near + "'?";
  refuse(where, std::string(key), message);
}

}  // namespace

void apply_override(ScenarioDocument& doc, std::string_view assignment, const std::vector<ParamInfo>& schema,
                    std::string_view option) {
  const SourceLocation command_line{std::string(option), 0, 0};
  const auto equals = assignment.find('=');
  if (equals == std::string_view::npos) {
    // The example is the schema's own first key, so it is always a real key of this model.
    const std::string example = schema.empty() ? "table.key=1" : schema.front().key + "=" + format_value(schema.front().default_value);
    refuse(command_line, "", "expected key=value, e.g. " + example + ", got '" + std::string(assignment) + "'");
  }
  const auto key = trim(assignment.substr(0, equals));
  const auto text = trim(assignment.substr(equals + 1));
  if (key.empty()) refuse(command_line, "", "no key before '=' in '" + std::string(assignment) + "'");
  const ParamInfo& info = known_key(key, schema, command_line);
  if (text.empty()) refuse(command_line, info.key, "no value after '='; expected " + info.expected_text());

  const auto value = read_value(info, text);
  if (const auto* problem = std::get_if<std::string>(&value)) refuse(command_line, info.key, *problem);
  const auto& parsed = std::get<ParamValue>(value);
  if (auto problem = info.check(parsed); !problem.empty()) refuse(command_line, info.key, problem);
  doc.values.insert_or_assign(info.key, std::pair{info.normalise(parsed), command_line});
}

}  // namespace shanzhi::sim
