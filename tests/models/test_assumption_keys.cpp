// Every number the governance model assumes is a scenario key with a plausible range (issue 13):
// the schema documents each assumption's range and reason, and a scan of models/ fails when an
// assumed number is written into the code instead (a numeric constexpr anywhere in models/, or a
// floating-point literal in a phase or in the state), unless it is a true constant on the lists
// below, each with the reason it is not an assumption.

#include "models/governance/spec/parameter_schema.hpp"
#include "tests/support/cli_runner.hpp"
#include "tests/support/source_scan.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>

using namespace shanzhi;
using namespace shanzhi::test_support;

namespace {

double as_number(const sim::ParamValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return *real;
  return static_cast<double>(std::get<std::int64_t>(value));
}

/// A number that may stay in the code, and why it is not an assumption. `file` is relative to
/// models/governance/ ("" = any file); a constexpr is named by its variable, a literal as written.
struct Allowed {
  const char* file;
  const char* what;
  const char* reason;
};

const Allowed allowed_constexprs[] = {
    {"spec/service_category.hpp", "category_count", "the nine service categories of MODEL_BRIEF §2.1: the model's structure"},
    {"spec/validation.cpp", "max_residents", "an input guard (memory), not model behaviour"},
    {"spec/validation.cpp", "bytes_per_row", "an estimate of memory for an input guard, not model behaviour"},
    {"spec/validation.cpp", "csv_bytes_per_row", "an estimate of file size for an input guard, not model behaviour"},
    {"spec/validation.cpp", "most_bytes", "an input guard (memory), not model behaviour"},
    {"state/demography.hpp", "age_band_count", "the four age bands of MODEL_BRIEF §2.1"},
    {"state/demography.hpp", "demographic_class_count", "four age bands × the 16 combinations of four flags"},
    {"state/demography.hpp", "living_alone", "a bit flag"},
    {"state/demography.hpp", "disabled", "a bit flag"},
    {"state/demography.hpp", "low_income", "a bit flag"},
    {"state/demography.hpp", "migrant", "a bit flag"},
    {"state/government.hpp", "instrument_count", "the six funding instruments: an enum's size"},
    {"state/government.hpp", "public_cost_count", "the eight public cost items outside the instruments: an enum's size"},
    {"state/model_state.hpp", "satisfaction_bins", "histogram bins of the 0–100 scale, for recording"},
    {"state/model_state.hpp", "wait_bins", "histogram bins of waits 0–52 weeks, for recording"},
    {"state/workforce.hpp", "activity_count", "the five worker activities: an enum's size"},
    {"state/street_levers.hpp", "street_lever_count", "the three levers a street holds: an enum's size"},
    {"state/reversion_powers.hpp", "table_size", "performance tuning: how many powers of the reversion factor are cached"},
    {"state/random_purposes.hpp", "*", "names of random streams: fixed numbers that keep draws apart, never renumbered"},
    {"experiments/sweep_runner.cpp", "errors_kept", "how many failed runs' errors a sweep's summary keeps, not model behaviour"},
    {"pilot_cache.cpp", "max_pilots", "a memory bound of the pilot cache, not model behaviour"},
    {"pilot_cache.cpp", "max_pilot_residents", "a memory bound of the pilot cache, not model behaviour"},
    {"phases/deliberation.cpp", "public_discussion_step", "the order of the seed's five steps (五议): 群议 is the third"},
    {"phases/deliberation.cpp", "resolution_step", "the order of the seed's five steps (五议): 决议 is the fourth"},
    {"phases/resident_update.cpp", "neutral_points", "the middle of the 0–100 scale, from which belonging counts"},
    {"phases/resident_update.cpp", "prefetch_distance", "performance tuning of the memory prefetch"},
};

const Allowed allowed_literals[] = {
    {"", "0.0", "zero"},
    {"", "0.0f", "zero"},
    {"", "1.0", "one: the identity, the whole of a share, or the top of a 0–1 scale"},
    {"", "1.0f", "one: the identity, the whole of a share, or the top of a 0–1 scale"},
    {"", "100.0", "the top of the 0–100 scale"},
    {"", "100.0f", "the top of the 0–100 scale"},
    {"", "1000.0", "per 1,000 residents: the unit of the keys"},
    {"", "10000.0", "per 10,000 residents: the unit of workforce.workers_per_10k_residents"},
    {"phases/meetings.cpp", "50.0", "the middle of the 0–100 scale: trust counts from neutral"},
    {"phases/resident_update.cpp", "50.0f", "the middle of the 0–100 scale (neutral_points)"},
    {"phases/resident_update.cpp", "60.0f",
     "the satisfied share (满意 + 基本满意) is a reported measure, S ≥ 60: a definition of an output, not behaviour"},
    {"phases/resident_update.cpp", "75.0f", "the very-satisfied share, S ≥ 75: a definition of an output"},
    {"phases/resident_update.cpp", "0x1.0p-24f", "2^-24: turns a 24-bit random word into a uniform number"},
    {"phases/needs.cpp", "0x1.0p-32", "2^-32: turns a 32-bit random word into a uniform number"},
    {"phases/needs.cpp", "1e9", "a waiting time this long means no next need (a sentinel)"},
    {"phases/needs.cpp", "2.0f", "the width of the severity range 1 ± spread"},
    {"phases/satisfaction.hpp", "9.0", "the ACSI items' 1–10 scale [S10]: a definition of an output"},
    {"phases/satisfaction.hpp", "15.0", "the ACSI disconfirmation item's scale, σ(D/15) [MODEL_BRIEF §3.3]: an output"},
    {"phases/satisfaction.hpp", "0.4", "the ACSI index weights (0.4, 0.3, 0.3) [MODEL_BRIEF §3.3]: an output's definition"},
    {"phases/satisfaction.hpp", "0.3", "the ACSI index weights (0.4, 0.3, 0.3) [MODEL_BRIEF §3.3]: an output's definition"},
    {"phases/fiscal_year.cpp", "1e-9", "rounding tolerance of ⌊fund / grant⌋"},
    {"phases/worker_time.cpp", "0.01", "guards a division when outreach finds no needs an hour"},
    {"phases/workforce_dynamics.cpp", "0.999", "keeps ln(1 − h0) finite at a turnover key of 1"},
    {"state/residents.cpp", "4.5", "9/(1 + e^0): the ACSI item before any encounter"},
};

bool allowed(const Allowed& a, const std::string& file, const std::string& what) {
  return (std::string(a.file).empty() || a.file == file) && (std::string(a.what) == "*" || a.what == what);
}

const char* const declare_it =
    "an assumed number outside the schema: declare it as a key in spec/parameter_schema.cpp (spec/schema_*.cpp), "
    "thread it through GovernanceParameters, or, if it is a true constant, add it to the allow-list in "
    "tests/models/test_assumption_keys.cpp with its reason";

std::filesystem::path governance_dir() { return cli_test::source_dir() / "models" / "governance"; }

std::string relative_to_governance(const std::filesystem::path& file) {
  return std::filesystem::relative(file, governance_dir()).generic_string();
}

bool holds_behaviour(const std::string& relative) {
  return relative.rfind("phases/", 0) == 0 || relative.rfind("state/", 0) == 0;
}

}  // namespace

