#include "sim/build_info.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/json_writer.hpp"
#include "sim/output/run_outputs.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

using namespace shanzhi::sim;
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------
// Helpers: scratch directories and files

/// A fresh directory under the system temp dir, removed (read-only bits and all) at scope exit.
class ScratchDir {
 public:
  ScratchDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("shanzhi_test_outputs_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
    for (const auto& entry : fs::recursive_directory_iterator(path_, ignored))
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Files in `dir` that look like a temporary left behind by write_file_atomically.
int leftover_temporaries(const fs::path& dir) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().find(".tmp.") != std::string::npos) ++count;
  return count;
}

/// The message of the runtime_error that writing `path` throws, or "" when it succeeds.
std::string write_error(const fs::path& path, std::string_view content) {
  try {
    write_file_atomically(path, content);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Helpers: an RFC 4180 reader, to check the CSV writers from the outside

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') field += c;
      else if (i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
    } else {
      field += c;
    }
  }
  REQUIRE_FALSE(quoted);          // every quote was closed
  REQUIRE(record.empty());        // the text ended with a newline
  REQUIRE(field.empty());
  return records;
}

// ---------------------------------------------------------------------------------------------
// Helpers: a strict JSON validator (RFC 8259 grammar) and a decoder for one string literal

class JsonValidator {
 public:
  explicit JsonValidator(std::string_view text) : text_(text) {}

  /// True when the whole text is exactly one JSON value (surrounded by optional whitespace).
  bool valid() {
    pos_ = 0;
    skip_space();
    if (!parse_value()) return false;
    skip_space();
    return pos_ == text_.size();
  }

 private:
  bool parse_value() {
    if (pos_ >= text_.size()) return false;
    switch (text_[pos_]) {
      case '{': return parse_container('}', true);
      case '[': return parse_container(']', false);
      case '"': return parse_string();
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return parse_number();
    }
  }

  bool parse_container(char closing, bool is_object) {
    ++pos_;
    skip_space();
    if (peek() == closing) return ++pos_, true;
    while (true) {
      skip_space();
      if (is_object) {
        if (peek() != '"' || !parse_string()) return false;
        skip_space();
        if (peek() != ':') return false;
        ++pos_;
        skip_space();
      }
      if (!parse_value()) return false;
      skip_space();
      if (peek() == ',') { ++pos_; continue; }
      if (peek() == closing) return ++pos_, true;
      return false;
    }
  }

  bool parse_string() {
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[pos_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;  // raw control characters are not allowed in JSON strings
      if (c == '\\' && !parse_escape()) return false;
    }
    return false;
  }

