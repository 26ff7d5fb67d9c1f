#pragma once
// Reading a scenario file's bytes and making sure they are text a TOML parser should see: the
// file exists, is a regular file, is not empty, is not binary and is valid UTF-8. Each problem
// is described in words a user can act on, with the line and column where the content goes bad.

#include <filesystem>
#include <optional>
#include <string>

namespace shanzhi::sim::detail {

struct TextProblem {
  /// True when the file could not be read at all (missing, a directory, no permission): the
  /// problem belongs where the file was named. False when its content is unusable: the problem
  /// belongs in the file itself, at `line`:`column` (0 when not about one position).
  bool cannot_open = false;
  std::string message;
  int line = 0;
  int column = 0;
};

struct FileText {
  std::string text;  ///< the whole file, when there is no problem
  std::optional<TextProblem> problem;
};

/// `text` safe to print in a message: control characters and bytes that are not UTF-8 become
/// \xNN (a key typed with a stray escape or a Latin-1 byte cannot garble the terminal).
std::string printable(const std::string& text);

/// What kind of text a file should hold, for the words of its messages.
struct TextKind {
  const char* noun = "scenario file";  ///< "is a directory, not a scenario file"
  const char* format = "TOML";         ///< "not TOML text"
  bool strip_byte_order_mark = false;  ///< drop a leading UTF-8 BOM (spreadsheets write one into CSV)
};

inline constexpr TextKind scenario_text{};
inline constexpr TextKind csv_text{"CSV file", "CSV", true};

/// Reads a text file of the given kind (16 MiB at most; regular files only).
FileText read_text_file(const std::filesystem::path& file, const TextKind& kind);

/// A scenario (or other TOML input) file: read_text_file with scenario_text.
FileText read_scenario_text(const std::filesystem::path& file);

}  // namespace shanzhi::sim::detail
