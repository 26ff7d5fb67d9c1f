// Factors of experiments and parameter files: every kind of mistake in a [[factor]] table is
// reported with line and column, and value_at maps unit coordinates to the factor's values.

#include "sim/experiments/factors.hpp"

#include <catch2/catch.hpp>
#include <toml++/toml.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace shanzhi::sim;
using namespace shanzhi::sim::experiments;

namespace {

ParamInfo numeric(std::string key, ParamType type, double min, double max, std::string unit = "") {
  ParamInfo info;
  info.key = std::move(key);
  info.type = type;
  info.min = min;
  info.max = max;
  info.unit = std::move(unit);
  return info;
}

ParamInfo named(std::string key, ParamType type, std::vector<std::string> choices = {}) {
  ParamInfo info;
  info.key = std::move(key);
  info.type = type;
  info.choices = std::move(choices);
  return info;
}

const std::vector<ParamInfo>& test_schema() {
  static const std::vector<ParamInfo> schema{
      numeric("workers.pay_ratio", ParamType::real, 0, 1, "share 0-1"),
      numeric("workers.hours", ParamType::integer, 0, 80, "hours/week"),
      named("district.has_market", ParamType::boolean),
      named("district.mode", ParamType::choice, {"market", "state", "hybrid"}),
  };
  return schema;
}

struct ReadResult {
  std::vector<Factor> factors;
  std::vector<Diagnostic> diagnostics;
};

ReadResult read(const std::string& text, const std::vector<ParamInfo>& schema = test_schema()) {
  ReadResult result;
  const toml::table document = toml::parse(text, std::string_view{"f.toml"});
  result.factors = read_factors(document, "f.toml", schema, result.diagnostics);
  return result;
}

std::string all_messages(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += d.format() + "\n";
  return out;
}

/// A file with one mistake: the first diagnostic must be at `line`:`column` and say `says`.
struct BadCase {
  std::string name;
  std::string text;
  int line, column;
  std::string says;
  bool with_schema = true;
};

const std::vector<BadCase>& bad_cases() {
  static const std::vector<BadCase> cases{
      {"missing key", "[[factor]]\nmin = 0\nmax = 1\n", 1, 1, "has no 'key'"},
      {"key not text", "[[factor]]\nkey = 3\nmin = 0\nmax = 1\n", 2, 7, "expected the parameter's name in quotes"},
      {"unknown key", "[[factor]]\nkey = \"workers.pay_rato\"\nmin = 0\nmax = 1\n", 2, 7,
       "unknown key; did you mean 'workers.pay_ratio'?"},
      {"range and values", "[[factor]]\nkey = \"workers.pay_ratio\"\nmin = 0\nmax = 1\nvalues = [0.2, 0.4]\n", 5, 10,
       "either a range (min and max) or a list of values, not both"},
      {"neither range nor values", "[[factor]]\nkey = \"workers.pay_ratio\"\n", 1, 1, "needs a range"},
      {"min equals max", "[[factor]]\nkey = \"workers.pay_ratio\"\nmin = 0.5\nmax = 0.5\n", 4, 7,
       "max (0.5) must be greater than min (0.5)"},
      {"min above max", "[[factor]]\nkey = \"workers.pay_ratio\"\nmin = 0.8\nmax = 0.2\n", 4, 7, "must be greater than min"},
      {"nan bound", "[[factor]]\nkey = \"workers.pay_ratio\"\nmin = nan\nmax = 1\n", 3, 7, "finite number as 'min'"},
      {"infinite bound", "[[factor]]\nkey = \"x\"\nmin = 0\nmax = inf\n", 4, 7, "finite number as 'max'", false},
      {"bound not a number", "[[factor]]\nkey = \"x\"\nmin = \"low\"\nmax = 1\n", 3, 7, "expected a number as 'min'", false},
      {"range outside allowed", "[[factor]]\nkey = \"workers.pay_ratio\"\nmin = 0\nmax = 2\n", 4, 7,
       "outside the key's allowed range 0\u20131 (share 0-1)"},
      {"only min", "[[factor]]\nkey = \"workers.pay_ratio\"\nmin = 0.1\n", 3, 7, "has 'min' but no 'max'"},
      {"only max", "[[factor]]\nkey = \"workers.pay_ratio\"\nmax = 0.1\n", 3, 7, "has 'max' but no 'min'"},
      {"integer key with fractional bound", "[[factor]]\nkey = \"workers.hours\"\nmin = 20.5\nmax = 40\n", 3, 7,
       "must be whole"},
      {"list value failing the key's check", "[[factor]]\nkey = \"workers.pay_ratio\"\nvalues = [0.5, 1.5]\n", 3, 16,
       "expected a number between 0 and 1"},
      {"list value of the wrong type", "[[factor]]\nkey = \"district.mode\"\nvalues = [\"market\", \"stat\"]\n", 3, 21,
       "did you mean 'state'?"},
      {"list with one value", "[[factor]]\nkey = \"workers.pay_ratio\"\nvalues = [0.5]\n", 3, 10, "at least two values"},
      {"list value twice", "[[factor]]\nkey = \"workers.hours\"\nvalues = [10, 20, 10]\n", 3, 19, "listed twice"},
      {"values not a list", "[[factor]]\nkey = \"workers.hours\"\nvalues = 10\n", 3, 10, "expected a list of values"},
      {"mixed kinds without a schema", "[[factor]]\nkey = \"x\"\nvalues = [1, \"two\"]\n", 3, 14, "of one kind",
       false},
      {"nan in a list without a schema", "[[factor]]\nkey = \"x\"\nvalues = [1, nan]\n", 3, 14, "finite number", false},
      {"range for a choice key", "[[factor]]\nkey = \"district.mode\"\nmin = 0\nmax = 2\n", 3, 7,
       "takes a list of values, not a range; e.g. values = [\"market\", \"hybrid\"]"},
      {"range for a boolean key", "[[factor]]\nkey = \"district.has_market\"\nmin = 0\nmax = 1\n", 3, 7,
       "e.g. values = [false, true]"},
      {"duplicate key", "[[factor]]\nkey = \"workers.hours\"\nmin = 1\nmax = 9\n\n[[factor]]\nkey = \"workers.hours\"\nmin = 2\nmax = 5\n",
       7, 7, "is already a factor (at line 2)"},
      {"unknown field", "[[factor]]\nkey = \"workers.hours\"\nmni = 1\nmax = 9\n", 3, 1,
       "unknown field 'mni' in [[factor]] (fields: key, min, max, values, role, distribution, mode, mean, sd); did you mean 'min'?"},
      {"bad role", "[[factor]]\nkey = \"workers.hours\"\nmin = 1\nmax = 9\nrole = \"levr\"\n", 5, 8,
       "expected role \"lever\" or \"uncertainty\", got \"levr\"; did you mean 'lever'?"},
      {"factor not an array of tables", "factor = 3\n", 1, 10, "expected [[factor]] tables"},
      {"no factor tables", "title = \"x\"\n", 0, 0, "no [[factor]] tables"},
      {"unknown distribution", "[[factor]]\nkey = \"workers.hours\"\nmin = 1\nmax = 9\ndistribution = \"normall\"\n", 5, 16,
       "distribution must be uniform, triangular or normal, got \"normall\"; did you mean 'normal'?"},
      {"triangular without mode", "[[factor]]\nkey = \"workers.hours\"\nmin = 1\nmax = 9\ndistribution = \"triangular\"\n", 5,
       16, "a triangular distribution needs 'mode'"},
      {"mode outside the range",
       "[[factor]]\nkey = \"workers.hours\"\nmin = 1\nmax = 9\ndistribution = \"triangular\"\nmode = 20\n", 6, 8,
       "expected 'mode' to be a number between min and max (1 and 9), got 20"},
      {"normal with a zero sd",
       "[[factor]]\nkey = \"workers.hours\"\nmin = 1\nmax = 9\ndistribution = \"normal\"\nmean = 5\nsd = 0\n", 7, 6,
       "expected a positive number as 'sd', got 0"},
      {"mode without its distribution", "[[factor]]\nkey = \"workers.hours\"\nmin = 1\nmax = 9\nmode = 3\n", 5, 8,
       "'mode' belongs to a triangular distribution; add distribution = \"triangular\""},
  };
  return cases;
}

fs::path fresh_directory() {
  static int counter = 0;
  const auto dir = fs::temp_directory_path() /
                   ("shanzhi_test_factors_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write_bytes(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
}

/// The diagnostics load_factor_file throws for `file` (empty if it loads).
std::vector<Diagnostic> load_problems(const fs::path& file) {
  try {
    load_factor_file(file.string());
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("Factor tables with a range and a list are read with role integer flag and position", "[experiments][factors]") {
  const auto result = read(
      "# factors\n"
      "[[factor]]\n"
      "key = \"workers.hours\"\n"
      "min = 20\n"
      "max = 40\n"
      "role = \"lever\"\n"
      "\n"
      "[[factor]]\n"
      "key = \"district.mode\"\n"
      "values = [\"market\", \"state\"]\n"
      "\n"
      "[[factor]]\n"
      "key = \"workers.pay_ratio\"\n"
      "values = [0, 0.5, 1]\n");
  INFO(all_messages(result.diagnostics));
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.factors.size() == 3);

  const auto& hours = result.factors[0];
  CHECK(hours.key == "workers.hours");
  CHECK(hours.role == FactorRole::lever);
  CHECK(hours.integer);
  CHECK_FALSE(hours.is_list());
  CHECK(hours.min == 20);
  CHECK(hours.max == 40);
  CHECK(hours.where.describe() == "f.toml:2:1");

  const auto& mode = result.factors[1];
  CHECK(mode.role == FactorRole::uncertainty);
  CHECK(mode.level_count() == 2);
  CHECK(mode.values[1] == ParamValue{std::string("state")});

  // A whole number listed for a real key becomes a real, as in a scenario file.
  const auto& ratio = result.factors[2];
  CHECK_FALSE(ratio.integer);
  REQUIRE(ratio.values.size() == 3);
  CHECK(std::holds_alternative<double>(ratio.values[0]));
}

TEST_CASE("Each kind of factor-table mistake is reported at its line and column", "[experiments][factors]") {
  for (const auto& bad : bad_cases()) {
    const auto result = bad.with_schema ? read(bad.text) : read(bad.text, {});
    INFO("case: " << bad.name << "\n" << all_messages(result.diagnostics));
    REQUIRE_FALSE(result.diagnostics.empty());
    const auto& first = result.diagnostics.front();
    CHECK(first.severity == Diagnostic::Severity::error);
    CHECK(first.where.file == "f.toml");
    CHECK(first.where.line == bad.line);
    CHECK(first.where.column == bad.column);
    CHECK_THAT(first.message, Catch::Contains(bad.says));
  }
}

TEST_CASE("A bad factor is left out while the good ones and every problem are kept", "[experiments][factors]") {
  const auto result = read(
      "[[factor]]\nkey = \"workers.pay_ratio\"\nmin = 0.1\nmax = 0.9\n\n"
      "[[factor]]\nkey = \"workers.hourz\"\nmin = 1\nmax = 9\nrole = \"boss\"\n");
  CHECK(result.factors.size() == 1);
  REQUIRE(result.diagnostics.size() == 2);  // the unknown key and the bad role, both reported
  CHECK(result.diagnostics[0].format() == "f.toml:7:7: error: key 'workers.hourz': unknown key; did you mean 'workers.hours'?");
  CHECK(result.diagnostics[1].where.line == 10);
}

TEST_CASE("Without a schema any key name is accepted and ranges are real", "[experiments][factors]") {
  const auto result = read("[[factor]]\nkey = \"my model's x\"\nmin = 1\nmax = 10\n", {});
  INFO(all_messages(result.diagnostics));
  REQUIRE(result.factors.size() == 1);
  CHECK_FALSE(result.factors[0].integer);
  CHECK(std::get<double>(result.factors[0].value_at(0.5)) == 5.5);
}

TEST_CASE("value_at maps a range linearly and hits both ends exactly", "[experiments][factors]") {
  Factor f;
  f.min = -3.141592653589793;
  f.max = 3.141592653589793;
  CHECK(std::get<double>(f.value_at(0)) == f.min);
  CHECK(std::get<double>(f.value_at(1)) == f.max);
  CHECK(std::get<double>(f.value_at(0.5)) == Approx(0).margin(1e-15));
  CHECK(std::get<double>(f.value_at(0.25)) == Approx(-3.141592653589793 / 2));
  // Coordinates outside [0, 1] (never produced by a design) are clamped, not extrapolated.
  CHECK(std::get<double>(f.value_at(-0.5)) == f.min);
  CHECK(std::get<double>(f.value_at(7)) == f.max);
  CHECK(std::get<double>(f.value_at(std::nan(""))) == f.min);
}

TEST_CASE("value_at rounds integer factors to the nearest whole number", "[experiments][factors]") {
  Factor f;
  f.min = 1;
  f.max = 4;
  f.integer = true;
  CHECK(std::get<std::int64_t>(f.value_at(0)) == 1);
  CHECK(std::get<std::int64_t>(f.value_at(0.1)) == 1);   // 1.3
  CHECK(std::get<std::int64_t>(f.value_at(0.2)) == 2);   // 1.6
  CHECK(std::get<std::int64_t>(f.value_at(0.5)) == 3);   // 2.5 rounds away from zero
  CHECK(std::get<std::int64_t>(f.value_at(0.99)) == 4);  // 3.97
  CHECK(std::get<std::int64_t>(f.value_at(1)) == 4);
}

TEST_CASE("value_at takes list values in equal bins and u = 1 gives the last value", "[experiments][factors]") {
  Factor f;
  f.values = {ParamValue{std::string("fifo")}, ParamValue{std::string("priority")}, ParamValue{std::string("lottery")}};
  const auto name_at = [&](double u) { return std::get<std::string>(f.value_at(u)); };
  CHECK(name_at(0) == "fifo");
  CHECK(name_at(0.3333) == "fifo");
  CHECK(name_at(1.0 / 3) == "priority");  // a bin's lower edge belongs to it
  CHECK(name_at(0.5) == "priority");
  CHECK(name_at(0.6667) == "lottery");
  CHECK(name_at(0.9999999) == "lottery");
  CHECK(name_at(1) == "lottery");
}

TEST_CASE("load_factor_file reads the Ishigami demo parameter file", "[experiments][factors]") {
  const auto path = std::string(SHANZHI_SOURCE_DIR) + "/scenarios/experiments/ishigami_params.toml";
  const auto factors = load_factor_file(path);
  REQUIRE(factors.size() == 3);
  for (const auto& f : factors) {
    CHECK(f.min == Approx(-std::numbers::pi));
    CHECK(f.max == Approx(std::numbers::pi));
  }
  CHECK(factors[2].key == "x3");
}

TEST_CASE("load_factor_file refuses missing empty binary and malformed files with positions", "[experiments][factors]") {
  const auto dir = fresh_directory();

  auto problems = load_problems(dir / "absent.toml");
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].format(), Catch::Contains("absent.toml: error: cannot read parameter file: no such file"));

  write_bytes(dir / "empty.toml", "  \n");
  problems = load_problems(dir / "empty.toml");
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].message, Catch::Contains("a parameter file needs at least one [[factor]] table"));

  write_bytes(dir / "binary.toml", std::string("[[factor]]\nkey = \"a\0b\"\n", 23));
  problems = load_problems(dir / "binary.toml");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where.line == 2);
  CHECK_THAT(problems[0].message, Catch::Contains("NUL byte"));

  write_bytes(dir / "broken.toml", "[[factor]]\nkey = \"x\"\nmin = 0\nmax = \n");
  problems = load_problems(dir / "broken.toml");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where.line == 4);
  CHECK_THAT(problems[0].message, Catch::StartsWith("invalid TOML"));

  write_bytes(dir / "extra.toml", "[[factors]]\nkey = \"x\"\nmin = 0\nmax = 1\n");
  problems = load_problems(dir / "extra.toml");
  REQUIRE(problems.size() == 2);  // the misspelt table, and then no [[factor]] at all
  CHECK(problems[1].format() ==
        (dir / "extra.toml").string() +
            ":1:3: error: key 'factors': unknown key: a parameter file holds only [[factor]] tables; did you mean 'factor'?");
  CHECK(problems[0].where.line == 0);
  fs::remove_all(dir);
}