  bool parse_escape() {
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_++];
    if (std::string_view("\"\\/bfnrt").find(c) != std::string_view::npos) return true;
    if (c != 'u') return false;
    for (int i = 0; i < 4; ++i, ++pos_)
      if (pos_ >= text_.size() || !std::isxdigit(static_cast<unsigned char>(text_[pos_]))) return false;
    return true;
  }

  bool parse_number() {
    const std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') ++pos_;
    else if (!digits()) return false;
    if (peek() == '.') { ++pos_; if (!digits()) return false; }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!digits()) return false;
    }
    return pos_ > start;
  }

  bool digits() {
    const std::size_t start = pos_;
    while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
    return pos_ > start;
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void skip_space() {
    while (pos_ < text_.size() && std::string_view(" \t\r\n").find(text_[pos_]) != std::string_view::npos) ++pos_;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

bool valid_json(std::string_view text) { return JsonValidator(text).valid(); }

/// Decodes one JSON string literal written by json_quote (which only emits \u00XX escapes).
std::string decode_json_string(std::string_view literal) {
  REQUIRE(literal.size() >= 2);
  REQUIRE(literal.front() == '"');
  REQUIRE(literal.back() == '"');
  std::string out;
  for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
    if (literal[i] != '\\') {
      out += literal[i];
      continue;
    }
    const char e = literal[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u':
        out += static_cast<char>(std::stoi(std::string(literal.substr(i + 1, 4)), nullptr, 16));
        i += 4;
        break;
      default: out += e;  // \" \\ \/
    }
  }
  return out;
}

bool python_available() { return std::system("python3 -c pass >/dev/null 2>&1") == 0; }

MetricInfo metric(std::string name, std::string unit, std::string description, Direction direction) {
  MetricInfo info;
  info.name = std::move(name);
  info.unit = std::move(unit);
  info.description = std::move(description);
  info.direction = direction;
  return info;
}

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

double read_back(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  CHECK(*end == '\0');  // the whole text was consumed
  return value;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// format_number

TEST_CASE("format_number writes short familiar forms", "[output][numbers]") {
  CHECK(format_number(0.0) == "0");
  CHECK(format_number(-0.0) == "0");
  CHECK(format_number(1.0) == "1");
  CHECK(format_number(-3.0) == "-3");
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(2.5) == "2.5");
  CHECK(format_number(100.0) == "100");
  CHECK(format_number(1.0 / 3.0) == "0.3333333333333333");
  CHECK(format_number(1e21) == "1e+21");
  CHECK(format_number(1e-7) == "1e-07");
}

TEST_CASE("format_number spells out NaN and infinities", "[output][numbers]") {
  CHECK(format_number(std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(format_number(-std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(format_number(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(format_number(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(std::isnan(read_back(format_number(std::nan("")))));
  CHECK(read_back(format_number(-std::numeric_limits<double>::infinity())) ==
        -std::numeric_limits<double>::infinity());
}

TEST_CASE("format_number round-trips extreme values exactly", "[output][numbers]") {
  using limits = std::numeric_limits<double>;
  const double values[] = {limits::min(),     limits::max(),  limits::lowest(), limits::epsilon(),
                           limits::denorm_min(), -limits::denorm_min(), 1e-320, 5e-324,
                           0.1 + 0.2,          1e22,           9007199254740993.0, 123456789.123456789,
                           -2.2250738585072014e-308};
  for (double value : values) {
    const std::string text = format_number(value);
    INFO(text);
    CHECK(same_bits(read_back(text), value));
  }
}

TEST_CASE("format_number round-trips random doubles bit for bit", "[output][numbers]") {
  std::mt19937_64 bits(20240611);
  std::uniform_real_distribution<double> everyday(-1000.0, 1000.0);
  int checked = 0;
  for (int i = 0; i < 20000; ++i) {
    // Half arbitrary bit patterns (every exponent, subnormals), half everyday magnitudes.
    const double value = i % 2 == 0 ? std::bit_cast<double>(bits()) : everyday(bits);
    if (!std::isfinite(value) || value == 0) continue;
    const std::string text = format_number(value);
    if (!same_bits(read_back(text), value)) FAIL("no exact round trip for " << text);
    ++checked;
  }
  CHECK(checked > 19000);
}

TEST_CASE("format_number is deterministic", "[output][numbers]") {
  CHECK(format_number(0.30000000000000004) == format_number(0.1 + 0.2));
  CHECK(format_number(0.30000000000000004) == "0.30000000000000004");
}

// ---------------------------------------------------------------------------------------------
// CSV

TEST_CASE("csv_field quotes only when it must", "[output][csv]") {
  CHECK(csv_field("plain text") == "plain text");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
  CHECK(csv_field("善治, 共治") == "\"善治, 共治\"");
  CHECK(csv_field("社区") == "社区");
}

TEST_CASE("append_csv_line joins fields and ends the line", "[output][csv]") {
  std::string out;
  append_csv_line(out, {"a", csv_field("b,c"), ""});
  append_csv_line(out, {"1"});
  CHECK(out == "a,\"b,c\",\n1\n");
  const auto records = parse_csv(out);
  REQUIRE(records.size() == 2);
  CHECK(records[0] == std::vector<std::string>{"a", "b,c", ""});
}

TEST_CASE("timeseries_csv has a header and one row per recorded week", "[output][csv]") {
  MetricRecorder recorder;
  const auto a = recorder.declare(metric("satisfaction_mean", "points 0-100", "mean", Direction::higher_is_better));
  const auto b = recorder.declare(metric("complaints", "count/week", "filed", Direction::lower_is_better));
  for (int week = 104; week < 109; ++week) {
    recorder.begin_row(week);
    recorder.set(a, week + 0.5);
    if (week != 106) recorder.set(b, week % 3);  // week 106 leaves b unset
  }

  const std::string csv = timeseries_csv(recorder);
  const auto records = parse_csv(csv);
  REQUIRE(records.size() == 6);
  CHECK(records[0] == std::vector<std::string>{"week", "satisfaction_mean", "complaints"});
  for (const auto& record : records) CHECK(record.size() == 3);
  CHECK(records[1] == std::vector<std::string>{"104", "104.5", "2"});
  CHECK(records[3] == std::vector<std::string>{"106", "106.5", "nan"});
  CHECK(records[5][0] == "108");
  CHECK(csv == timeseries_csv(recorder));  // same recorder, same bytes
}

TEST_CASE("timeseries_csv of an empty recorder is just the header", "[output][csv]") {
  MetricRecorder recorder;
  CHECK(timeseries_csv(recorder) == "week\n");
  recorder.declare(metric("x", "", "", Direction::neutral));
  CHECK(timeseries_csv(recorder) == "week,x\n");
}

TEST_CASE("outcomes_csv summarises each metric over the last year", "[output][csv]") {
  MetricRecorder recorder;
  const auto trust = recorder.declare(metric("trust_in_committee", "share 0-1",
                                             "Share of residents who say \"the committee listens\", by survey",
                                             Direction::higher_is_better));
  const auto hours = recorder.declare(metric("volunteer_hours", "hours/week",
                                             "Unpaid hours given to the community\nper week", Direction::neutral));
  for (int row = 0; row < 60; ++row) {
    recorder.begin_row(row);
    recorder.set(trust, row);
    recorder.set(hours, 2.0);
  }

  const auto records = parse_csv(outcomes_csv(recorder));
  REQUIRE(records.size() == 3);
  CHECK(records[0] ==
        std::vector<std::string>{"metric", "final", "mean_last_year", "unit", "direction", "description"});
  for (const auto& record : records) CHECK(record.size() == 6);

  // The last 52 of 0..59 are 8..59, whose mean is 33.5.
  CHECK(records[1] == std::vector<std::string>{"trust_in_committee", "59", "33.5", "share 0-1", "higher",
                                               "Share of residents who say \"the committee listens\", by survey"});
  CHECK(records[2] == std::vector<std::string>{"volunteer_hours", "2", "2", "hours/week", "neutral",
                                               "Unpaid hours given to the community\nper week"});
}

TEST_CASE("outcomes_csv quotes text fields in the raw file", "[output][csv]") {
  MetricRecorder recorder;
  recorder.declare(metric("m", "CNY, per household", "a \"quoted\" word", Direction::lower_is_better));
  recorder.begin_row(0);
  const std::string csv = outcomes_csv(recorder);
  CHECK(csv.find(",\"CNY, per household\",lower,\"a \"\"quoted\"\" word\"\n") != std::string::npos);
  CHECK(csv.find("m,nan,nan,") != std::string::npos);  // the only row was never set
}

TEST_CASE("outcomes_csv with metrics but no rows writes nan", "[output][csv]") {
  MetricRecorder recorder;
  recorder.declare(metric("m", "", "", Direction::neutral));
  const auto records = parse_csv(outcomes_csv(recorder));
  REQUIRE(records.size() == 2);
  CHECK(records[1][1] == "nan");
  CHECK(records[1][2] == "nan");
}

// ---------------------------------------------------------------------------------------------
// JSON writer

TEST_CASE("the test's JSON validator accepts JSON and rejects near misses", "[output][json]") {
  CHECK(valid_json(R"({"a": [1, -2.5e+3, true, null, "x\n\u00e9"], "b": {}})"));
  CHECK(valid_json("[]"));
  CHECK_FALSE(valid_json(R"({"a": 1,})"));
  CHECK_FALSE(valid_json(R"({"a" 1})"));
  CHECK_FALSE(valid_json("[1] [2]"));
  CHECK_FALSE(valid_json("{\"a\": \"raw\nnewline\"}"));
  CHECK_FALSE(valid_json(R"(["bad \q escape"])"));
  CHECK_FALSE(valid_json("[nan]"));
  CHECK_FALSE(valid_json("{\"a\": [1}"));
}

TEST_CASE("json_quote escapes quotes — backslashes and control characters", "[output][json]") {
  CHECK(json_quote("plain") == "\"plain\"");
  CHECK(json_quote("") == "\"\"");
  CHECK(json_quote("say \"hi\"") == R"("say \"hi\"")");
  CHECK(json_quote(R"(C:\path\file)") == R"("C:\\path\\file")");
  CHECK(json_quote("a\nb\tc\rd") == R"("a\nb\tc\rd")");
  CHECK(json_quote(std::string_view("\x01\x1f\b\f", 4)) == R"("\u0001\u001f\u0008\u000c")");
  CHECK(json_quote(std::string_view("nul\0byte", 8)) == R"("nul\u0000byte")");
  CHECK(json_quote("/") == "\"/\"");
}

TEST_CASE("json_quote keeps UTF-8 text such as Chinese unchanged", "[output][json]") {
  const std::string chinese = "善治：社区治理 «test» é";
  CHECK(json_quote(chinese) == "\"" + chinese + "\"");
}

TEST_CASE("json_quote round-trips every byte through a JSON decoder", "[output][json]") {
  std::string all_ascii;
  for (int c = 0; c < 128; ++c) all_ascii += static_cast<char>(c);
  const std::string quoted = json_quote(all_ascii);
  CHECK(valid_json(quoted));
  CHECK(decode_json_string(quoted) == all_ascii);

  const std::string mixed = "第一行\n\"第二行\"\t\\ 结束\x7f";
  CHECK(decode_json_string(json_quote(mixed)) == mixed);
}

TEST_CASE("JsonWriter pretty-prints nested containers", "[output][json]") {
  JsonWriter json;
  json.begin_object();
  json.key("name").value("善治");
  json.key("weeks").value(520);
  json.key("big").value(std::uint64_t{18446744073709551615u});
  json.key("ratio").value(0.25);
  json.key("on").value(true);
  json.key("off").value(false);
  json.key("missing").null_value();
  json.key("list").begin_array().value(1).value("two").begin_object().end_object().end_array();
  json.key("empty").begin_array().end_array();
  json.end_object();

  CHECK(json.complete());
  CHECK(json.str() ==
        "{\n"
        "  \"name\": \"善治\",\n"
        "  \"weeks\": 520,\n"
        "  \"big\": 18446744073709551615,\n"
        "  \"ratio\": 0.25,\n"
        "  \"on\": true,\n"
        "  \"off\": false,\n"
        "  \"missing\": null,\n"
        "  \"list\": [\n"
        "    1,\n"
        "    \"two\",\n"
        "    {}\n"
        "  ],\n"
        "  \"empty\": []\n"
        "}");
  CHECK(valid_json(json.str()));
}

TEST_CASE("JsonWriter writes reals as reals and non-finite numbers as null", "[output][json]") {
  JsonWriter json;
  json.begin_array()
      .value(std::numeric_limits<double>::quiet_NaN())
      .value(std::numeric_limits<double>::infinity())
      .value(-0.0)
      .value(1e300)
      .value(2.0)
      .value(0.1)
      .end_array();
  CHECK(json.str() == "[\n  null,\n  null,\n  0.0,\n  1e+300,\n  2.0,\n  0.1\n]");
  CHECK(valid_json(json.str()));
}

TEST_CASE("JsonWriter refuses calls that would make invalid JSON", "[output][json]") {
  SECTION("key outside an object") {
    JsonWriter json;
    CHECK_THROWS_AS(json.key("a"), std::logic_error);
    json.begin_array();
    CHECK_THROWS_AS(json.key("a"), std::logic_error);
  }
  SECTION("object member without a key") {
    JsonWriter json;
    json.begin_object();
    CHECK_THROWS_AS(json.value(1), std::logic_error);
    CHECK_THROWS_AS(json.begin_array(), std::logic_error);
  }
  SECTION("two keys in a row, or a dangling key") {
    JsonWriter json;
    json.begin_object().key("a");
    CHECK_THROWS_AS(json.key("b"), std::logic_error);
    CHECK_THROWS_AS(json.end_object(), std::logic_error);
  }
  SECTION("mismatched or extra ends") {
    JsonWriter json;
    json.begin_object();
    CHECK_THROWS_AS(json.end_array(), std::logic_error);
    json.end_object();
    CHECK_THROWS_AS(json.end_object(), std::logic_error);
  }
  SECTION("a second top-level value") {
    JsonWriter json;
    json.value("first");
    CHECK(json.complete());
    CHECK_THROWS_AS(json.value("second"), std::logic_error);
  }
  SECTION("an unfinished document is not complete") {
    JsonWriter json;
    CHECK_FALSE(json.complete());
    json.begin_object();
    CHECK_FALSE(json.complete());
  }
}

// ---------------------------------------------------------------------------------------------
// Manifest

namespace {

RunManifest example_manifest() {
  RunManifest m;
  m.scenario_name = "老旧小区改造 \"pilot\"";
  m.scenario_path = "scenarios/pilot.toml";
  m.scenario_files = {
      {"scenarios/pilot.toml", "extends = \"base.toml\"\n[scenario]\nname = \"老旧小区改造 \\\"pilot\\\"\"\n\tkey = 1\r\n"},
      {"scenarios/base.toml", "# base\nworkers.pay_ratio = 0.9\n"},
  };
  m.parameters = {
      {"workers.pay_ratio", ParamValue(0.9), SourceLocation{"scenarios/base.toml", 2, 1}},
      {"households.count", ParamValue(std::int64_t{1200}), SourceLocation{"default", 0, 0}},
      {"council.enabled", ParamValue(true), SourceLocation{"--set", 0, 0}},
      {"council.mode", ParamValue(std::string("rotating")), SourceLocation{"scenarios/pilot.toml", 5, 3}},
      {"workers.hours", ParamValue(40.0), SourceLocation{"default", 0, 0}},
  };
  m.overrides = {"council.enabled=true", "note=\"quoted\""};
  m.seed = std::numeric_limits<std::uint64_t>::max();
  m.weeks = 520;
  m.burn_in_weeks = 104;
  m.threads = 4;
  m.wall_seconds = 12.5;
  m.started_at = "2024-06-11T08:30:00Z";
  m.command_line = "shanzhi run scenarios/pilot.toml --set council.enabled=true";
  return m;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("manifest_json is one valid JSON object ending in a newline", "[output][manifest]") {
  const std::string json = manifest_json(example_manifest());
  CHECK(valid_json(json));
  REQUIRE(!json.empty());
  CHECK(json.front() == '{');
  CHECK(json.back() == '\n');
  CHECK(json == manifest_json(example_manifest()));  // deterministic
}

TEST_CASE("manifest_json records the build — the run and the seed as a string", "[output][manifest]") {
  const std::string json = manifest_json(example_manifest());
  CHECK(contains(json, "\"shanzhi_version\": " + json_quote(shanzhi_version())));
  CHECK(contains(json, "\"git_commit\": " + json_quote(shanzhi_git_commit())));
  CHECK(contains(json, "\"scenario_name\": \"老旧小区改造 \\\"pilot\\\"\""));
  CHECK(contains(json, "\"scenario_path\": \"scenarios/pilot.toml\""));
  CHECK(contains(json, "\"started_at\": \"2024-06-11T08:30:00Z\""));
  CHECK(contains(json, "\"command_line\": \"shanzhi run scenarios/pilot.toml --set council.enabled=true\""));
  CHECK(contains(json, "\"seed\": \"18446744073709551615\""));
  CHECK(contains(json, "\"weeks\": 520"));
  CHECK(contains(json, "\"burn_in_weeks\": 104"));
  CHECK(contains(json, "\"threads\": 4"));
  CHECK(contains(json, "\"wall_seconds\": 12.5"));
  CHECK(contains(json, "\"council.enabled=true\""));
  CHECK(contains(json, "\"note=\\\"quoted\\\"\""));
}

TEST_CASE("manifest_json writes each parameter with a typed value and its source", "[output][manifest]") {
  const RunManifest manifest = example_manifest();
  const std::string json = manifest_json(manifest);
  const auto expect_parameter = [&](const std::string& key, const std::string& value, std::size_t index) {
    const std::string block = json_quote(key) + ": {\n      \"value\": " + value +
                              ",\n      \"source\": " + json_quote(manifest.parameters[index].source.describe());
    INFO(block);
    CHECK(contains(json, block));
  };
  expect_parameter("workers.pay_ratio", "0.9", 0);
  expect_parameter("households.count", "1200", 1);
  expect_parameter("council.enabled", "true", 2);
  expect_parameter("council.mode", "\"rotating\"", 3);
  expect_parameter("workers.hours", "40.0", 4);  // a whole real stays recognisably real
}

TEST_CASE("manifest_json keeps every scenario file's text — escaped", "[output][manifest]") {
  const RunManifest manifest = example_manifest();
  const std::string json = manifest_json(manifest);
  for (const auto& [path, text] : manifest.scenario_files) {
    CHECK(contains(json, "\"path\": " + json_quote(path)));
    CHECK(contains(json, "\"text\": " + json_quote(text)));
  }
  CHECK(json.find("scenarios/pilot.toml\",\n      \"text\"") < json.find("scenarios/base.toml\",\n      \"text\""));
  CHECK(contains(json, "\\tkey = 1\\r\\n"));
}

TEST_CASE("manifest_json of an empty manifest is still valid", "[output][manifest]") {
  const std::string json = manifest_json(RunManifest{});
  CHECK(valid_json(json));
  CHECK(contains(json, "\"overrides\": []"));
  CHECK(contains(json, "\"parameters\": {}"));
  CHECK(contains(json, "\"scenario_files\": []"));
  CHECK(contains(json, "\"seed\": \"0\""));
}

TEST_CASE("manifest_json parses with Python's json module when python3 is present", "[output][manifest]") {
  if (!python_available()) {
    WARN("python3 not found; relying on the built-in validator only");
    CHECK(valid_json(manifest_json(example_manifest())));
    return;
  }
  ScratchDir dir;
  const RunManifest manifest = example_manifest();
  write_file_atomically(dir.path() / "manifest.json", manifest_json(manifest));
  write_file_atomically(dir.path() / "expected.txt", manifest.scenario_files[0].second);
  const std::string script =
      "import json,sys; m=json.load(open(sys.argv[1],encoding='utf-8')); "
      "t=open(sys.argv[2],encoding='utf-8',newline='').read(); "
      "ok = m['seed']=='18446744073709551615' and m['scenario_files'][0]['text']==t "
      "and m['parameters']['workers.pay_ratio']['value']==0.9 "
      "and m['parameters']['council.enabled']['value'] is True "
      "and isinstance(m['parameters']['workers.hours']['value'], float) "
      "and isinstance(m['parameters']['households.count']['value'], int) "
      "and m['scenario_name']=='老旧小区改造 \"pilot\"'; sys.exit(0 if ok else 1)";
  const std::string command = "python3 -c \"" + [&] {
    std::string escaped;  // the script inside a double-quoted shell word
    for (char c : script) {
      if (c == '"' || c == '\\' || c == '$' || c == '`') escaped += '\\';
      escaped += c;
    }
    return escaped;
  }() + "\" '" + (dir.path() / "manifest.json").string() + "' '" + (dir.path() / "expected.txt").string() + "'";
  CHECK(std::system(command.c_str()) == 0);
}

// ---------------------------------------------------------------------------------------------
// Atomic writes

TEST_CASE("write_file_atomically writes the content and leaves no temporary", "[output][files]") {
  ScratchDir dir;
  const fs::path target = dir.path() / "timeseries.csv";
  write_file_atomically(target, "week,a\n0,1\n");
  CHECK(read_text(target) == "week,a\n0,1\n");
  CHECK(leftover_temporaries(dir.path()) == 0);

  const std::string binary("with\0nul\xff bytes", 15);
  write_file_atomically(dir.path() / "binary.dat", binary);
  CHECK(read_text(dir.path() / "binary.dat") == binary);

  write_file_atomically(dir.path() / "empty.txt", "");
  CHECK(fs::exists(dir.path() / "empty.txt"));
  CHECK(fs::file_size(dir.path() / "empty.txt") == 0);
}

TEST_CASE("write_file_atomically never writes through a link planted at a temporary name", "[output][files]") {
  ScratchDir dir;
  const fs::path victim = dir.path() / "victim.txt";
  std::ofstream(victim) << "precious";
  const fs::path target = dir.path() / "timeseries.csv";
  // The names older versions used (NAME.tmp.PID) and the template itself, all links to the victim.
  for (const std::string& suffix : {".tmp." + std::to_string(::getpid()), std::string(".tmp.XXXXXX")})
    fs::create_symlink(victim, target.string() + suffix);
  write_file_atomically(target, "week,a\n0,1\n");
  CHECK(read_text(victim) == "precious");
  CHECK(read_text(target) == "week,a\n0,1\n");
  CHECK(fs::is_regular_file(fs::symlink_status(target)));
  CHECK((fs::status(target).permissions() & fs::perms::others_read) != fs::perms::none);  // 0644, not mkstemp's 0600
}

TEST_CASE("write_file_atomically replaces an existing file completely", "[output][files]") {
  ScratchDir dir;
  const fs::path target = dir.path() / "outcomes.csv";
  write_file_atomically(target, std::string(100000, 'x'));
  CHECK(fs::file_size(target) == 100000);
  write_file_atomically(target, "short\n");
  CHECK(read_text(target) == "short\n");
  CHECK(leftover_temporaries(dir.path()) == 0);
}

TEST_CASE("write_file_atomically into a missing directory names the path", "[output][files]") {
  ScratchDir dir;
  const fs::path target = dir.path() / "no_such_dir" / "out.csv";
  CHECK_THROWS_AS(write_file_atomically(target, "x"), std::runtime_error);
  const std::string message = write_error(target, "x");
  CHECK(contains(message, "cannot write " + target.string() + ": "));
  CHECK(message.size() > ("cannot write " + target.string() + ": ").size());  // a reason follows
  CHECK_FALSE(fs::exists(dir.path() / "no_such_dir"));  // creates no directories
  CHECK(leftover_temporaries(dir.path()) == 0);
}

TEST_CASE("write_file_atomically below a regular file fails cleanly", "[output][files]") {
  // Unlike permission bits, this fails for root too.
  ScratchDir dir;
  const fs::path blocker = dir.path() / "plain_file";
  write_file_atomically(blocker, "I am a file");
  const fs::path target = blocker / "out.csv";
  const std::string message = write_error(target, "x");
  CHECK(contains(message, "cannot write " + target.string()));
  CHECK(read_text(blocker) == "I am a file");
  CHECK(leftover_temporaries(dir.path()) == 0);
}

TEST_CASE("write_file_atomically over a directory removes its temporary", "[output][files]") {
  // Here the temporary is written successfully and only the rename fails.
  ScratchDir dir;
  const fs::path target = dir.path() / "occupied";
  fs::create_directory(target);
  const std::string message = write_error(target, "content");
  CHECK(contains(message, "cannot write " + target.string()));
  CHECK(fs::is_directory(target));
  CHECK(leftover_temporaries(dir.path()) == 0);
}

TEST_CASE("write_file_atomically into a read-only directory", "[output][files]") {
  ScratchDir dir;
  const fs::path locked = dir.path() / "locked";
  fs::create_directory(locked);
  ::chmod(locked.c_str(), 0555);
  const fs::path target = locked / "out.csv";
  const std::string message = write_error(target, "x");
  if (::geteuid() == 0) {
    // Root ignores permission bits, so the write succeeds; it must still be clean.
    CHECK(message.empty());
    CHECK(read_text(target) == "x");
  } else {
    CHECK(contains(message, "cannot write " + target.string()));
    CHECK_FALSE(fs::exists(target));
  }
  CHECK(leftover_temporaries(locked) == 0);
}
