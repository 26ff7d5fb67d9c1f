#include "sim/output/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace shanzhi::sim {
namespace {

void append_escaped_char(std::string& out, char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
  }
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x20) {  // printable ASCII and every UTF-8 lead/continuation byte
    out += c;
    return;
  }
  constexpr std::string_view hex = "0123456789abcdef";
  out += "\\u00";
  out += hex[byte >> 4];
  out += hex[byte & 0xF];
}

/// Shortest round-trip text of a finite double, always recognisable as a real number: "2.0"
/// rather than "2", so a reader such as Python's json keeps a real parameter a float.
std::string real_number(double number) {
  if (number == 0) return "0.0";  // also turns -0.0 into 0.0
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  std::string text(buffer.data(), result.ptr);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

}  // namespace

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) append_escaped_char(out, c);
  out += '"';
  return out;
}

JsonWriter& JsonWriter::begin_object() { return open(true, '{'); }
JsonWriter& JsonWriter::end_object() { return close(true, '}'); }
JsonWriter& JsonWriter::begin_array() { return open(false, '['); }
JsonWriter& JsonWriter::end_array() { return close(false, ']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
  if (stack_.empty() || !stack_.back().is_object)
    throw std::logic_error("JSON key '" + std::string(name) + "' outside an object");
  if (stack_.back().awaiting_value)
    throw std::logic_error("JSON key '" + std::string(name) + "' follows a key without a value");
  start_line();
  out_ += json_quote(name);
  out_ += ": ";
  stack_.back().awaiting_value = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) { return raw_value(json_quote(text)); }
JsonWriter& JsonWriter::value(bool flag) { return raw_value(flag ? "true" : "false"); }
JsonWriter& JsonWriter::null_value() { return raw_value("null"); }

JsonWriter& JsonWriter::value(double number) {
  if (!std::isfinite(number)) return null_value();
  return raw_value(real_number(number));
}

JsonWriter& JsonWriter::raw_value(std::string_view text) {
  before_value();
  out_ += text;
  return *this;
}

JsonWriter& JsonWriter::open(bool is_object, char bracket) {
  before_value();
  out_ += bracket;
  stack_.push_back(Container{is_object, false, false});
  return *this;
}

JsonWriter& JsonWriter::close(bool is_object, char bracket) {
  if (stack_.empty() || stack_.back().is_object != is_object)
    throw std::logic_error(std::string("JSON '") + bracket + "' does not match an open container");
  if (stack_.back().awaiting_value) throw std::logic_error("JSON object ends after a key without a value");
  const bool had_members = stack_.back().has_members;
  stack_.pop_back();
  if (had_members) {  // the closing bracket goes on its own line; an empty container stays {} / []
    out_ += '\n';
    out_.append(2 * stack_.size(), ' ');
  }
  out_ += bracket;
  return *this;
}

// Checks that a value may go here and writes what precedes it: nothing at the top level or after
// a key, a separator and a fresh line inside an array.
void JsonWriter::before_value() {
  if (stack_.empty()) {
    if (root_written_) throw std::logic_error("JSON document already has a top-level value");
    root_written_ = true;
    return;
  }
  Container& current = stack_.back();
  if (current.is_object) {
    if (!current.awaiting_value) throw std::logic_error("JSON object member without a key");
    current.awaiting_value = false;
    return;
  }
  start_line();
}

void JsonWriter::start_line() {
  Container& current = stack_.back();
  if (current.has_members) out_ += ',';
  out_ += '\n';
  out_.append(2 * stack_.size(), ' ');
  current.has_members = true;
}

}  // namespace shanzhi::sim
