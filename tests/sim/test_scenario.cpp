// Scenario files, --set overrides and the parameter checks behind them: every kind of bad input
// must give a message that says what is wrong, what was expected, and where.

#include "sim/parameters.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/scenario.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>

namespace fs = std::filesystem;
using namespace shanzhi::sim;

namespace {

// ---------------------------------------------------------------------------------------------
// A small model: a real, integers, a boolean and a choice, some under tables, one at top level.

enum class Mode { market, state, hybrid };

struct TestParams {
  struct Workers {
    double pay_ratio = 0.8;
    std::int64_t hours = 40;
  } workers;
  struct District {
    std::int64_t streets = 12;
    bool has_market = true;
    Mode mode = Mode::hybrid;
  } district;
  double trust = 0.5;
};

ParamInfo info(std::string key, std::string unit = "") {
  ParamInfo i;
  i.key = std::move(key);
  i.unit = std::move(unit);
  return i;
}

const ParameterSchema<TestParams>& test_schema() {
  static const ParameterSchema<TestParams> schema = [] {
    ParameterSchema<TestParams> s;
    s.add_real(info("workers.pay_ratio", "share 0-1"), 0, 1,
               [](TestParams& p) -> double& { return p.workers.pay_ratio; });
    s.add_integer(info("workers.hours", "hours/week"), 0, 80,
                  [](TestParams& p) -> std::int64_t& { return p.workers.hours; });
    s.add_integer(info("district.streets"), 1, 500,
                  [](TestParams& p) -> std::int64_t& { return p.district.streets; });
    s.add_boolean(info("district.has_market"), [](TestParams& p) -> bool& { return p.district.has_market; });
    s.add_choice(info("district.mode"), {"market", "state", "hybrid"},
                 [](TestParams& p) -> Mode& { return p.district.mode; });
    s.add_real(info("trust"), 0, 1, [](TestParams& p) -> double& { return p.trust; });
    return s;
  }();
  return schema;
}

std::vector<ParamInfo> schema_infos() { return test_schema().infos(); }

const ParamInfo& info_of(const std::string& key) { return test_schema().find(key)->info; }

// ---------------------------------------------------------------------------------------------
// Scenario files in a fresh directory, removed afterwards.

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    dir_ = fs::temp_directory_path() /
           ("shanzhi_test_scenario_" + std::to_string(stamp) + "_" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  fs::path write(const std::string& name, const std::string& text) const {
    const auto file = dir_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
  fs::path path(const std::string& name) const { return dir_ / name; }

 private:
  fs::path dir_;
};

/// Every diagnostic of a load that must fail.
std::vector<Diagnostic> load_errors(const fs::path& file) {
  try {
    load_scenario(file, schema_infos());
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  FAIL("expected " << file << " to be refused");
  return {};
}

/// The single diagnostic of a load that must fail with exactly one problem.
Diagnostic load_error(const fs::path& file) {
  const auto errors = load_errors(file);
  INFO(ScenarioError(errors).what());
  REQUIRE(errors.size() == 1);
  return errors.front();
}

/// The single diagnostic of an override that must be refused.
Diagnostic override_error(std::string_view assignment) {
  ScenarioDocument doc;
  try {
    apply_override(doc, assignment, schema_infos());
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    return e.diagnostics().front();
  }
  FAIL("expected --set " << assignment << " to be refused");
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

// =============================================================================================
// Parameter checks

TEST_CASE("format_value writes values as TOML would", "[scenario][parameters]") {
  CHECK(format_value(0.25) == "0.25");
  CHECK(format_value(3.0) == "3.0");
  CHECK(format_value(std::int64_t{12}) == "12");
  CHECK(format_value(true) == "true");
  CHECK(format_value(std::string("hybrid")) == "hybrid");
  CHECK(to_string(ParamType::real) == "real");
  CHECK(to_string(ParamType::choice) == "choice");
}

TEST_CASE("SourceLocation::describe leaves out missing line and column", "[scenario][parameters]") {
  CHECK(SourceLocation{"a.toml", 3, 7}.describe() == "a.toml:3:7");
  CHECK(SourceLocation{"a.toml", 3, 0}.describe() == "a.toml:3");
  CHECK(SourceLocation{"--set", 0, 0}.describe() == "--set");
}

TEST_CASE("ParamInfo::check accepts good values and explains bad ones", "[scenario][parameters]") {
  const auto& ratio = info_of("workers.pay_ratio");
  CHECK(ratio.check(0.5).empty());
  CHECK(ratio.check(std::int64_t{1}).empty());  // an integer is fine for a real
  CHECK(ratio.check(1.5) == "expected a number between 0 and 1 (share 0-1), got 1.5");
  CHECK(contains(ratio.check(std::nan("")), "got nan"));
  CHECK(contains(ratio.check(std::numeric_limits<double>::infinity()), "got inf"));
  CHECK(contains(ratio.check(std::string("0.5")), "got \"0.5\" (text)"));

  const auto& streets = info_of("district.streets");
  CHECK(streets.check(std::int64_t{12}).empty());
  CHECK(streets.check(12.0) == "expected a whole number between 1 and 500, got 12.0 (a real number)");
  CHECK(streets.check(std::int64_t{0}) == "expected a whole number between 1 and 500, got 0");

  const auto& market = info_of("district.has_market");
  CHECK(market.check(false).empty());
  CHECK(market.check(std::int64_t{1}) == "expected true or false, got 1 (an integer)");

  const auto& mode = info_of("district.mode");
  CHECK(mode.check(std::string("state")).empty());
  CHECK(mode.check(std::string("hybird")) ==
        "expected one of 'market', 'state', 'hybrid', got 'hybird'; did you mean 'hybrid'?");
  CHECK(mode.check(std::string("anarchy")) == "expected one of 'market', 'state', 'hybrid', got 'anarchy'");
}

TEST_CASE("ParamInfo::normalise turns an integer into a real for real parameters", "[scenario][parameters]") {
  const auto value = info_of("workers.pay_ratio").normalise(std::int64_t{1});
  REQUIRE(std::holds_alternative<double>(value));
  CHECK(std::get<double>(value) == 1.0);
  CHECK(std::holds_alternative<std::int64_t>(info_of("district.streets").normalise(std::int64_t{3})));
}

TEST_CASE("ParamInfo::range_text shows the allowed values", "[scenario][parameters]") {
  CHECK(info_of("workers.pay_ratio").range_text() == "0\u20131");
  CHECK(info_of("district.streets").range_text() == "1\u2013500");
  CHECK(info_of("district.has_market").range_text() == "true/false");
  CHECK(info_of("district.mode").range_text() == "market | state | hybrid");
}

// =============================================================================================
// Diagnostics

TEST_CASE("Diagnostic::format reads like a compiler message", "[scenario][diagnostics]") {
  Diagnostic d{Diagnostic::Severity::error, {"s.toml", 4, 13}, "workers.pay_ratio", "expected x"};
  CHECK(d.format() == "s.toml:4:13: error: key 'workers.pay_ratio': expected x");
  d.where = {"--set", 0, 0};
  d.severity = Diagnostic::Severity::warning;
  d.key.clear();
  CHECK(d.format() == "--set: warning: expected x");
}

TEST_CASE("ScenarioError lists every diagnostic — one per line", "[scenario][diagnostics]") {
  const ScenarioError error({{Diagnostic::Severity::error, {"a.toml", 1, 1}, "k", "first"},
                             {Diagnostic::Severity::error, {"a.toml", 2, 1}, "", "second"}});
  CHECK(std::string(error.what()) == "a.toml:1:1: error: key 'k': first\na.toml:2:1: error: second");
  CHECK(error.diagnostics().size() == 2);
}

TEST_CASE("nearest_key finds typos — right names under wrong tables — and nothing for nonsense",
          "[scenario][diagnostics]") {
  const auto keys = test_schema().keys();
  CHECK(nearest_key("workers.pay_ration", keys) == "workers.pay_ratio");
  CHECK(nearest_key("workers.pay_ratoi", keys) == "workers.pay_ratio");
  CHECK(nearest_key("district.pay_ratio", keys) == "workers.pay_ratio");
  CHECK(nearest_key("pay_ration", keys) == "workers.pay_ratio");
  CHECK(nearest_key("Workers.Pay_Ratio", keys) == "workers.pay_ratio");
  CHECK(nearest_key("district.street", keys) == "district.streets");
  CHECK(nearest_key("workers_pay_ratio", keys) == "workers.pay_ratio");
  CHECK(nearest_key("scenario.title", {"scenario.name", "scenario.description"}).empty());
  CHECK(nearest_key("xyzzy", keys).empty());
  CHECK(nearest_key("workers.qqqqqqqq", keys).empty());
  CHECK(nearest_key("a", {"b", "x.c"}).empty());
}

// =============================================================================================
// Loading good files

TEST_CASE("A valid scenario loads with every value's file — line and column", "[scenario][load]") {
  TempDir dir;
  const auto file = dir.write("good.toml",
                              "# a comment\n"
                              "trust = 1\n"
                              "[workers]\n"
                              "pay_ratio = 0.9\n"
                              "  hours = 38\n"
                              "[district]\n"
                              "mode = \"state\"\n"
                              "has_market = false\n");
  const auto doc = load_scenario(file, schema_infos());
  CHECK(doc.path == file.string());
  CHECK(doc.name == "good");
  CHECK(doc.description.empty());
  CHECK(doc.warnings.empty());
  REQUIRE(doc.values.size() == 5);
  const auto& [ratio, ratio_at] = doc.values.at("workers.pay_ratio");
  CHECK(std::get<double>(ratio) == 0.9);
  CHECK(ratio_at.file == file.string());
  CHECK(ratio_at.line == 4);
  CHECK(ratio_at.column == 13);
  CHECK(doc.values.at("workers.hours").second.line == 5);
  CHECK(doc.values.at("workers.hours").second.column == 11);
  CHECK(std::get<double>(doc.values.at("trust").first) == 1.0);  // integer normalised to real
  CHECK(std::get<std::string>(doc.values.at("district.mode").first) == "state");
  REQUIRE(doc.sources.size() == 1);
  CHECK(doc.sources[0].first == file.string());
  CHECK(contains(doc.sources[0].second, "pay_ratio = 0.9"));
}

TEST_CASE("Dotted keys and The scenario table metadata are read", "[scenario][load]") {
  TempDir dir;
  const auto file = dir.write("dotted.toml",
                              "workers.pay_ratio = 0.7\n"
                              "district.streets = 30\n"
                              "[scenario]\n"
                              "name = \"High pay\"\n"
                              "description = \"Pay ratio raised\"\n");
  const auto doc = load_scenario(file, schema_infos());
  CHECK(doc.name == "High pay");
  CHECK(doc.description == "Pay ratio raised");
  CHECK(std::get<double>(doc.values.at("workers.pay_ratio").first) == 0.7);
  CHECK(std::get<std::int64_t>(doc.values.at("district.streets").first) == 30);
  CHECK(doc.values.count("scenario.name") == 0);
}

TEST_CASE("A file with only comments loads with a warning", "[scenario][load]") {
  TempDir dir;
  const auto doc = load_scenario(dir.write("comments.toml", "# nothing here yet\n"), schema_infos());
  CHECK(doc.values.empty());
  REQUIRE(doc.warnings.size() == 1);
  CHECK(doc.warnings[0].severity == Diagnostic::Severity::warning);
  CHECK(contains(doc.warnings[0].message, "sets no parameters"));
}

TEST_CASE("resolve_parameters applies values over the defaults", "[scenario][load]") {
  TempDir dir;
  const auto file = dir.write("r.toml", "trust = 1\n[workers]\nhours = 20\n[district]\nmode = \"market\"\n");
  const auto doc = load_scenario(file, schema_infos());
  const auto params = resolve_parameters(doc, test_schema());
  CHECK(params.trust == 1.0);
  CHECK(params.workers.hours == 20);
  CHECK(params.workers.pay_ratio == 0.8);  // default kept
  CHECK(params.district.mode == Mode::market);

  SECTION("an integer left in the document for a real parameter is normalised") {
    ScenarioDocument raw;
    raw.values["workers.pay_ratio"] = {std::int64_t{1}, SourceLocation{"x", 1, 1}};
    CHECK(resolve_parameters(raw, test_schema()).workers.pay_ratio == 1.0);
  }
  SECTION("the listing names the file for set values and 'default' for the rest") {
    const auto listing = resolved_listing(doc, test_schema(), params);
    REQUIRE(listing.size() == test_schema().entries().size());
    for (const auto& [key, entry] : listing) {
      if (key == "workers.hours") CHECK(entry.second.file == file.string());
      if (key == "workers.pay_ratio") CHECK(entry.second.file == "default");
    }
  }
}

// =============================================================================================
// Bad keys

TEST_CASE("An unknown key is reported at the key with the nearest valid key", "[scenario][errors]") {
  TempDir dir;
  const auto e = load_error(dir.write("typo.toml", "[workers]\n  pay_ration = 0.9\n"));
  CHECK(e.key == "workers.pay_ration");
  CHECK(e.message == "unknown key; did you mean 'workers.pay_ratio'?");
  CHECK(e.where.line == 2);
  CHECK(e.where.column == 3);
  CHECK(e.format() == e.where.file +
                          ":2:3: error: key 'workers.pay_ration': unknown key; did you mean "
                          "'workers.pay_ratio'?");
}

TEST_CASE("A right name under the wrong table or none is found", "[scenario][errors]") {
  TempDir dir;
  CHECK(contains(load_error(dir.write("w.toml", "[district]\npay_ration = 0.9\n")).message,
                 "did you mean 'workers.pay_ratio'?"));
  CHECK(contains(load_error(dir.write("t.toml", "pay_ratio = 0.9\n")).message,
                 "did you mean 'workers.pay_ratio'?"));
}

TEST_CASE("A nonsense key gets no suggestion", "[scenario][errors]") {
  TempDir dir;
  const auto e = load_error(dir.write("n.toml", "[workers]\nqqqqqqqq = 1\n"));
  CHECK(e.message == "unknown key");
}

TEST_CASE("An unknown table is reported at its header with a suggestion", "[scenario][errors]") {
  TempDir dir;
  const auto e = load_error(dir.write("table.toml", "trust = 0.5\n[wrokers]\npay_ratio = 0.9\nhours = 3\n"));
  CHECK(e.key == "wrokers");
  CHECK(e.message == "unknown table; did you mean 'workers'?");
  CHECK(e.where.line == 2);
  CHECK(e.where.column == 2);
}

TEST_CASE("A table name given a value — or a parameter given a table — is a type error", "[scenario][errors]") {
  TempDir dir;
  const auto group = load_error(dir.write("g.toml", "workers = 3\n"));
  CHECK(group.key == "workers");
  CHECK(contains(group.message, "is a table of parameters"));
  const auto table = load_error(dir.write("p.toml", "[workers.pay_ratio]\nx = 1\n"));
  CHECK(table.key == "workers.pay_ratio");
  CHECK(table.message == "expected a number between 0 and 1 (share 0-1), got a table");
}

TEST_CASE("The scenario table accepts only name and description — as text", "[scenario][errors]") {
  TempDir dir;
  const auto errors = load_errors(dir.write("meta.toml", "[scenario]\nnmae = \"x\"\ndescription = 3\n"));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].key == "scenario.nmae");
  CHECK(errors[0].message == "unknown key; did you mean 'scenario.name'?");
  CHECK(errors[1].key == "scenario.description");
  CHECK(errors[1].message == "expected text in quotes, got 3");
  CHECK(errors[1].where.line == 3);
}

// =============================================================================================
// Bad values

TEST_CASE("Wrong value types are refused with what was expected", "[scenario][errors]") {
  TempDir dir;
  SECTION("text for a number") {
    const auto e = load_error(dir.write("a.toml", "[workers]\npay_ratio = \"high\"\n"));
    CHECK(e.message == "expected a number between 0 and 1 (share 0-1), got \"high\" (text)");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 13);
  }
  SECTION("an array for an integer") {
    const auto e = load_error(dir.write("b.toml", "district.streets = [1, 2]\n"));
    CHECK(e.message == "expected a whole number between 1 and 500, got an array");
  }
  SECTION("an inline table for a boolean") {
    const auto e = load_error(dir.write("c.toml", "[district]\nhas_market = { yes = true }\n"));
    CHECK(e.message == "expected true or false, got a table");
  }
  SECTION("a date for a real") {
    const auto e = load_error(dir.write("d.toml", "trust = 1979-05-27\n"));
    CHECK(e.message == "expected a number between 0 and 1, got a date");
  }
  SECTION("a number for a choice") {
    const auto e = load_error(dir.write("e.toml", "[district]\nmode = 2\n"));
    CHECK(e.message == "expected one of 'market', 'state', 'hybrid', got 2 (an integer)");
  }
}

TEST_CASE("A real given for an integer parameter is refused", "[scenario][errors]") {
  TempDir dir;
  const auto e = load_error(dir.write("i.toml", "[district]\nstreets = 12.5\n"));
  CHECK(e.key == "district.streets");
  CHECK(e.message == "expected a whole number between 1 and 500, got 12.5 (a real number)");
  CHECK(e.where.line == 2);
  CHECK(e.where.column == 11);
}

TEST_CASE("NaN and infinities are refused", "[scenario][errors]") {
  TempDir dir;
  const auto errors = load_errors(dir.write("nan.toml", "trust = nan\n[workers]\npay_ratio = inf\n"));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].key == "trust");
  CHECK(errors[0].message == "expected a number between 0 and 1, got nan (not a number)");
  CHECK(errors[1].key == "workers.pay_ratio");
  CHECK(errors[1].message == "expected a number between 0 and 1 (share 0-1), got inf (infinity)");
  CHECK(contains(load_error(dir.write("neg.toml", "trust = -inf\n")).message, "got -inf (infinity)"));
}

