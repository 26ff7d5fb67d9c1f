// Scenario keys of self-governance and evaluation: meetings, group leaders, complaints and
// deliberation (L4, L14, L15), and the community appraisal (L18, L19).
// Sources: [Seed] = the Guangling report; [S#] = MODEL_BRIEF.md §7; "assumption" = a modelling
// choice to calibrate, with its plausible range. Lever defaults are the pre-reform state.

#include "models/governance/spec/schema_builder.hpp"

#include <string>

namespace shanzhi::gov::schema {

void add_participation(Schema& s) {
  TableBuilder(s, "participation", "Self-governance")
      .integer("meetings_per_year", 0, 52, "meetings/year",
               "Scheduled resident meetings per community (四会: sentiment, coordination, hearing, appraisal).",
               "[Seed] 两评四会五议五务; count assumption", [](P& p) -> auto& { return p.participation.meetings_per_year; },
               "L15")
      .boolean("open_affairs", "Five affairs in the open (五务公开): transparency that builds trust.", "[Seed]",
               [](P& p) -> auto& { return p.participation.open_affairs; }, "L15")
      .boolean("group_leader_support",
               "Resident group leaders get a room, training and activities (安一个家、开一扇窗、撑一片天): they report "
               "unseen needs and bring neighbours to meetings.",
               "[Seed]", [](P& p) -> auto& { return p.participation.group_leader_support; }, "L14")
      .boolean("two_evaluations",
               "Two evaluations (两评): twice a year residents rate the residents' committee in an appraisal meeting "
               "and the committee rates the street office; attendees gain trust in both.",
               "[Seed] 两评四会五议五务; effect assumption", [](P& p) -> auto& { return p.participation.two_evaluations; },
               "L15")
      .boolean("deliberation_platform",
               "The deliberation and decision platform (议事决策) of 4+4+N: community projects go through the five "
               "steps (五议: propose, discuss jointly, discuss publicly, resolve, review), with two residents' "
               "meetings, and residents choose what the project serves.",
               "[Seed] 4+4+N; 五议", [](P& p) -> auto& { return p.participation.deliberation_platform; }, "L4")
      .integer("projects_per_year", 0, 20, "projects/year",
               "N of 4+4+N: community-specific projects each community runs a year, delivered by a rooted "
               "grassroots organisation and paid from the projects budget.",
               "[Seed] 4+4+N; count assumption", [](P& p) -> auto& { return p.participation.projects_per_year; }, "L4")
      .group("Participation model")
      .real("project_budget_yuan", 0, 1'000'000, "CNY/year", "Money for one community project for a year.",
            "assumption: a 公益创投-sized project", [](P& p) -> auto& { return p.participation.project_budget_yuan; })
      .integer("weeks_per_deliberation_step", 1, 13, "weeks", "Weeks each of the five deliberation steps takes.",
               "assumption", [](P& p) -> auto& { return p.participation.weeks_per_deliberation_step; })
      .real("leader_report_share", 0, 1, "share 0-1",
            "Share of needs the databases cannot see that a supported group leader brings to light.", "assumption",
            [](P& p) -> auto& { return p.participation.leader_report_share; })
      .real("base_logit", -10, 2, "logit", "α0: log-odds that an adult attends a given meeting.",
            "assumption; [S25, S26] low participation", [](P& p) -> auto& { return p.participation.base_logit; })
      .real("elderly_logit", 0, 3, "logit", "Extra log-odds of attending for residents aged 60+.",
            "assumption [MODEL_BRIEF §3.7]", [](P& p) -> auto& { return p.participation.elderly_logit; })
      .real("trust_logit", 0, 3, "logit", "Extra log-odds per unit of (trust − 50)/50.", "assumption",
            [](P& p) -> auto& { return p.participation.trust_logit; })
      .real("belonging_gain", 0, 10, "points/event", "Belonging gained per meeting attended.", "assumption",
            [](P& p) -> auto& { return p.participation.belonging_gain; })
      .real("facilitation_logit", 0, 3, "logit",
            "Extra log-odds of attending where workers give at least 10 self-governance hours per 1,000 residents a week.",
            "assumption", [](P& p) -> auto& { return p.participation.facilitation_logit; })
      .real("complaint_propensity", 0, 0.5, "probability/week", "κ: weekly chance of a complaint at zero satisfaction.",
            "assumption [MODEL_BRIEF §3.6]", [](P& p) -> auto& { return p.participation.complaint_propensity; });
}

void add_appraisal(Schema& s) {
  TableBuilder(s, "appraisal", "Evaluation")
      .boolean("third_party", "Independent third-party assessment of communities (第三方评估).", "[Seed]; [S21]",
               [](P& p) -> auto& { return p.appraisal.third_party; }, "L19")
      .group("Evaluation model")
      .real("self_run_bias", 0, 30, "points", "Upward bias of self-run appraisal surveys.", "assumption [MODEL_BRIEF L19]",
            [](P& p) -> auto& { return p.appraisal.self_run_bias; })
      .real("survey_sample_share", 0.001, 1, "share 0-1", "Share of residents sampled by each quarterly appraisal.",
            "assumption: 5–10%", [](P& p) -> auto& { return p.appraisal.survey_sample_share; })
      .group("Evaluation")
      .boolean("rectification",
               "Feedback and rectification (整改): a community whose quarterly appraisal score is below the "
               "threshold must fix its worst service category the next quarter; its workers give that "
               "category's backlog extra weight when they split their hours.",
               "[Seed] 区和谐社区建设先进社区考核工作意见", [](P& p) -> auto& { return p.appraisal.rectification; }, "L18")
      .boolean("good_worker_awards",
               "Good social worker awards (好社工): each year the workers of the best-appraised communities get a "
               "bonus, which lowers their turnover hazard for the next year as a pay rise would.",
               "[Seed]", [](P& p) -> auto& { return p.appraisal.good_worker_awards; }, "L18")
      .group("Evaluation model")
      .real("rectification_threshold", 0, 100, "points 0-100", "Appraisal score below which a community must rectify.",
            "assumption", [](P& p) -> auto& { return p.appraisal.rectification_threshold; })
      .real("rectification_priority", 1, 10, "weight",
            "Weight of the rectified category's backlog in workers' hours for the quarter after the appraisal.",
            "assumption", [](P& p) -> auto& { return p.appraisal.rectification_priority; })
      .real("award_top_share", 0, 1, "share 0-1", "Share of communities whose workers win the yearly award.",
            "assumption", [](P& p) -> auto& { return p.appraisal.award_top_share; })
      .real("award_pay_bonus", 0, 1, "share of pay",
            "Award as a share of a year's reference pay; it counts as that much pay in the turnover hazard for a year.",
            "assumption", [](P& p) -> auto& { return p.appraisal.award_pay_bonus; });
}

}  // namespace shanzhi::gov::schema
