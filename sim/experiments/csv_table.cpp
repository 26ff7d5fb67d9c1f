// A strict, crash-proof CSV reader for tables of numbers. The scanner splits the bytes into
// records and cells and tracks line and column; the table builder checks names and numbers.

#include "sim/experiments/csv_table.hpp"

#include "sim/scenario/diagnostics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace shanzhi::sim::experiments {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t max_reported_problems = 10;
/// Designs are capped at 10 million points; a CSV bigger than this is the wrong file.
constexpr std::uintmax_t max_csv_bytes = std::uintmax_t{2} << 30;
constexpr std::size_t max_shown_bytes = 40;

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

/// Length of the well-formed UTF-8 character at `at`, or 0 if the bytes there are not one.
std::size_t utf8_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  const std::size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4                                  ? 4
                                                                                             : 0;
  if (length == 0 || at + length > text.size()) return 0;
  // The second byte's range excludes overlong forms, UTF-16 surrogates and code points > U+10FFFF.
  const unsigned char second = byte(at + 1);
  const unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  const unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  if (second < low || second > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (!is_continuation(byte(at + i))) return 0;
  return length;
}

bool is_control(unsigned char byte) { return byte < 0x20 || byte == 0x7F; }

/// `text` fit for a one-line message: control characters and invalid UTF-8 as \xNN, and cut
/// after about 40 bytes.
std::string shown(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    if (out.size() >= max_shown_bytes) return out + "...";
    const auto length = utf8_length(text, at);
    const auto byte = static_cast<unsigned char>(text[at]);
    if (length == 0 || (length == 1 && is_control(byte))) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      out += escaped;
      at += 1;
    } else {
      out.append(text.substr(at, length));
      at += length;
    }
  }
  return out;
}

bool valid_name(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto length = utf8_length(text, at);
    if (length == 0 || (length == 1 && is_control(static_cast<unsigned char>(text[at])))) return false;
    at += length;
  }
  return true;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

struct Cell {
  std::string text;
  bool quoted = false;
  bool malformed = false;  ///< already reported by the scanner
  int line = 0, column = 0;
};

struct Record {
  std::vector<Cell> cells;
  int line = 0;
  bool blank() const { return cells.size() == 1 && !cells[0].quoted && trimmed(cells[0].text).empty(); }
};

/// Thrown inside the reader to stop at a problem after which nothing more can be read sensibly.
struct StopReading {};

/// Collects diagnostics for one file, up to a limit.
class Problems {
 public:
  explicit Problems(const std::string& name) : name_(name) {}

  void add(int line, int column, std::string message) {
    if (list_.size() == max_reported_problems) {
      list_.push_back({Diagnostic::Severity::error, SourceLocation{name_, line, column}, "",
                       "more problems follow; stopped after " + std::to_string(max_reported_problems)});
      throw StopReading{};
    }
    list_.push_back({Diagnostic::Severity::error, SourceLocation{name_, line, column}, "", std::move(message)});
  }
  [[noreturn]] void fatal(int line, int column, std::string message) {
    add(line, column, std::move(message));
    throw StopReading{};
  }
  bool empty() const { return list_.empty(); }
  std::vector<Diagnostic> take() { return std::move(list_); }

 private:
  const std::string& name_;
  std::vector<Diagnostic> list_;
};

/// Splits text into records of cells (RFC 4180), keeping each cell's line and column.
class Scanner {
 public:
  Scanner(std::string_view text, Problems& problems) : text_(text), problems_(problems) {}