TEST_CASE("Values outside the range are refused at both ends", "[scenario][errors]") {
  TempDir dir;
  const auto high = load_error(dir.write("hi.toml", "[workers]\npay_ratio = 1.5\n"));
  CHECK(high.message == "expected a number between 0 and 1 (share 0-1), got 1.5");
  const auto low = load_error(dir.write("lo.toml", "[workers]\nhours = -1\n"));
  CHECK(low.message == "expected a whole number between 0 and 80 (hours/week), got -1");
}

TEST_CASE("Range bounds themselves are accepted", "[scenario][load]") {
  TempDir dir;
  const auto doc =
      load_scenario(dir.write("edge.toml", "[workers]\nhours = 80\npay_ratio = 0\n"), schema_infos());
  CHECK(std::get<std::int64_t>(doc.values.at("workers.hours").first) == 80);
  CHECK(std::get<double>(doc.values.at("workers.pay_ratio").first) == 0.0);
}

TEST_CASE("A bad choice lists the choices and suggests the nearest", "[scenario][errors]") {
  TempDir dir;
  const auto e = load_error(dir.write("ch.toml", "[district]\nmode = \"hybird\"\n"));
  CHECK(e.key == "district.mode");
  CHECK(e.message == "expected one of 'market', 'state', 'hybrid', got 'hybird'; did you mean 'hybrid'?");
  CHECK(e.where.line == 2);
  CHECK(e.where.column == 8);
}

