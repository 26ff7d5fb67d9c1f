#pragma once
// CSV text in the RFC 4180 dialect that spreadsheets, pandas and R read without options: comma
// separated, a field quoted only when it must be, quotes inside doubled. Lines end in "\n" (not
// the RFC's "\r\n") so files diff cleanly and are byte-identical across platforms.

#include <string>
#include <string_view>
#include <vector>

namespace shanzhi::sim {

/// `text` as one CSV field: unchanged, or in double quotes when it holds a comma, a quote, a
/// line break or a carriage return (inner quotes doubled).
std::string csv_field(std::string_view text);

/// Appends `fields` (already-quoted where needed via csv_field, or numbers) as one line.
void append_csv_line(std::string& out, const std::vector<std::string>& fields);

/// One field read back from a CSV line, with the 1-based column where it starts (for messages).
struct CsvCell {
  std::string text;
  int column = 1;
};

/// Splits one CSV line (RFC 4180 quotes undone; no line breaks inside fields; a trailing '\r'
/// dropped). For tables of numbers with full checks see sim/experiments/csv_table.hpp.
std::vector<CsvCell> split_csv_line(std::string_view line);

}  // namespace shanzhi::sim
