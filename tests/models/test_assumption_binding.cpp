// The governance model in a comparison under assumptions: the small district of the draws is
// the one in scenarios/small_district.toml, each point's settings reach every arm, and factors
// that cannot be varied in a comparison are refused at their place.

#include "tests/support/model_fixtures.hpp"
#include "models/governance/experiments/assumptions.hpp"
#include "models/governance/spec/parameter_schema.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace shanzhi;
using namespace shanzhi::gov;
namespace ex = shanzhi::sim::experiments;

namespace {

bool set_by_small_district_file(const sim::SourceLocation& where) {
  return std::filesystem::path(where.file).filename() == "small_district.toml";
}

ex::Factor range_factor(const std::string& key, double min, double max, int line) {
  ex::Factor f;
  f.key = key;
  f.min = min;
  f.max = max;
  f.where = sim::SourceLocation{"a.toml", line, 1};
  return f;
}

}  // namespace

TEST_CASE("The small district of the draws is small_district.toml's district table and organizations.per_street",
          "[assumptions]") {
  const auto small = load_governance_scenario(test::scenario_path("small_district"), {});
  std::map<std::string, sim::ParamValue> expected;
  for (const auto& [key, entry] : small.document.values)
    if (set_by_small_district_file(entry.second) && (key.rfind("district.", 0) == 0 || key == "organizations.per_street"))
      expected.emplace(key, entry.first);
  std::map<std::string, sim::ParamValue> in_code(small_district_settings().begin(), small_district_settings().end());
  CHECK(in_code == expected);
  CHECK(expected.count("organizations.per_street") == 1);
  CHECK(expected.count("district.streets") == 1);
}

TEST_CASE("A point's settings and the small district reach every arm", "[assumptions]") {
  const auto base = load_governance_scenario(test::scenario_path("small_baseline"), {"run.weeks=4", "run.burn_in_weeks=4"});
  const auto policy = load_governance_scenario(test::scenario_path("guangling"), {"run.weeks=4", "run.burn_in_weeks=4"});
  const auto arms = arms_at_point({base.document, policy.document}, AssumptionDistrict::small);
  // A point that breaks a rule across keys fails when it is prepared, before any run (weights
  // that must sum to one are rescaled instead: see the test on sampled weights).
  CHECK_THROWS_AS(arms({{"district.share_age_0_14", 0.5}, {"district.share_age_60_79", 0.6}}), sim::ScenarioError);
  // A valid point gives a runner whose arms run on the small district with the point's value.
  const auto runner = arms({{"needs.rate_scale", 1.2}});
  const auto runs = runner(3);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].weeks.size() == 5);  // week 0 (end of burn-in) and 4 recorded weeks
  CHECK(runs[1].weeks.size() == 5);

  // The same settings through the schema: what arms_at_point applies to each arm.
  auto with_point = small_district_settings();
  with_point.emplace_back("needs.rate_scale", 1.2);
  const auto p = parameters_with(policy.document, with_point);
  CHECK(p.district.streets == 2);
  CHECK(p.district.residents_per_community == 3000);
  CHECK(p.organizations.per_street == 8);
  CHECK(p.needs.rate_scale == 1.2);
  CHECK(p.organizations.venture_budget_yuan == policy.parameters.organizations.venture_budget_yuan);
}

TEST_CASE("Keys that cannot vary in a comparison are refused at their place", "[assumptions]") {
  const auto base = load_governance_scenario(test::scenario_path("small_baseline"), {});
  const auto policy = load_governance_scenario(test::scenario_path("small_district"), {});
  const std::vector<const LoadedScenario*> arms{&base, &policy};
  const std::vector<ex::Factor> factors{
      range_factor("needs.rate_scale", 0.8, 1.2, 1),                    // fine
      range_factor("run.weeks", 10, 20, 5),                             // control
      range_factor("district.residents_per_community", 600, 900, 9),    // set by the small district
      range_factor("purchase.budget_per_community_yuan", 0, 1e5, 13),   // a lever the policy changes
  };
  const auto problems = check_assumption_factors(factors, arms, AssumptionDistrict::small);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].where.line == 5);
  CHECK_THAT(problems[0].message, Catch::Contains("control key"));
  CHECK(problems[1].where.line == 9);
  CHECK_THAT(problems[1].message, Catch::Contains("--assumption-district scenario"));
  CHECK(problems[2].where.line == 13);
  CHECK(problems[2].key == "purchase.budget_per_community_yuan");
  CHECK_THAT(problems[2].message, Catch::Contains("differs between small_baseline and small_district"));
  // On the scenarios' own district the district keys may vary.
  CHECK(check_assumption_factors({factors[2]}, arms, AssumptionDistrict::scenario).empty());
}

TEST_CASE("Default factors come from the schema's plausible ranges", "[assumptions]") {
  std::size_t ranged = 0;
  for (const auto& e : governance_schema().entries())
    if (e.info.is_assumption() && e.info.plausible && e.info.plausible->low < e.info.plausible->high &&
        (e.info.type == sim::ParamType::real || e.info.type == sim::ParamType::integer))
      ++ranged;
  const auto factors = default_assumption_factors();
  CHECK(factors.size() <= ranged);
  for (const auto& f : factors) {
    const auto* e = governance_schema().find(f.key);
    REQUIRE(e);
    CHECK(e->info.is_assumption());
    CHECK(f.min >= e->info.plausible->low);
    CHECK(f.max <= e->info.plausible->high);
  }
}

TEST_CASE("The shipped example factor file can be varied in the package comparisons", "[assumptions]") {
  const auto factors = ex::load_factor_file(test::scenario_path("experiments/assumptions_example"),
                                            governance_schema().infos());
  CHECK(factors.size() == 8);
  for (const auto& [base_name, policy_name] :
       {std::pair{"small_baseline", "small_district"}, std::pair{"baseline", "guangling"}}) {
    const auto base = load_governance_scenario(test::scenario_path(base_name), {});
    const auto policy = load_governance_scenario(test::scenario_path(policy_name), {});
    INFO(base_name << " vs " << policy_name);
    CHECK(check_assumption_factors(factors, {&base, &policy}, AssumptionDistrict::small).empty());
  }
}

TEST_CASE("Sampled weights that must sum to one are rescaled to a valid scenario", "[assumptions]") {
  const auto loaded = gov::load_governance_scenario(test::scenario_path("small_baseline"), {});
  const auto settings =
      gov::with_weights_rescaled(loaded.document, {{"satisfaction.weight_quality", sim::ParamValue{0.6}},
                                                   {"needs.rate_scale", sim::ParamValue{1.2}}});
  double total = 0, quality = 0;
  for (const auto& [key, value] : settings) {
    if (key.rfind("satisfaction.weight_", 0) == 0) total += std::get<double>(value);
    if (key == "satisfaction.weight_quality") quality = std::get<double>(value);
  }
  CHECK(total == Approx(1.0));
  CHECK(quality == Approx(0.6 / (0.6 + 0.3 + 0.2)));  // wait 0.3 and fit 0.2 kept from the scenario, then rescaled
  CHECK_NOTHROW(gov::parameters_with(loaded.document, settings));
  // Without the rescaling the same draw is refused.
  CHECK_THROWS_AS(gov::parameters_with(loaded.document, {{"satisfaction.weight_quality", sim::ParamValue{0.6}}}),
                  sim::ScenarioError);
}