// =============================================================================================
// Bad files

TEST_CASE("A TOML syntax error gives the parser's message with line and column", "[scenario][errors]") {
  TempDir dir;
  const auto e = load_error(dir.write("syntax.toml", "trust = 0.5\n[workers]\npay_ratio = = 0.9\n"));
  CHECK(e.key.empty());
  CHECK(e.where.line == 3);
  CHECK(e.where.column > 0);
  CHECK(contains(e.message, "invalid TOML: "));
  CHECK(contains(e.format(), "syntax.toml:3:"));
}

TEST_CASE("An integer too large for 64 bits is reported where it is", "[scenario][errors]") {
  TempDir dir;
  const auto e = load_error(dir.write("big.toml", "trust = 0.5\ndistrict.streets = 99999999999999999999\n"));
  CHECK(e.where.line == 2);
  CHECK(e.where.column > 0);
  CHECK(contains(e.message, "99999999999999999999"));
  CHECK(contains(e.message, "64 bits"));
}

TEST_CASE("An empty file is an error that says what a scenario needs", "[scenario][errors]") {
  TempDir dir;
  const auto e = load_error(dir.write("empty.toml", ""));
  CHECK(contains(e.message, "file is empty: a scenario needs at least one parameter"));
  CHECK(e.where.file == dir.path("empty.toml").string());
  CHECK(contains(load_error(dir.write("blank.toml", "\n  \n\t\n")).message, "file is empty"));
}

