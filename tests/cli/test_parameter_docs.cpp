// docs/parameters.md is generated from the parameter schema; it must be regenerated whenever the
// schema changes, and every key in it must be documented well enough to use.

#include "tests/support/cli_runner.hpp"
#include "models/governance/spec/parameter_docs.hpp"
#include "models/governance/spec/parameter_schema.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace shanzhi;
using namespace shanzhi::cli_test;

namespace {

const char* const regenerate = "run `build/shanzhi params --markdown > docs/parameters.md` to regenerate it";

/// The cells of a Markdown table row "| a | b \| c |" → {"a", "b | c"}, trimmed.
std::vector<std::string> cells_of(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 1; i < row.size(); ++i) {  // skip the leading '|'
    if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (row[i] == '|') {
      const auto first = cell.find_first_not_of(' ');
      const auto last = cell.find_last_not_of(' ');
      cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  return cells;
}

/// Every parameter row of the Markdown, by full dotted key ("## [table]" then "| `name` | ...").
std::map<std::string, std::vector<std::string>> rows_by_key(const std::string& markdown) {
  std::map<std::string, std::vector<std::string>> rows;
  std::string table;
  for (const auto& line : lines_of(markdown)) {
    if (line.rfind("## [", 0) == 0) table = line.substr(4, line.find(']') - 4);
    if (line.rfind("| `", 0) != 0) continue;
    auto cells = cells_of(line);
    if (cells.empty() || cells[0].size() < 2) continue;
    rows[table + "." + cells[0].substr(1, cells[0].size() - 2)] = std::move(cells);
  }
  return rows;
}

enum Column { col_key, col_type, col_default, col_range, col_unit, col_meaning, col_source, col_lever, col_plausible, column_count };

}  // namespace

TEST_CASE("docs: docs/parameters.md matches the parameter schema", "[docs]") {
  const auto file = source_dir() / "docs" / "parameters.md";
  const std::string on_disk = read_file(file);
  const std::string expected = gov::parameters_markdown();
  REQUIRE_FALSE(expected.empty());
  if (on_disk.empty()) FAIL(file.string() << " is missing or empty; " << regenerate);
  if (on_disk != expected) {
    const auto have = lines_of(on_disk), want = lines_of(expected);
    std::size_t line = 0;
    while (line < have.size() && line < want.size() && have[line] == want[line]) ++line;
    FAIL(file.string() << " is out of date with models/governance/spec/parameter_schema.cpp; " << regenerate
                       << "\nfirst difference at line " << line + 1 << ":\n  file:      "
                       << (line < have.size() ? have[line] : "(end of file)")
                       << "\n  generated: " << (line < want.size() ? want[line] : "(end of file)"));
  }
  SUCCEED("docs/parameters.md is up to date");
}

TEST_CASE("docs: `shanzhi params --markdown` prints the generated reference", "[docs][cli]") {
  const auto r = run_shanzhi({"params", "--markdown"});
  INFO(r.describe().substr(0, 2000));
  REQUIRE(r.exited);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == gov::parameters_markdown());
}

TEST_CASE("docs: every schema key has a row — and every lever its lever id", "[docs]") {
  const auto rows = rows_by_key(gov::parameters_markdown());
  const auto& entries = gov::governance_schema().entries();
  REQUIRE(entries.size() > 20);
  CHECK(rows.size() == entries.size());
  int levers = 0;
  for (const auto& e : entries) {
    const auto& info = e.info;
    INFO("key " << info.key);
    const auto row = rows.find(info.key);
    REQUIRE(row != rows.end());
    const auto& cells = row->second;
    REQUIRE(cells.size() == column_count);
    CHECK(cells[col_type] == std::string(sim::to_string(info.type)));
    CHECK(cells[col_default] == sim::format_value(info.default_value));
    CHECK(cells[col_range] == info.range_text());
    if (info.is_lever()) {
      ++levers;
      CHECK(info.lever.size() >= 2);
      CHECK(info.lever[0] == 'L');
      REQUIRE(info.pre_reform_value.has_value());
      CHECK(cells[col_lever] == info.lever + " (pre-reform " + sim::format_value(*info.pre_reform_value) + ")" +
                                  (info.at_fiscal_year ? "; from the next fiscal year" : ""));
    } else {
      CHECK(cells[col_lever].empty());
    }
  }
  CHECK(levers >= 15);  // the seed's policy levers L1–L21 are spread over these keys
}

TEST_CASE("docs: every key has a unit or type — a meaning and a source", "[docs]") {
  const auto rows = rows_by_key(gov::parameters_markdown());
  for (const auto& e : gov::governance_schema().entries()) {
    const auto& info = e.info;
    INFO("key " << info.key);
    // Counts and seeds may go without a unit (the type says it); a real number needs one.
    CHECK_FALSE((info.unit.empty() && sim::to_string(info.type).empty()));
    if (info.type == sim::ParamType::real) CHECK_FALSE(info.unit.empty());
    CHECK(info.meaning.size() > 10);
    CHECK_FALSE(info.source.empty());
    const auto row = rows.find(info.key);
    REQUIRE(row != rows.end());
    REQUIRE(row->second.size() == column_count);
    CHECK_FALSE((row->second[col_unit].empty() && row->second[col_type].empty()));
    CHECK_FALSE(row->second[col_meaning].empty());
    CHECK_FALSE(row->second[col_source].empty());
  }
}
