// Scenario keys of residents' needs: the need rates by age band and flag, what one request of
// each category asks of a provider, and what the three databases (L6) see and put first.
// Sources: [Seed] = the Guangling report; [S#] = MODEL_BRIEF.md §7; "assumption" = a modelling
// choice to calibrate, with its plausible range. Lever defaults are the pre-reform state.

#include "models/governance/spec/schema_builder.hpp"

#include <string>

namespace shanzhi::gov::schema {
namespace {

/// One annual need rate: a key of the need-rate table, with ±50% as its plausible range (no survey
/// of service needs by group in the district; MODEL_BRIEF §2.1 gives only the shape).
struct NeedRate {
  const char* name;
  const char* who;
  double NeedParameters::*field;
};

void add_need_rates(Schema& s) {
  // Fields of P::needs reached through a member pointer, so one loop documents the whole table.
  static const NeedRate rates[] = {
      {"annual_rate_admin_child", "admin (办事) needs of a child aged 0–14", &NeedParameters::annual_rate_admin_child},
      {"annual_rate_admin_15_plus", "admin (办事) needs of a resident aged 15+", &NeedParameters::annual_rate_admin_15_plus},
      {"annual_rate_assistance_low_income", "social-assistance needs of a minimum-income (低保) resident",
       &NeedParameters::annual_rate_assistance_low_income},
      {"annual_rate_assistance_other", "social-assistance needs of any other resident",
       &NeedParameters::annual_rate_assistance_other},
      {"annual_rate_elderly_care_60_79", "elderly-care needs of a resident aged 60–79 (none below 60)",
       &NeedParameters::annual_rate_elderly_care_60_79},
      {"annual_rate_elderly_care_80_plus", "elderly-care needs of a resident aged 80+",
       &NeedParameters::annual_rate_elderly_care_80_plus},
      {"annual_rate_family_child", "children, youth and family needs of a child aged 0–14",
       &NeedParameters::annual_rate_family_child},
      {"annual_rate_family_15_59", "children, youth and family needs of a resident aged 15–59",
       &NeedParameters::annual_rate_family_15_59},
      {"annual_rate_family_60_plus", "children, youth and family needs of a resident aged 60+",
       &NeedParameters::annual_rate_family_60_plus},
      {"annual_rate_disability_disabled", "disability-service needs of a disabled resident (none without a disability)",
       &NeedParameters::annual_rate_disability_disabled},
      {"annual_rate_health_under_60", "health-promotion needs of a resident under 60",
       &NeedParameters::annual_rate_health_under_60},
      {"annual_rate_health_60_plus", "health-promotion needs of a resident aged 60+",
       &NeedParameters::annual_rate_health_60_plus},
      {"annual_rate_culture_child", "culture and sports needs of a child aged 0–14", &NeedParameters::annual_rate_culture_child},
      {"annual_rate_culture_15_59", "culture and sports needs of a resident aged 15–59",
       &NeedParameters::annual_rate_culture_15_59},
      {"annual_rate_culture_60_plus", "culture and sports needs of a resident aged 60+",
       &NeedParameters::annual_rate_culture_60_plus},
      {"annual_rate_environment", "environment and property needs of any resident", &NeedParameters::annual_rate_environment},
      {"annual_rate_safety_migrant", "safety and mediation needs of a migrant", &NeedParameters::annual_rate_safety_migrant},
      {"annual_rate_safety_other", "safety and mediation needs of any other resident",
       &NeedParameters::annual_rate_safety_other},
  };
  TableBuilder table(s, "needs", "Need rates");
  for (const auto& rate : rates) {
    const std::string meaning = std::string("Needs per person per year: ") + rate.who + ", before rate_scale.";
    const double value = GovernanceParameters{}.needs.*rate.field;
    table
        .real(rate.name, 0, 20, "needs/year", meaning.c_str(),
              "assumption [MODEL_BRIEF §2.1]: about two needs a year for a working-age adult, six for the oldest old "
              "living alone",
              [field = rate.field](P& p) -> auto& { return p.needs.*field; })
        .plausible(tidy(0.5 * value), tidy(1.5 * value), "no survey of needs by group in the district: ±50% of the assumed rate");
    if (rate.field == &NeedParameters::annual_rate_elderly_care_80_plus)
      table
          .real("elderly_care_living_alone_factor", 1, 5, "multiplier",
                "Elderly-care needs of a resident aged 60+ who lives alone, as a multiple of the rate for their age.",
                "assumption [MODEL_BRIEF §2.1: elderly-care need concentrated in people living alone]",
                [](P& p) -> auto& { return p.needs.elderly_care_living_alone_factor; })
          .plausible(1.5, 3, "assumption with no source: living alone raises reliance on formal care by half to "
                             "three times");
  }
}

}  // namespace

void add_needs(Schema& s) {
  TableBuilder(s, "needs", "Needs")
      .real("rate_scale", 0.1, 5, "multiplier", "Scales every category's weekly need rate (an uncertainty).",
            "assumption", [](P& p) -> auto& { return p.needs.rate_scale; })
      .plausible(0.5, 1.5, "no survey of need rates in the district: half to one and a half times the assumed rate table")
      .real("self_referral_awareness", 0, 1, "probability",
            "Chance that a resident brings a new need forward without outreach (a_k).", "assumption [MODEL_BRIEF §2.1]",
            [](P& p) -> auto& { return p.needs.self_referral_awareness; })
      .plausible(0.6, 0.9, "assumption with no source (MODEL_BRIEF §2.1 a_k): most residents bring a need forward, some do not")
      .real("vulnerable_access_barrier", 0, 1, "share 0-1",
            "Cut in self-referral for elderly living alone and disabled residents.", "assumption [MODEL_BRIEF §1 L6]",
            [](P& p) -> auto& { return p.needs.vulnerable_access_barrier; })
      .plausible(0.3, 0.7, "MODEL_BRIEF L6 says isolated elderly and disabled residents come forward less, without a size: ±40% of the assumed half")
      .integer("max_wait_weeks", 1, 52, "weeks", "W_max: a request not served within this many weeks goes unmet.",
               "assumption [MODEL_BRIEF §3.1]", [](P& p) -> auto& { return p.needs.max_wait_weeks; })
      .plausible(4, 12, "MODEL_BRIEF §3.1 W_max, no value given: one to three months");
  add_need_rates(s);
}

void add_services(Schema& s) {
  TableBuilder table(s, "services", "Service delivery model");
  for (int k = 0; k < category_count; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    const std::string category = std::string(info(k).name_en) + " (" + std::string(info(k).name_zh) + ")";
    const std::string hours_name = "hours_per_request_" + std::string(info(k).key);
    const std::string hours_meaning = "Provider hours one request of " + category + " takes.";
    const double hours = GovernanceParameters{}.services.hours_per_request[ku];
    table
        .real(hours_name.c_str(), 0.05, 20, "hours", hours_meaning.c_str(),
              "assumption: casework-type needs (assistance, elderly care, disability) about two hours; group services "
              "(culture and sports, health talks) serve several people an hour",
              [ku](P& p) -> auto& { return p.services.hours_per_request[ku]; })
        .plausible(tidy(0.5 * hours), tidy(2 * hours), "no time-use data: half to double the assumed hours");
  }
  for (int k = 0; k < category_count; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    const std::string name = "tolerable_wait_weeks_" + std::string(info(k).key);
    const std::string meaning = "W0 of " + std::string(info(k).name_en) + " (" + std::string(info(k).name_zh) +
                                "): the wait term of perceived performance is exp(−W/W0).";
    const double weeks = GovernanceParameters{}.services.tolerable_wait_weeks[ku];
    table
        .real(name.c_str(), 0.1, 52, "weeks", meaning.c_str(),
              "assumption [MODEL_BRIEF §3.1: 1 week for admin, 4 for casework]",
              [ku](P& p) -> auto& { return p.services.tolerable_wait_weeks[ku]; })
        .plausible(tidy(0.5 * weeks), tidy(1.5 * weeks), "MODEL_BRIEF §3.1 gives 1 week (admin) to 4 (casework) [A]: ±50%");
  }
  table
      .real("max_provider_quality", 0.5, 1, "quality 0-1",
            "Highest quality any provider reaches (organisations learning, property companies with the council); "
            "property companies also start no lower than 1 − this.",
            "assumption: no provider is perfect", [](P& p) -> auto& { return p.services.max_provider_quality; })
      .plausible(0.9, 0.99, "assumption with no source");
}

void add_information(Schema& s) {
  TableBuilder(s, "information", "Precise governance")
      .real("database_coverage", 0, 1, "probability",
            "Chance that a need nobody reported is visible in the three databases (三库) and reached by outreach.",
            "[Seed]; 0.5 off / 0.9 on [MODEL_BRIEF L6]", [](P& p) -> auto& { return p.information.database_coverage; },
            "L6")
      .choice("queue_rule", {"fifo", "priority"},
              "Serve requests first come first served, or by severity × vulnerability (精准治理).", "[Seed]",
              [](P& p) -> auto& { return p.information.queue_rule; }, "L6")
      .group("Information model")
      .real("outreach_needs_per_hour", 0, 10, "needs/hour", "Hidden needs one outreach hour brings into the queue.",
            "assumption", [](P& p) -> auto& { return p.information.outreach_needs_per_hour; })
      .plausible(0.5, 2, "assumption with no source: half to double")
      .real("vulnerable_priority", 1, 10, "weight",
            "Queue priority weight of the three vulnerable groups (elderly living alone, disabled, minimum income) "
            "under the priority rule; everyone else has 1.",
            "assumption; [Seed] precise governance (精准治理) puts them first",
            [](P& p) -> auto& { return p.information.vulnerable_priority; })
      .plausible(1.5, 3, "assumption with no source: the seed names the groups, not a weight")
      .real("oldest_old_priority_bonus", 0, 5, "weight", "Added to the queue priority weight of residents aged 80+.",
            "assumption", [](P& p) -> auto& { return p.information.oldest_old_priority_bonus; })
      .plausible(0.25, 1, "assumption with no source: half to double")
      .real("severity_spread", 0, 0.95, "share 0-1",
            "Severity of a request is uniform on 1 ± this; the priority rule serves severity × vulnerability first.",
            "assumption", [](P& p) -> auto& { return p.information.severity_spread; })
      .plausible(0.25, 0.75, "assumption with no source: severities from within ±25% to within a factor of seven");
}

}  // namespace shanzhi::gov::schema
