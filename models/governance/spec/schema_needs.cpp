// Scenario keys of residents' needs: the need rates by age band and flag, what one request of
// each category asks of a provider, and what the three databases (L6) see and put first.
// Sources: [Seed] = the Guangling report; [S#] = MODEL_BRIEF.md §7; "assumption" = a modelling
// choice to calibrate, with its plausible range. Lever defaults are the pre-reform state.

#include "models/governance/spec/schema_builder.hpp"

#include <string>

namespace shanzhi::gov::schema {

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
      .plausible(0.5, 2, "assumption with no source: half to double");
}

}  // namespace shanzhi::gov::schema
