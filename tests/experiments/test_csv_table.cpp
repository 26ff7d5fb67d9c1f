// The numeric CSV reader: what it accepts, every kind of refusal with its position, and that no
// sequence of bytes makes it crash.

#include "sim/experiments/csv_table.hpp"
#include "sim/random.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace shanzhi::sim;
using namespace shanzhi::sim::experiments;

namespace {

/// The diagnostics parsing `text` throws (empty if it parses).
std::vector<Diagnostic> problems_in(const std::string& text) {
  try {
    parse_numeric_csv(text, "t.csv");
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

struct BadCsv {
  std::string name;
  std::string text;
  int line, column;
  std::string says;
};

const std::vector<BadCsv>& bad_files() {
  static const std::vector<BadCsv> cases{
      {"empty", "", 0, 0, "file is empty"},
      {"only blank lines", "\n  \n\r\n", 0, 0, "file is empty"},
      {"header only", "x,y\n", 1, 0, "not followed by any rows"},
      {"row too long", "x,y\n1,2\n3,4,5\n", 3, 5, "row has 3 fields but the header has 2 columns"},
      {"row too short", "x,y\n1,2\n3\n", 3, 1, "row has 1 fields but the header has 2 columns"},
      {"trailing comma", "x,y\n1,2,\n", 2, 5, "row has 3 fields"},
      {"text cell", "x,y\n1,abc\n", 2, 3, "column 'y': 'abc' is not a number"},
      {"number with trailing text", "x,y\n1,2.5kg\n", 2, 3, "'2.5kg' is not a number"},
      {"empty cell", "x,y\n1,\n", 2, 3, "column 'y': empty cell"},
      {"nan", "x,y\nnan,1\n", 2, 1, "NaN and infinity are not allowed"},
      {"infinity", "x,y\n1,-inf\n", 2, 3, "NaN and infinity are not allowed"},
      {"out of range", "x\n1e999\n", 2, 1, "too large or too small for a double"},
      {"two signs", "x\n+-1\n", 2, 1, "is not a number"},
      {"empty column name", ",x,y\n0,1,2\n", 1, 1, "column 1 has no name (an index column?"},
      {"repeated column name", "x,y,x\n1,2,3\n", 1, 5, "column 3 repeats the name 'x'"},
      {"control character in a name", "x,\"y\nz\"\n1,2\n", 1, 3, "holds control characters or invalid UTF-8"},
      {"invalid UTF-8 in a name", "x,\xC3\x28\n1,2\n", 1, 3, "name '\\xC3(' holds control characters"},
      {"unclosed quote", "x,y\n1,\"2\n3,4\n", 2, 3, "quoted field is never closed"},
      {"text after a closing quote", "x,y\n\"1\"2,3\n", 2, 4, "unexpected text after a closing quote"},
      {"NUL byte", std::string("x,y\n1,2\0\n", 9), 2, 4, "NUL byte"},
  };
  return cases;
}

fs::path temporary_file(const std::string& name, const std::string& bytes) {
  const auto dir = fs::temp_directory_path() / ("shanzhi_test_csv_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST_CASE("A numeric CSV with a header is read with names and rows", "[experiments][csv]") {
  const auto table = parse_numeric_csv("x1,\"x 2\",y\n1,2,3\n-0.5,1e-3,+4\n", "t.csv");
  REQUIRE(table.columns == std::vector<std::string>{"x1", "x 2", "y"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0] == std::vector<double>{1, 2, 3});
  CHECK(table.rows[1] == std::vector<double>{-0.5, 1e-3, 4});
  CHECK(table.column_index("y") == 2u);
  CHECK_FALSE(table.column_index("z"));
  CHECK(table.column(1) == std::vector<double>{2, 1e-3});
}

TEST_CASE("The CSV reader accepts CRLF lines and a byte-order mark and blank lines and spaces and quoted numbers", "[experiments][csv]") {
  const auto table = parse_numeric_csv("\xEF\xBB\xBFx,y\r\n 1 , \"2\"\r\n\r\n3,4", "t.csv");
  REQUIRE(table.columns == std::vector<std::string>{"x", "y"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0] == std::vector<double>{1, 2});
  CHECK(table.rows[1] == std::vector<double>{3, 4});
  // Numbers written in shortest round-trip form read back exactly.
  const auto exact = parse_numeric_csv("v\n0.1\n2.2250738585072014e-308\n-3.141592653589793\n", "t.csv");
  CHECK(exact.column(0) == std::vector<double>{0.1, 2.2250738585072014e-308, -3.141592653589793});
  // A quoted name may hold a comma, a doubled quote and non-ASCII text.
  const auto names = parse_numeric_csv("\"a,b\",\"say \"\"hi\"\"\",满意度\n1,2,3\n", "t.csv");
  CHECK(names.columns == std::vector<std::string>{"a,b", "say \"hi\"", "满意度"});
}

TEST_CASE("Each kind of bad CSV is refused at its line and column", "[experiments][csv]") {
  for (const auto& bad : bad_files()) {
    const auto problems = problems_in(bad.text);
    std::string all;
    for (const auto& d : problems) all += d.format() + "\n";
    INFO("case: " << bad.name << "\n" << all);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].where.file == "t.csv");
    CHECK(problems[0].where.line == bad.line);
    CHECK(problems[0].where.column == bad.column);
    CHECK_THAT(problems[0].message, Catch::Contains(bad.says));
  }
}

TEST_CASE("The CSV reader reports several problems and stops after ten", "[experiments][csv]") {
  CHECK(problems_in("x,y\na,1\n1,b\n2,2\n").size() == 2);
  std::string many = "x\n";
  for (int i = 0; i < 50; ++i) many += "bad\n";
  const auto problems = problems_in(many);
  REQUIRE(problems.size() == 11);
  CHECK_THAT(problems.back().message, Catch::Contains("stopped after 10"));
}

TEST_CASE("The CSV reader reads files and refuses missing ones and directories", "[experiments][csv]") {
  const auto good = temporary_file("good.csv", "a,b\n1,2\n");
  CHECK(read_numeric_csv(good).rows.size() == 1);

  const auto message_for = [](const fs::path& path) -> std::string {
    try {
      read_numeric_csv(path);
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "(no error)";
  };
  CHECK(message_for(good.parent_path() / "absent.csv") ==
        (good.parent_path() / "absent.csv").string() + ": error: cannot read CSV file: no such file");
  CHECK_THAT(message_for(good.parent_path()), Catch::Contains("is a directory"));
  const auto bad = temporary_file("bad.csv", "a,b\n1,x\n");
  CHECK(message_for(bad) == bad.string() + ":2:3: error: column 'b': 'x' is not a number");
  fs::remove_all(good.parent_path());
}

TEST_CASE("The CSV reader never crashes on random bytes", "[experiments][csv]") {
  // Random buffers of three flavours: any bytes, CSV-like characters, and mutations of a good
  // file. Each must give a table or a ScenarioError, nothing else.
  const std::string alphabet = "0123456789.,+-eE\"\n\r \tnaif\xC3\xA9";
  const std::string good = "x,y,z\n1,2,3\n4.5,-6,7e2\n\"8\",9,10\n";
  std::size_t parsed = 0, refused = 0;
  for (std::uint32_t trial = 0; trial < 600; ++trial) {
    RandomStream random(2024, trial, 0, 0);
    std::string bytes;
    const auto length = random.below(200);
    switch (trial % 3) {
      case 0:
        for (std::uint32_t i = 0; i < length; ++i) bytes += static_cast<char>(random.below(256));
        break;
      case 1:
        for (std::uint32_t i = 0; i < length; ++i)
          bytes += alphabet[random.below(static_cast<std::uint32_t>(alphabet.size()))];
        break;
      default:
        bytes = good;
        for (std::uint32_t i = 0; i < 1 + random.below(4); ++i)
          bytes[random.below(static_cast<std::uint32_t>(bytes.size()))] = static_cast<char>(random.below(256));
    }
    try {
      const auto table = parse_numeric_csv(bytes, "fuzz.csv");
      for (const auto& row : table.rows) REQUIRE(row.size() == table.columns.size());
      ++parsed;
    } catch (const ScenarioError& e) {
      REQUIRE_FALSE(e.diagnostics().empty());
      ++refused;
    }
  }
  CHECK(parsed + refused == 600);
  CHECK(parsed > 0);  // some mutations leave a valid table
}