TEST_CASE("A binary file is refused at its first NUL byte", "[scenario][errors]") {
  TempDir dir;
  const auto e = load_error(dir.write("bin.toml", std::string("trust = 0.5\nab\0\x01\x02\xff\xfe", 19)));
  CHECK(contains(e.message, "NUL byte"));
  CHECK(contains(e.message, "binary"));
  CHECK(e.where.line == 2);
  CHECK(e.where.column == 3);
}

TEST_CASE("Invalid UTF-8 is reported at the first bad byte", "[scenario][errors]") {
  TempDir dir;
  // "é" is two bytes but one column; the lone 0xFF is the 10th character of line 2.
  const auto e = load_error(dir.write("latin1.toml", "trust = 0.5\n# caf\xc3\xa9 \xff\n"));
  CHECK(contains(e.message, "invalid UTF-8 (byte 0xFF)"));
  CHECK(e.where.line == 2);
  CHECK(e.where.column == 8);
  SECTION("overlong and surrogate encodings are invalid too") {
    CHECK(load_error(dir.write("overlong.toml", "# \xc0\xaf\n")).where.column == 3);
    CHECK(load_error(dir.write("surrogate.toml", "# \xed\xa0\x80\n")).where.column == 3);
    CHECK(load_error(dir.write("cut.toml", "trust = 0.5 # \xe2\x82")).where.column == 15);
  }
}