TEST_CASE("assumptions: every assumption key has a plausible range around its default, with a reason",
          "[model][assumptions]") {
  int assumptions = 0;
  for (const auto& entry : gov::governance_schema().entries()) {
    const auto& info = entry.info;
    if (!info.is_assumption()) continue;
    ++assumptions;
    INFO("key " << info.key);
    REQUIRE(info.plausible.has_value());
    const auto& range = *info.plausible;
    const double value = as_number(info.default_value);
    CHECK(range.low <= value);
    CHECK(value <= range.high);
    CHECK(range.low < range.high);
    CHECK(info.min <= range.low);
    CHECK(range.high <= info.max);
    CHECK(range.reason.size() > 10);
    if (info.type == sim::ParamType::integer) {
      CHECK(range.low == std::floor(range.low));
      CHECK(range.high == std::floor(range.high));
    }
  }
  CHECK(assumptions >= 200);
}

TEST_CASE("assumptions: keys have the role of what they are", "[model][assumptions]") {
  for (const auto& entry : gov::governance_schema().entries()) {
    const auto& info = entry.info;
    INFO("key " << info.key);
    const std::string table = info.key.substr(0, info.key.find('.'));
    if (info.is_lever()) CHECK(info.role == sim::ParamRole::lever);
    if (table == "run") CHECK(info.role == sim::ParamRole::control);
    // The district a planner describes is structure; how disability rises with age is not.
    if (table == "district")
      CHECK(info.role == (info.key == "district.disability_factor_80_plus" ? sim::ParamRole::assumption
                                                                           : sim::ParamRole::structure));
    // Only assumptions are sampled over a plausible range.
    if (!info.is_assumption()) CHECK_FALSE(info.plausible.has_value());
  }
  const auto& schema = gov::governance_schema();
  CHECK(schema.find("needs.rate_scale")->info.role == sim::ParamRole::assumption);
  CHECK(schema.find("organizations.per_street")->info.role == sim::ParamRole::assumption);
  CHECK(schema.find("purchase.adaptive_budget")->info.role == sim::ParamRole::option);
}

