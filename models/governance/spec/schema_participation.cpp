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
      .at_fiscal_year()  // communities propose the year's projects when it opens
      .group("Participation model")
      .role(sim::ParamRole::option)  // what a project gets is the district's choice, not an assumption
      .real("project_budget_yuan", 0, 1'000'000, "CNY/year", "Money for one community project for a year.",
            "assumption: a 公益创投-sized project", [](P& p) -> auto& { return p.participation.project_budget_yuan; })
      .at_fiscal_year()
      .role(sim::ParamRole::assumption)
      .integer("weeks_per_deliberation_step", 1, 13, "weeks", "Weeks each of the five deliberation steps takes.",
               "assumption", [](P& p) -> auto& { return p.participation.weeks_per_deliberation_step; })
      .plausible(1, 4, "assumption with no source: a step takes one to four weeks")
      .real("leader_report_share", 0, 1, "share 0-1",
            "Share of needs the databases cannot see that a supported group leader brings to light.", "assumption",
            [](P& p) -> auto& { return p.participation.leader_report_share; })
      .plausible(0.15, 0.5, "assumption with no source: about half to one and a half times 0.3")
      .real("base_logit", -10, 2, "logit", "α0: log-odds that an adult attends a given meeting.",
            "assumption; [S25, S26] low participation", [](P& p) -> auto& { return p.participation.base_logit; })
      .plausible(-4.5, -3.5, "set so that attendance stays a minority [S25, S26; MODEL_BRIEF §3.7: 15–25% of adults a year]: ±0.5 log-odds")
      .real("elderly_logit", 0, 3, "logit", "Extra log-odds of attending for residents aged 60+.",
            "assumption [MODEL_BRIEF §3.7]", [](P& p) -> auto& { return p.participation.elderly_logit; })
      .plausible(0.4, 1.1, "MODEL_BRIEF §3.7: the elderly attend about twice as often (ln 2 ≈ 0.7); 1.5 to 3 times")
      .real("trust_logit", 0, 3, "logit", "Extra log-odds per unit of (trust − 50)/50.", "assumption",
            [](P& p) -> auto& { return p.participation.trust_logit; })
      .plausible(0.5, 1.5, "assumption with no source: ±50%")
      .real("belonging_gain", 0, 10, "points/event", "Belonging gained per meeting attended.", "assumption",
            [](P& p) -> auto& { return p.participation.belonging_gain; })
      .plausible(1, 3, "assumption with no source: ±50% of 2 points")
      .real("facilitation_logit", 0, 3, "logit",
            "Extra log-odds of attending where workers give at least facilitation_hours_per_1k_residents "
            "self-governance hours a week (less in proportion below).",
            "assumption", [](P& p) -> auto& { return p.participation.facilitation_logit; })
      .plausible(0.4, 1.2, "assumption with no source: ±50%")
      .real("complaint_propensity", 0, 0.5, "probability/week", "κ: weekly chance of a complaint at zero satisfaction.",
            "assumption [MODEL_BRIEF §3.6]", [](P& p) -> auto& { return p.participation.complaint_propensity; })
      .plausible(0.02, 0.06, "MODEL_BRIEF §3.6 κ, no value given: ±50% of 0.04")
      .real("complaint_below_points", 1, 100, "points 0-100",
            "Residents complain only below this satisfaction; the weekly chance is κ × (this − S)/this.",
            "MODEL_BRIEF §3.6: κ·((50 − S)/50)⁺ [A]", [](P& p) -> auto& { return p.participation.complaint_below_points; })
      .plausible(40, 60, "MODEL_BRIEF §3.6 gives 50 [A]: ±10 points")
      .real("leader_logit", 0, 5, "logit", "Extra log-odds of attending for resident group leaders, who organise their buildings.",
            "assumption [MODEL_BRIEF L14]", [](P& p) -> auto& { return p.participation.leader_logit; })
      .plausible(0.75, 2.25, "assumption with no source: ±50%")
      .real("supported_leader_logit", 0, 5, "logit",
            "With support for group leaders (L14), leaders' further log-odds of attending.", "assumption",
            [](P& p) -> auto& { return p.participation.supported_leader_logit; })
      .plausible(0.5, 1.5, "assumption with no source: ±50%")
      .real("supported_neighbour_logit", 0, 3, "logit",
            "With support for group leaders (L14), every adult's extra log-odds of attending: leaders bring their "
            "neighbours.",
            "assumption", [](P& p) -> auto& { return p.participation.supported_neighbour_logit; })
      .plausible(0.2, 0.6, "assumption with no source: ±50%")
      .real("facilitation_hours_per_1k_residents", 0.1, 100, "hours/week",
            "Self-governance hours per 1,000 residents a week that meetings and resident groups take: standing work "
            "for workers, and the level at which facilitation is fully felt in attendance.",
            "assumption", [](P& p) -> auto& { return p.participation.facilitation_hours_per_1k_residents; })
      .plausible(5, 15, "assumption with no source: ±50%")
      .real("belonging_reversion", 0, 0.1, "rate/week",
            "Weekly step of belonging back toward neutral (50) without participation.",
            "assumption", [](P& p) -> auto& { return p.participation.belonging_reversion; })
      .plausible(0.0025, 0.01, "assumption with no source: half-lives of 69 to 277 weeks around 139")
      .real("initial_belonging_mean", 0, 100, "points 0-100", "Mean sense of belonging at the start (50 = neutral).",
            "assumption", [](P& p) -> auto& { return p.participation.initial_belonging_mean; })
      .plausible(40, 60, "assumption with no source: ±10 points around neutral")
      .real("initial_belonging_sd", 0, 40, "points", "Spread of belonging at the start.", "assumption",
            [](P& p) -> auto& { return p.participation.initial_belonging_sd; })
      .plausible(10, 20, "assumption with no source: ±one third")
      .real("deliberated_project_fit", 0, 1, "fit 0-1",
            "Fit to residents' needs of a community project they chose through the five steps (五议).",
            "assumption [MODEL_BRIEF §3.1: 1 when the service matches the need]",
            [](P& p) -> auto& { return p.participation.deliberated_project_fit; })
      .plausible(0.9, 1, "MODEL_BRIEF §3.1: a matched service fits 1; a chosen project may still miss a little")
      .real("office_project_fit", 0, 1, "fit 0-1",
            "Fit of a community project the office chose on its own, without residents.",
            "assumption [MODEL_BRIEF §3.1: 0.5 generic, 1 matched; Seed 居民说事]",
            [](P& p) -> auto& { return p.participation.office_project_fit; })
      .plausible(0.6, 0.9, "between a generic service (0.5) and a matched one (1) [MODEL_BRIEF §3.1]")
      .integer("evaluation_week_mid_year", 1, 52, "week of year",
               "Week of the year (1–52) of the mid-year evaluation (两评, when on).", "[Seed] twice a year; week assumption",
               [](P& p) -> auto& { return p.participation.evaluation_week_mid_year; })
      .plausible(22, 30, "mid-year: late May to July")
      .integer("evaluation_week_year_end", 1, 52, "week of year",
               "Week of the year (1–52) of the year-end evaluation.", "[Seed] twice a year; week assumption",
               [](P& p) -> auto& { return p.participation.evaluation_week_year_end; })
      .plausible(48, 52, "the year's last month")
      .real("rating_trust_weight", 0, 1, "share 0-1",
            "At the two evaluations (两评, L15) each attendee rates the committee (1 − this) × own satisfaction + "
            "this × own trust in the community.",
            "assumption: a rating of the committee mixes how served one feels and how far one trusts it",
            [](P& p) -> auto& { return p.participation.rating_trust_weight; })
      .plausible(0.25, 0.75, "assumption with no source: from mostly satisfaction to mostly trust");
}