TEST_CASE("A missing file or a directory is reported as such", "[scenario][errors]") {
  TempDir dir;
  const auto missing = load_error(dir.path("nope.toml"));
  CHECK(missing.message == "cannot read scenario file: no such file");
  CHECK(missing.where.file == dir.path("nope.toml").string());
  CHECK(missing.where.line == 0);
  fs::create_directories(dir.path("folder.toml"));
  CHECK(load_error(dir.path("folder.toml")).message ==
        "cannot read scenario file: is a directory, not a scenario file");
}

TEST_CASE("Every problem in a file is reported at once — in file order", "[scenario][errors]") {
  TempDir dir;
  const auto file = dir.write("many.toml",
                              "trust = 2\n"
                              "[workers]\n"
                              "pay_ration = 0.9\n"
                              "hours = 1.5\n"
                              "[district]\n"
                              "mode = \"anarchy\"\n"
                              "streets = 10\n");
  const auto errors = load_errors(file);
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].key == "trust");
  CHECK(errors[1].key == "workers.pay_ration");
  CHECK(errors[2].key == "workers.hours");
  CHECK(errors[3].key == "district.mode");
  CHECK(errors[3].where.line == 6);
  try {
    load_scenario(file, schema_infos());
  } catch (const ScenarioError& e) {
    const std::string all = e.what();
    CHECK(std::count(all.begin(), all.end(), '\n') == 3);
    CHECK(contains(all, "many.toml:1:9: error: key 'trust': expected a number between 0 and 1, got 2"));
  }
}