  /// The next record, or false at the end of the text.
  bool next(Record& record) {
    if (at_end()) return false;
    record.cells.clear();
    record.line = line_;
    for (;;) {
      record.cells.push_back(read_cell());
      if (at_end()) return true;
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == '\r') advance();  // read_cell stops at '\r' only before '\n'
      advance();
      return true;
    }
  }

 private:
  Cell read_cell() {
    while (!at_end() && (peek() == ' ' || peek() == '\t')) advance();
    Cell cell;
    cell.line = line_;
    cell.column = column_;
    if (!at_end() && peek() == '"') read_quoted(cell);
    else read_unquoted(cell);
    return cell;
  }

  void read_unquoted(Cell& cell) {
    const std::size_t start = position_;
    while (!at_end() && !at_cell_end()) advance();
    cell.text = text_.substr(start, position_ - start);
  }

  void read_quoted(Cell& cell) {
    cell.quoted = true;
    advance();  // the opening quote
    for (;;) {
      if (at_end()) problems_.fatal(cell.line, cell.column, "quoted field is never closed (no matching '\"')");
      const char c = peek();
      advance();
      if (c != '"') {
        cell.text += c;
      } else if (!at_end() && peek() == '"') {  // "" inside quotes is one quote
        cell.text += '"';
        advance();
      } else {
        break;
      }
    }
    while (!at_end() && (peek() == ' ' || peek() == '\t')) advance();
    if (at_end() || at_cell_end()) return;
    problems_.add(line_, column_, "unexpected text after a closing quote; a quoted field must end at ',' or the line's end");
    cell.malformed = true;
    while (!at_end() && !at_cell_end()) advance();
  }

  bool at_cell_end() const {
    const char c = peek();
    return c == ',' || c == '\n' || (c == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n');
  }

  bool at_end() const { return position_ >= text_.size(); }
  char peek() const { return text_[position_]; }

  void advance() {
    const auto byte = static_cast<unsigned char>(text_[position_++]);
    if (byte == '\n') ++line_, column_ = 1;
    else if (!is_continuation(byte)) ++column_;
  }

  std::string_view text_;
  Problems& problems_;
  std::size_t position_ = 0;
  int line_ = 1, column_ = 1;
};

/// Line and column of byte `offset`, for problems found before scanning.
std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') ++line, column = 1;
    else if (!is_continuation(static_cast<unsigned char>(text[i]))) ++column;
  }
  return {line, column};
}

/// Builds the table record by record, reporting every problem it can.
class TableBuilder {
 public:
  TableBuilder(std::string_view text, const std::string& name) : text_(text), problems_(name) {}

  NumericTable build() {
    try {
      check_is_text();
      Scanner scanner(text_, problems_);
      Record record;
      if (!next_non_blank(scanner, record)) problems_.fatal(0, 0, empty_message);
      read_header(record);
      while (next_non_blank(scanner, record)) read_row(record);
      if (problems_.empty() && table_.rows.empty())
        problems_.add(header_line_, 0, "the header is not followed by any rows of numbers");
    } catch (const StopReading&) {
    }
    if (!problems_.empty()) throw ScenarioError(problems_.take());
    return std::move(table_);
  }

 private:
  static constexpr const char* empty_message =
      "file is empty: expected a header line of column names, then rows of numbers";

  void check_is_text() {
    constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
    if (text_.substr(0, byte_order_mark.size()) == byte_order_mark) text_.remove_prefix(byte_order_mark.size());
    if (const auto nul = text_.find('\0'); nul != std::string_view::npos) {
      const auto [line, column] = position_of(text_, nul);
      problems_.fatal(line, column, "file contains a NUL byte: it looks like a binary file, not CSV text");
    }
  }

  bool next_non_blank(Scanner& scanner, Record& record) {
    while (scanner.next(record))
      if (!record.blank()) return true;
    return false;
  }

  void read_header(const Record& record) {
    header_line_ = record.line;
    std::set<std::string> seen;
    for (const auto& cell : record.cells) {
      std::string name(trimmed(cell.text));
      const std::string position = "column " + std::to_string(table_.columns.size() + 1);
      if (cell.malformed) {
      } else if (name.empty()) {
        problems_.add(cell.line, cell.column,
                      position + " has no name (an index column? write the file without it: pandas "
                                 "to_csv(index=False), R write.csv(row.names = FALSE))");
      } else if (!valid_name(name)) {
        problems_.add(cell.line, cell.column, position + " name '" + shown(name) +
                                                  "' holds control characters or invalid UTF-8");
      } else if (!seen.insert(name).second) {
        problems_.add(cell.line, cell.column, position + " repeats the name '" + name + "'");
      }
      table_.columns.push_back(std::move(name));
    }
  }