TEST_CASE("assumptions: the scan finds numbers hidden in code and skips comments and strings",
          "[model][assumptions]") {
  const std::string source =
      "// constexpr double in_a_comment = 0.7;\n"
      "constexpr double hidden_rate = 0.7;\n"
      "inline constexpr int hidden_count{12};\n"
      "constexpr bool serves(int k) { return k == 3; }\n"
      "const char* text = \"0.5 in a string\";\n"
      "double x = 1.5f * y + 2 * z; /* 0.25 */ double w = 1e-9 + 0x1.0p-24f;\n"
      "long n = 1'000'000; char c = '.';\n";
  const auto constexprs = numeric_constexprs(source);
  REQUIRE(constexprs.size() == 2);
  CHECK(constexprs[0].name == "hidden_rate");
  CHECK(constexprs[0].line == 2);
  CHECK(constexprs[1].name == "hidden_count");
  const auto literals = float_literals(source);
  std::vector<std::string> found;
  for (const auto& l : literals) found.push_back(l.literal);
  CHECK(found == std::vector<std::string>{"0.7", "1.5f", "1e-9", "0x1.0p-24f"});
}

TEST_CASE("assumptions: no numeric constexpr in models/ outside the allow-list", "[model][assumptions]") {
  std::ostringstream problems;
  std::set<std::string> used;
  const auto files = cpp_sources(cli_test::source_dir() / "models");
  REQUIRE(files.size() > 40);
  for (const auto& file : files) {
    const auto relative = relative_to_governance(file);
    for (const auto& c : numeric_constexprs(cli_test::read_file(file))) {
      bool ok = false;
      for (const auto& a : allowed_constexprs)
        if (allowed(a, relative, c.name)) {
          ok = true;
          used.insert(std::string(a.file) + ":" + a.what);
        }
      if (!ok) problems << "models/governance/" << relative << ":" << c.line << ": `" << c.text << "` is " << declare_it << "\n";
    }
  }
  INFO(problems.str());
  CHECK(problems.str().empty());
  // An entry that no longer matches anything is stale: remove it, so the list stays a list of
  // what is really there.
  for (const auto& a : allowed_constexprs) {
    INFO("allow-list entry " << a.file << ": " << a.what);
    CHECK(used.count(std::string(a.file) + ":" + a.what) == 1);
  }
}

TEST_CASE("assumptions: no floating-point literal in phases/ or state/ outside the allow-list", "[model][assumptions]") {
  std::ostringstream problems;
  std::set<std::string> used;
  for (const auto& file : cpp_sources(governance_dir())) {
    const auto relative = relative_to_governance(file);
    if (!holds_behaviour(relative)) continue;
    for (const auto& l : float_literals(cli_test::read_file(file))) {
      bool ok = false;
      for (const auto& a : allowed_literals)
        if (allowed(a, relative, l.literal)) {
          ok = true;
          used.insert(std::string(a.file) + ":" + a.what);
        }
      if (!ok)
        problems << "models/governance/" << relative << ":" << l.line << ": " << l.literal << " in `" << l.text
                 << "` is " << declare_it << "\n";
    }
  }
  INFO(problems.str());
  CHECK(problems.str().empty());
  for (const auto& a : allowed_literals) {
    INFO("allow-list entry " << a.file << ": " << a.what);
    CHECK(used.count(std::string(a.file) + ":" + a.what) == 1);
  }
}