/// Loads `text` and checks the outcome is sane: either a document whose every value is valid, or a
/// refusal listing at least one error. Returns whether it loaded.
bool loads_sanely(const TempDir& dir, const std::string& text) {
  try {
    const auto doc = load_scenario(dir.write("fuzz.toml", text), schema_infos());
    for (const auto& [key, entry] : doc.values) CHECK(info_of(key).check(entry.first).empty());
    return true;
  } catch (const ScenarioError& e) {
    CHECK_FALSE(e.diagnostics().empty());
    return false;
  }
}

TEST_CASE("No mix of TOML fragments crashes the loader", "[scenario][errors]") {
  TempDir dir;
  std::mt19937 random(20240611);
  const std::string pieces[] = {
      "[",   "]", "=", "\"", "'", "workers", ".",    "pay_ratio", "\n",       " ",    "1",  "0.5", "e9",
      "nan", "{", "}", ",",  "#", "\xff",    "\xc3", "extends",   "scenario", "true", "\\", "[["};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  int refused = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::string text;
    const int length = std::uniform_int_distribution<int>(0, 30)(random);
    for (int i = 0; i < length; ++i) text += pieces[pick(random)];
    if (!loads_sanely(dir, text)) ++refused;
  }
  CHECK(refused > 0);
}