TEST_CASE("Distributions over a range map unit coordinates by their inverse CDF", "[experiments][factors]") {
  using shanzhi::sim::experiments::Distribution;
  shanzhi::sim::experiments::Factor f;
  f.min = 0;
  f.max = 10;
  // Uniform: linear, and unit_of inverts it.
  CHECK(std::get<double>(f.value_at(0.25)) == Approx(2.5));
  // Triangular with its mode at 2: the median lies below the midpoint, the ends are exact.
  f.distribution = Distribution::triangular;
  f.mode = 2;
  CHECK(std::get<double>(f.value_at(0.0)) == Approx(0));
  CHECK(std::get<double>(f.value_at(1.0)) == Approx(10));
  CHECK(std::get<double>(f.value_at(0.2)) == Approx(2));  // P(X ≤ mode) = (mode − min)/(max − min)
  CHECK(std::get<double>(f.value_at(0.5)) < 5);
  // Normal truncated to [0, 10], centred: the median is the mean, quartiles symmetric, inside.
  f.distribution = Distribution::normal;
  f.mean = 5;
  f.sd = 1;
  CHECK(std::get<double>(f.value_at(0.5)) == Approx(5).margin(1e-9));
  CHECK(5 - std::get<double>(f.value_at(0.25)) == Approx(std::get<double>(f.value_at(0.75)) - 5).margin(1e-9));
  CHECK(std::get<double>(f.value_at(0.25)) == Approx(5 - 0.6745).margin(1e-3));
  CHECK(std::get<double>(f.value_at(1.0)) <= 10);
  for (auto d : {Distribution::uniform, Distribution::triangular, Distribution::normal}) {
    f.distribution = d;
    for (double u : {0.05, 0.3, 0.5, 0.9}) {
      INFO("distribution " << static_cast<int>(d) << " at u = " << u);
      CHECK(f.unit_of(std::get<double>(f.value_at(u))) == Approx(u).margin(1e-9));
    }
  }
}
