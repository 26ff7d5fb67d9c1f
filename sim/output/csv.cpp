#include "sim/output/csv.hpp"

namespace shanzhi::sim {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void append_csv_line(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += fields[i];
  }
  out += '\n';
}

std::vector<CsvCell> split_csv_line(std::string_view line) {
  std::vector<CsvCell> cells{{"", 1}};
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cells.back().text += '"', ++i;
      else if (c == '"') quoted = false;
      else cells.back().text += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.push_back({"", static_cast<int>(i) + 2});
    } else if (c != '\r') {
      cells.back().text += c;
    }
  }
  return cells;
}

}  // namespace shanzhi::sim