TEST_CASE("No random bytes crash the loader", "[scenario][errors]") {
  TempDir dir;
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(1, 255);  // NUL is caught before parsing; avoid it here
  int refused = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::string text(static_cast<std::size_t>(trial), ' ');
    for (auto& c : text) c = static_cast<char>(byte(random));
    if (!loads_sanely(dir, text)) ++refused;
  }
  CHECK(refused > 0);
}

// =============================================================================================
// extends

TEST_CASE("extends chains inherit values — the child winning — with provenance", "[scenario][extends]") {
  TempDir dir;
  const auto root = dir.write("root.toml",
                              "[scenario]\nname = \"Root\"\ndescription = \"the root\"\n"
                              "[workers]\npay_ratio = 0.1\nhours = 10\n[district]\nstreets = 100\n");
  dir.write("base.toml", "extends = \"root.toml\"\n[workers]\npay_ratio = 0.2\nhours = 20\n");
  const auto child =
      dir.write("variants/child.toml", "extends = \"../base.toml\"\nworkers.pay_ratio = 0.3\n");
  const auto doc = load_scenario(child, schema_infos());

  CHECK(std::get<double>(doc.values.at("workers.pay_ratio").first) == 0.3);
  CHECK(doc.values.at("workers.pay_ratio").second.file == child.string());
  CHECK(doc.values.at("workers.pay_ratio").second.line == 2);
  CHECK(std::get<std::int64_t>(doc.values.at("workers.hours").first) == 20);
  CHECK(fs::equivalent(doc.values.at("workers.hours").second.file, dir.path("base.toml")));
  CHECK(doc.values.at("workers.hours").second.line == 4);
  CHECK(std::get<std::int64_t>(doc.values.at("district.streets").first) == 100);
  CHECK(fs::equivalent(doc.values.at("district.streets").second.file, root));

  // Metadata belongs to the file named, not its ancestors.
  CHECK(doc.name == "child");
  CHECK(doc.description.empty());
  REQUIRE(doc.sources.size() == 3);
  CHECK(doc.sources[0].first == child.string());
  CHECK(fs::equivalent(doc.sources[1].first, dir.path("base.toml")));
  CHECK(fs::equivalent(doc.sources[2].first, root));
  CHECK(contains(doc.sources[2].second, "streets = 100"));
  CHECK(resolve_parameters(doc, test_schema()).workers.hours == 20);
}

TEST_CASE("An extends cycle is refused — naming the chain", "[scenario][extends]") {
  TempDir dir;
  const auto a = dir.write("a.toml", "extends = \"b.toml\"\ntrust = 0.1\n");
  dir.write("b.toml", "trust = 0.2\nextends = \"a.toml\"\n");
  const auto e = load_error(a);
  CHECK(e.key == "extends");
  CHECK(contains(e.message, "extends cycle: "));
  CHECK(contains(e.message, "a.toml -> "));
  CHECK(contains(e.message, "b.toml -> "));
  CHECK(e.where.line == 2);  // the extends line in b.toml
  CHECK(contains(e.where.file, "b.toml"));

  const auto self = load_error(dir.write("self.toml", "extends = \"self.toml\"\n"));
  CHECK(contains(self.message, "self.toml -> "));
}

TEST_CASE("A missing extends target is reported at the extends line", "[scenario][extends]") {
  TempDir dir;
  const auto file = dir.write("orphan.toml", "trust = 0.5\nextends = \"gone.toml\"\n");
  const auto e = load_error(file);
  CHECK(e.key == "extends");
  CHECK(e.where.file == file.string());
  CHECK(e.where.line == 2);
  CHECK(e.where.column == 11);
  CHECK(contains(e.message, "gone.toml"));
  CHECK(contains(e.message, "no such file"));
}

TEST_CASE("extends must be a path in quotes", "[scenario][extends]") {
  TempDir dir;
  const auto e = load_error(dir.write("x.toml", "extends = 3\n"));
  CHECK(e.key == "extends");
  CHECK(e.message == "expected the path of another scenario file in quotes, got 3");
  CHECK(
      contains(load_error(dir.write("y.toml", "extend = \"b.toml\"\n")).message, "did you mean 'extends'?"));
}