  void read_row(const Record& record) {
    const std::size_t expected = table_.columns.size();
    if (record.cells.size() != expected) {
      const Cell& at = record.cells.size() > expected ? record.cells[expected] : record.cells.back();
      problems_.add(at.line, at.column, "row has " + std::to_string(record.cells.size()) + " fields but the header has " +
                                            std::to_string(expected) + " columns");
      return;
    }
    std::vector<double> row;
    row.reserve(expected);
    for (std::size_t j = 0; j < expected; ++j)
      if (const auto value = read_number(record.cells[j], table_.columns[j])) row.push_back(*value);
    if (row.size() == expected) table_.rows.push_back(std::move(row));
  }

  std::optional<double> read_number(const Cell& cell, const std::string& column) {
    if (cell.malformed) return std::nullopt;
    std::string_view text = trimmed(cell.text);
    const std::string where = "column '" + shown(column) + "': ";
    if (text.empty()) {
      problems_.add(cell.line, cell.column, where + "empty cell; every cell must hold a number");
      return std::nullopt;
    }
    std::string_view digits = text;
    if (digits.size() > 1 && digits[0] == '+' && digits[1] != '-' && digits[1] != '+') digits.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error == std::errc::result_out_of_range) {
      problems_.add(cell.line, cell.column, where + "'" + shown(text) + "' is too large or too small for a double");
      return std::nullopt;
    }
    if (error != std::errc() || end != digits.data() + digits.size()) {
      problems_.add(cell.line, cell.column, where + "'" + shown(text) + "' is not a number");
      return std::nullopt;
    }
    if (!std::isfinite(value)) {
      problems_.add(cell.line, cell.column,
                    where + "'" + shown(text) + "': NaN and infinity are not allowed (a failed run? leave its row out)");
      return std::nullopt;
    }
    return value;
  }

  std::string_view text_;
  Problems problems_;
  NumericTable table_;
  int header_line_ = 0;
};

/// Why `path` cannot be read as a CSV file, or empty.
std::string unusable_file(const fs::path& path) {
  std::error_code error;
  const auto status = fs::status(path, error);
  if (status.type() == fs::file_type::not_found) return "no such file";
  if (error) return error.message();
  if (fs::is_directory(status)) return "is a directory, not a CSV file";
  if (!fs::is_regular_file(status)) return "is not a regular file";
  const auto size = fs::file_size(path, error);
  if (!error && size > max_csv_bytes) return "is " + std::to_string(size) + " bytes, too large for a table of design outputs";
  return {};
}

[[noreturn]] void cannot_read(const fs::path& path, const std::string& reason) {
  throw ScenarioError({{Diagnostic::Severity::error, SourceLocation{path.string(), 0, 0}, "",
                        "cannot read CSV file: " + reason}});
}

}  // namespace

std::optional<std::size_t> NumericTable::column_index(std::string_view name) const {
  const auto it = std::find(columns.begin(), columns.end(), name);
  if (it == columns.end()) return std::nullopt;
  return static_cast<std::size_t>(it - columns.begin());
}

std::vector<double> NumericTable::column(std::size_t index) const {
  std::vector<double> values;
  values.reserve(rows.size());
  for (const auto& row : rows) values.push_back(row.at(index));
  return values;
}

NumericTable parse_numeric_csv(std::string_view text, const std::string& name) {
  return TableBuilder(text, name).build();
}

NumericTable read_numeric_csv(const fs::path& path) {
  if (auto reason = unusable_file(path); !reason.empty()) cannot_read(path, reason);
  std::ifstream in(path, std::ios::binary);
  if (!in) cannot_read(path, "cannot be opened for reading");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) cannot_read(path, "could not be read to the end");
  return parse_numeric_csv(bytes.view(), path.string());
}

}  // namespace shanzhi::sim::experiments