void add_appraisal(Schema& s) {
  TableBuilder(s, "appraisal", "Evaluation")
      .boolean("third_party", "Independent third-party assessment of communities (第三方评估).", "[Seed]; [S21]",
               [](P& p) -> auto& { return p.appraisal.third_party; }, "L19")
      .group("Evaluation model")
      .real("self_run_bias", 0, 30, "points", "Upward bias of self-run appraisal surveys.", "assumption [MODEL_BRIEF L19]",
            [](P& p) -> auto& { return p.appraisal.self_run_bias; })
      .plausible(2, 10, "MODEL_BRIEF L19 gives +5 points [A]; [S21] independent sources are more credible")
      .real("survey_sample_share", 0.001, 1, "share 0-1", "Share of residents sampled by each quarterly appraisal.",
            "assumption: 5–10%", [](P& p) -> auto& { return p.appraisal.survey_sample_share; })
      .plausible(0.05, 0.1, "MODEL_BRIEF §6: 5–10% of households")
      .group("Evaluation")
      .boolean("rectification",
               "Feedback and rectification (整改): a community whose quarterly appraisal score is below the "
               "threshold must fix its worst service category the next quarter; its workers give that "
               "category's backlog extra weight when they split their hours.",
               "[Seed] 区和谐社区建设先进社区考核工作意见", [](P& p) -> auto& { return p.appraisal.rectification; }, "L18")
      .boolean("score_feedback",
               "Feedback (反馈) of each quarterly appraisal to the community by part: workers see how far the "
               "residents' part and the records part fall short of full marks and move free hours toward the part "
               "with more room (workforce.score_gap_response); off, they answer to the weights alone.",
               "[Seed] 区和谐社区建设先进社区考核工作意见: results fed back for rectification",
               [](P& p) -> auto& { return p.appraisal.score_feedback; }, "L18")
      .boolean("good_worker_awards",
               "Good social worker awards (好社工): each year the workers of the best-appraised communities get a "
               "bonus, which lowers their turnover hazard for the next year as a pay rise would.",
               "[Seed]", [](P& p) -> auto& { return p.appraisal.good_worker_awards; }, "L18")
      // How the district designs rectification and awards (L18): its choices, not assumptions.
      .role(sim::ParamRole::option)
      .real("rectification_threshold", 0, 100, "points 0-100", "Appraisal score below which a community must rectify.",
            "policy design; value assumption", [](P& p) -> auto& { return p.appraisal.rectification_threshold; })
      .real("award_top_share", 0, 1, "share 0-1", "Share of communities whose workers win the yearly award.",
            "policy design; value assumption", [](P& p) -> auto& { return p.appraisal.award_top_share; })
      .real("evaluation_rating_weight", 0, 1, "share 0-1",
            "With the two evaluations on (participation.two_evaluations, L15), the share of the appraisal's residents' "
            "part taken from residents' rating of the committee at the last evaluation; the survey gives the rest.",
            "policy design; value assumption", [](P& p) -> auto& { return p.appraisal.evaluation_rating_weight; })
      .real("award_pay_bonus", 0, 1, "share of pay",
            "Award as a share of a year's reference pay; it counts as that much pay in the turnover hazard for a year.",
            "policy design; value assumption", [](P& p) -> auto& { return p.appraisal.award_pay_bonus; })
      .group("Evaluation model")
      .role(sim::ParamRole::assumption)
      .real("rectification_priority", 1, 10, "weight",
            "Weight of the rectified category's backlog in workers' hours for the quarter after the appraisal.",
            "assumption", [](P& p) -> auto& { return p.appraisal.rectification_priority; })
      .plausible(1.5, 3, "assumption with no source: how hard workers lean into an order, from half again to three times")
      .real("full_records_hours_per_1k_residents", 0.1, 50, "hours/week",
            "Records hours per 1,000 residents a week that earn a full records score (L18).", "assumption",
            [](P& p) -> auto& { return p.appraisal.full_records_hours_per_1k_residents; })
      .plausible(1.5, 4.5, "assumption with no source: ±50%")
      .real("credible_gap_points", 0, 100, "points",
            "A resident whose satisfaction falls more than this below the published appraisal score cannot square it "
            "with experience (L19).",
            "assumption; [S21] independent sources are more credible",
            [](P& p) -> auto& { return p.appraisal.credible_gap_points; })
      .plausible(5, 15, "assumption with no source: ±50%")
      .real("whitewash_trust_loss", 0, 10, "points",
            "Trust in the community such a resident loses at each published appraisal: it looks to be whitewashing.",
            "assumption; [S21]", [](P& p) -> auto& { return p.appraisal.whitewash_trust_loss; })
      .plausible(0.5, 2, "assumption with no source: half to double");
}

}  // namespace shanzhi::gov::schema
