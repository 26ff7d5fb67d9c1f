#pragma once
// A small streaming JSON writer producing pretty-printed, valid JSON (two-space indent, one
// member or element per line, empty containers as {} and []). Calls that would produce invalid
// JSON (a member without a key, a key inside an array, unbalanced ends, a second top-level value)
// throw std::logic_error, so a writer bug fails loudly instead of writing a broken file.
//
//   JsonWriter json;
//   json.begin_object().key("name").value("善治").key("weeks").value(520).end_object();
//   std::string text = json.str();

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shanzhi::sim {

/// `text` as a JSON string literal, quotes included. Escapes the quote, the backslash and every
/// control character (\n, \r, \t by name, the rest as \u00XX); other bytes, including UTF-8
/// sequences such as Chinese text, pass through unchanged.
std::string json_quote(std::string_view text);

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The name of the next object member; must be followed by exactly one value or container.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  /// Without this overload a string literal would silently convert to bool.
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(bool flag);
  /// Shortest round-trip form, with ".0" added to whole numbers so reals stay reals ("2.0");
  /// NaN and infinities (which JSON cannot express) become null.
  JsonWriter& value(double number);
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  JsonWriter& value(T number) {
    return raw_value(std::to_string(number));
  }
  JsonWriter& null_value();

  /// True once a single top-level value is finished (every container closed).
  bool complete() const { return root_written_ && stack_.empty(); }
  /// The text written so far.
  const std::string& str() const { return out_; }

 private:
  struct Container {
    bool is_object = false;
    bool has_members = false;
    bool awaiting_value = false;  ///< an object member's key was written, its value not yet
  };

  JsonWriter& raw_value(std::string_view text);
  JsonWriter& open(bool is_object, char bracket);
  JsonWriter& close(bool is_object, char bracket);
  void before_value();
  void start_line();

  std::string out_;
  std::vector<Container> stack_;
  bool root_written_ = false;
};

}  // namespace shanzhi::sim