TEST_CASE("Problems in an ancestor and in the child are reported together", "[scenario][extends]") {
  TempDir dir;
  const auto parent = dir.write("parent.toml", "trust = 7\n");
  const auto child = dir.write("child.toml", "extends = \"parent.toml\"\n[workers]\nhours = 1000\n");
  const auto errors = load_errors(child);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].where.file == child.string());
  CHECK(errors[0].key == "workers.hours");
  CHECK(fs::equivalent(errors[1].where.file, parent));
  CHECK(errors[1].key == "trust");
}

// =============================================================================================
// --set overrides

TEST_CASE("apply_override reads each type strictly and records --set", "[scenario][override]") {
  TempDir dir;
  auto doc = load_scenario(dir.write("s.toml", "[workers]\npay_ratio = 0.2\n"), schema_infos());
  apply_override(doc, "workers.pay_ratio=0.9", schema_infos());
  apply_override(doc, "  workers.hours = 35 ", schema_infos());
  apply_override(doc, "district.has_market=false", schema_infos());
  apply_override(doc, "district.mode=\"state\"", schema_infos());
  apply_override(doc, "trust=+1", schema_infos());
  CHECK(std::get<double>(doc.values.at("workers.pay_ratio").first) == 0.9);
  CHECK(doc.values.at("workers.pay_ratio").second.describe() == "--set");
  CHECK(std::get<std::int64_t>(doc.values.at("workers.hours").first) == 35);
  CHECK(std::get<bool>(doc.values.at("district.has_market").first) == false);
  CHECK(std::get<std::string>(doc.values.at("district.mode").first) == "state");
  CHECK(std::get<double>(doc.values.at("trust").first) == 1.0);
  apply_override(doc, "district.mode=market", schema_infos());
  CHECK(std::get<std::string>(doc.values.at("district.mode").first) == "market");
  CHECK(resolve_parameters(doc, test_schema()).district.mode == Mode::market);
}

TEST_CASE("apply_override refuses unknown keys and malformed assignments", "[scenario][override]") {
  const auto unknown = override_error("workers.pay_ration=0.9");
  CHECK(unknown.where.file == "--set");
  CHECK(unknown.key == "workers.pay_ration");
  CHECK(unknown.message == "unknown key; did you mean 'workers.pay_ratio'?");
  CHECK(override_error("workers.pay_ratio").message ==
        // The example is the schema's first key with its default.
        "expected key=value, e.g. workers.pay_ratio=0.8, got 'workers.pay_ratio'");
  CHECK(contains(override_error("=0.9").message, "no key before '='"));
  CHECK(override_error("trust=").message == "no value after '='; expected a number between 0 and 1");
  CHECK(override_error("qqqqqqqq=1").message == "unknown key");
}

TEST_CASE("apply_override refuses values that are not wholly of the key's type", "[scenario][override]") {
  CHECK(override_error("workers.pay_ratio=0.9abc").message ==
        "expected a number between 0 and 1 (share 0-1), got '0.9abc'");
  CHECK(override_error("workers.pay_ratio=nan").message ==
        "expected a number between 0 and 1 (share 0-1), got nan (not a number)");
  CHECK(contains(override_error("workers.pay_ratio=inf").message, "got inf (infinity)"));
  CHECK(
      contains(override_error("workers.pay_ratio=1e999").message, "got '1e999' (beyond what a real number"));
  CHECK(override_error("workers.pay_ratio=1.5").message ==
        "expected a number between 0 and 1 (share 0-1), got 1.5");
  CHECK(override_error("district.streets=1e3").message ==
        "expected a whole number between 1 and 500, got '1e3'");
  CHECK(override_error("district.streets=2.5").message ==
        "expected a whole number between 1 and 500, got '2.5'");
  CHECK(override_error("district.streets=99999999999999999999").message ==
        "expected a whole number between 1 and 500, got '99999999999999999999' (does not fit a 64-bit "
        "integer)");
  CHECK(contains(override_error("district.streets=-99999999999999999999").message, "does not fit"));
  CHECK(override_error("district.streets=0").message == "expected a whole number between 1 and 500, got 0");
  CHECK(override_error("district.has_market=yes").message == "expected true or false, got 'yes'");
  CHECK(override_error("district.has_market=1").message == "expected true or false, got '1'");
  CHECK(override_error("district.mode=hybird").message ==
        "expected one of 'market', 'state', 'hybrid', got 'hybird'; did you mean 'hybrid'?");
}
