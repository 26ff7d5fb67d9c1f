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
      .real("self_referral_awareness", 0, 1, "probability",
            "Chance that a resident brings a new need forward without outreach (a_k).", "assumption [MODEL_BRIEF §2.1]",
            [](P& p) -> auto& { return p.needs.self_referral_awareness; })
      .real("vulnerable_access_barrier", 0, 1, "share 0-1",
            "Cut in self-referral for elderly living alone and disabled residents.", "assumption [MODEL_BRIEF §1 L6]",
            [](P& p) -> auto& { return p.needs.vulnerable_access_barrier; })
      .integer("max_wait_weeks", 1, 52, "weeks", "W_max: a request not served within this many weeks goes unmet.",
               "assumption [MODEL_BRIEF §3.1]", [](P& p) -> auto& { return p.needs.max_wait_weeks; });
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
            "assumption", [](P& p) -> auto& { return p.information.outreach_needs_per_hour; });
}

}  // namespace shanzhi::gov::schema
