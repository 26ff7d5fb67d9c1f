// Documentation of every scenario key: unit, range, meaning, source, role and, for assumptions,
// the plausible range. docs/parameters.md is generated from it (`shanzhi params --markdown`), and a
// test checks they agree. This file holds the run and district tables and puts the schema
// together; the model's tables are in spec/schema_*.cpp, one file per group of mechanisms.
// Sources: [Seed] = the Guangling report; [S#] = MODEL_BRIEF.md §7; "assumption" = a modelling
// choice to calibrate. Lever defaults are the pre-reform state; reforms are set in scenarios.

#include "models/governance/spec/parameter_schema.hpp"

#include "models/governance/spec/schema_builder.hpp"

namespace shanzhi::gov {
namespace {

using schema::P;
using schema::TableBuilder;

void add_run(Schema& s) {
  TableBuilder(s, "run", "Run", sim::ParamRole::control)
      .integer("seed", 0, 4'000'000'000'000'000'000, "", "Seed of every random stream; same seed, same results.",
               "—", [](P& p) -> auto& { return p.run.seed; })
      .integer("weeks", 1, 2600, "weeks", "Weeks simulated and recorded after the burn-in (260 = five years).",
               "MODEL_BRIEF §6: 3–5 years", [](P& p) -> auto& { return p.run.weeks; })
      .integer("spin_up_years", 0, 100, "years",
               "Years of the pre-reform pilot (one community per street) whose end state the district's residents, "
               "workers and organisations are drawn from, so the run starts settled at the model's own long-run "
               "state; 0 = start from the parametric first draws (initial_mean etc.), which drift for years.",
               "docs/model.md, The settled baseline: 20 years leave no trend in the baseline's headline metrics",
               [](P& p) -> auto& { return p.run.spin_up_years; })
      .integer("burn_in_weeks", 0, 520, "weeks",
               "Weeks run first with every lever at its pre-reform value, so the state settles before reforms start.",
               "MODEL_BRIEF §6: 52-week burn-in", [](P& p) -> auto& { return p.run.burn_in_weeks; })
      .integer("breakdown_every_weeks", 0, 520, "weeks",
               "Write breakdowns (by category, group, community, street) every this many recorded weeks, over "
               "the needs closed since the last; 0 = only at the end.",
               "—", [](P& p) -> auto& { return p.run.breakdown_every_weeks; });
}

void add_district(Schema& s) {
  TableBuilder(s, "district", "District", sim::ParamRole::structure)
      .integer("streets", 1, 64, "streets", "Urban street offices (街道) in the district.",
               "[S31]: 4 streets (东关、汶河、文峰、曲江)", [](P& p) -> auto& { return p.district.streets; })
      .integer("communities_per_street", 1, 200, "communities", "Communities (社区) under each street.",
               "assumption: 48 core communities [MODEL_BRIEF §4]",
               [](P& p) -> auto& { return p.district.communities_per_street; })
      .integer("residents_per_community", 50, 100'000, "persons", "Residents of each community.",
               "[S33]: Jingzhongsi 6,922; assumption 7,000",
               [](P& p) -> auto& { return p.district.residents_per_community; })
      .integer("residents_per_building", 6, 1000, "persons",
               "Residents per building: the unit of the word-of-mouth network.", "assumption",
               [](P& p) -> auto& { return p.district.residents_per_building; })
      .integer("residents_per_compound", 50, 100'000, "persons",
               "Residents per residential compound (小区), each served by one property company.", "assumption",
               [](P& p) -> auto& { return p.district.residents_per_compound; })
      .real("share_age_0_14", 0, 0.5, "share 0-1", "Share of residents aged 0–14.", "assumption [MODEL_BRIEF §4]",
            [](P& p) -> auto& { return p.district.share_age_0_14; })
      .real("share_age_60_79", 0, 0.6, "share 0-1", "Share of residents aged 60–79.",
            "[S36]: 60+ = 25.2% in Yangzhou (2017)", [](P& p) -> auto& { return p.district.share_age_60_79; })
      .real("share_age_80_plus", 0, 0.3, "share 0-1", "Share of residents aged 80 and over.",
            "assumption [MODEL_BRIEF §4]", [](P& p) -> auto& { return p.district.share_age_80_plus; })
      .real("living_alone_share_of_elderly", 0, 1, "share 0-1", "Share of residents aged 60+ who live alone.",
            "assumption", [](P& p) -> auto& { return p.district.living_alone_share_of_elderly; })
      .real("disability_share", 0, 0.5, "share 0-1", "Share of residents with a disability.", "assumption",
            [](P& p) -> auto& { return p.district.disability_share; })
      .real("low_income_share", 0, 0.5, "share 0-1", "Share of residents on minimum-income support (低保).",
            "assumption", [](P& p) -> auto& { return p.district.low_income_share; })
      .real("migrant_share", 0, 0.6, "share 0-1", "Share of residents who are migrants (all of working age).", "assumption",
            [](P& p) -> auto& { return p.district.migrant_share; })
      .integer("buildings_per_resident_group", 1, 100, "buildings",
               "Buildings that make one resident group (居民小组); the group's first adult is its leader.",
               "[S33]: Jingzhongsi, 6,922 residents in 29 resident groups ≈ 240 = 4 buildings of 60",
               [](P& p) -> auto& { return p.district.buildings_per_resident_group; })
      .role(sim::ParamRole::assumption)  // not a planner's description of the district: how disability rises with age
      .real("disability_factor_80_plus", 1, 5, "multiplier",
            "Disability is this many times as common among residents aged 80+ as among the rest.", "assumption",
            [](P& p) -> auto& { return p.district.disability_factor_80_plus; })
      .plausible(1.5, 3, "assumption: disability prevalence rises steeply with age; no local survey");
}

Schema build_schema() {
  using namespace schema;
  Schema s;
  add_run(s);
  add_district(s);
  add_needs(s);
  add_services(s);
  add_satisfaction(s);
  add_word_of_mouth(s);
  add_trust(s);
  add_participation(s);
  add_workforce(s);
  add_admin(s);
  add_purchase(s);
  add_catalogue(s);
  add_organizations(s);
  add_tiers(s);
  add_enterprises(s);
  add_information(s);
  add_appraisal(s);
  add_coordination(s);
  add_costs(s);
  return s;
}

}  // namespace

const Schema& governance_schema() {
  static const Schema schema = build_schema();
  return schema;
}

bool same_until_reform(const GovernanceParameters& a, const GovernanceParameters& b) {
  const auto& schema = governance_schema();
  const auto pre_a = schema.with_levers_pre_reform(a);
  const auto pre_b = schema.with_levers_pre_reform(b);
  for (const auto& entry : schema.entries()) {
    if (entry.info.key == "run.weeks" || entry.info.key == "run.breakdown_every_weeks") continue;
    if (entry.get(pre_a) != entry.get(pre_b)) return false;
  }
  return true;
}

}  // namespace shanzhi::gov
