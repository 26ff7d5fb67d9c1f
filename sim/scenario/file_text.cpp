#include "sim/scenario/file_text.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string_view>
#include <system_error>

namespace shanzhi::sim::detail {
namespace {

namespace fs = std::filesystem;

// No scenario is anywhere near this big; refusing larger files keeps a mistaken path (a data
// dump, a device) from being read into memory.
constexpr std::uintmax_t max_scenario_bytes = 16u << 20;

FileText open_problem(std::string message) {
  return FileText{{}, TextProblem{true, std::move(message), 0, 0}};
}

/// Why `file` cannot be opened as text of `kind`, or empty if it looks like a readable file.
std::string unusable_file(const fs::path& file, const TextKind& kind) {
  std::error_code error;
  const auto status = fs::status(file, error);
  if (status.type() == fs::file_type::not_found) return "no such file";
  if (error) return error.message();
  if (fs::is_directory(status)) return std::string("is a directory, not a ") + kind.noun;
  if (!fs::is_regular_file(status)) return "is not a regular file";
  const auto size = fs::file_size(file, error);
  if (!error && size > max_scenario_bytes)
    return "is " + std::to_string(size) + " bytes, far too large to be a " + kind.noun;
  return {};
}

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

/// Length of the well-formed UTF-8 sequence starting at `at` (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), or 0 if the bytes there are not one.
std::size_t utf8_length_at(const std::string& text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  else return 0;
  if (lead == 0xE0) second_min = 0xA0;  // overlong
  if (lead == 0xED) second_max = 0x9F;  // UTF-16 surrogates
  if (lead == 0xF0) second_min = 0x90;  // overlong
  if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
  if (at + length > text.size()) return 0;
  if (byte(at + 1) < second_min || byte(at + 1) > second_max) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (!is_continuation(byte(at + i))) return 0;
  return length;
}

/// 1-based line and column (in characters, as an editor shows them) of byte `offset`.
std::pair<int, int> position_of(const std::string& text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') ++line, column = 1;
    else if (!is_continuation(byte)) ++column;
  }
  return {line, column};
}

std::string hex_byte(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
  return buffer;
}

/// Offset of the first byte that does not start a well-formed UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(const std::string& text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto length = utf8_length_at(text, at);
    if (length == 0) return at;
    at += length;
  }
  return std::string::npos;
}

bool only_whitespace(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

/// Why the bytes of a file are not text of `kind`, or nullopt if they are fine to parse.
std::optional<TextProblem> unusable_content(const std::string& text, const TextKind& kind) {
  const std::string empty_message =
      std::string_view(kind.format) == "TOML"
          ? "file is empty: a scenario needs at least one parameter, an `extends = \"other.toml\"` line "
            "or a [scenario] table"
          : "file is empty";
  if (text.empty()) return TextProblem{false, empty_message, 0, 0};
  // NUL never appears in text; look for it first so a binary file is called what it is.
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    const auto [line, column] = position_of(text, nul);
    return TextProblem{false, std::string("file contains a NUL byte: it looks like a binary file, not ") + kind.format +
                                  " text",
                       line, column};
  }
  if (const auto bad = first_invalid_utf8(text); bad != std::string::npos) {
    const auto [line, column] = position_of(text, bad);
    return TextProblem{false,
                       "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text[bad])) +
                           "): " + kind.noun + "s must be UTF-8 text",
                       line, column};
  }
  if (only_whitespace(text)) return TextProblem{false, empty_message, 0, 0};
  return std::nullopt;
}

}  // namespace

std::string printable(const std::string& text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const auto length = utf8_length_at(text, at);
    if (length == 0 || byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      out += escaped;
      ++at;
      continue;
    }
    out.append(text, at, length);
    at += length;
  }
  return out;
}

FileText read_scenario_text(const fs::path& file) { return read_text_file(file, scenario_text); }

FileText read_text_file(const fs::path& file, const TextKind& kind) {
  if (auto reason = unusable_file(file, kind); !reason.empty()) return open_problem(reason);
  errno = 0;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    const std::string reason = errno ? std::generic_category().message(errno) : "unknown reason";
    return open_problem("cannot be opened for reading (" + reason + ")");
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return open_problem("could not be read to the end");
  FileText result;
  result.text = std::move(bytes).str();
  constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
  if (kind.strip_byte_order_mark && result.text.rfind(byte_order_mark, 0) == 0) result.text.erase(0, byte_order_mark.size());
  if (auto problem = unusable_content(result.text, kind)) return FileText{{}, std::move(problem)};
  return result;
}

}  // namespace shanzhi::sim::detail
