// Scenario keys of community workers: their time, skill, burnout and turnover (L2, L7, L17, L18),
// and the admin burden pushed onto them (L1, L9, L10, L16).
// Sources: [Seed] = the Guangling report; [S#] = MODEL_BRIEF.md §7; "assumption" = a modelling
// choice to calibrate, with its plausible range. Lever defaults are the pre-reform state.

#include "models/governance/spec/schema_builder.hpp"

#include <string>

namespace shanzhi::gov::schema {

void add_workforce(Schema& s) {
  TableBuilder(s, "workforce", "Workforce")
      .real("pay_ratio", 0.4, 2, "ratio", "Worker pay relative to the local reference wage.",
            "[Seed] pay guidance; values assumption (0.8 → 1.0)", [](P& p) -> auto& { return p.workforce.pay_ratio; },
            "L17")
      .boolean("promotion_path", "A promotion path (提拔任用) that lowers the turnover hazard.", "[Seed]",
               [](P& p) -> auto& { return p.workforce.promotion_path; }, "L7")
      .real("training_skill_per_year", 0, 0.3, "skill/year", "Skill gained per year from training (教育培训).",
            "[Seed]; value assumption [MODEL_BRIEF L7: +0.05]",
            [](P& p) -> auto& { return p.workforce.training_skill_per_year; }, "L7")
      .real("certified_share", 0, 1, "share 0-1",
            "Share of workers who hold a licence (持证上岗) when hired (and, at the reform, of those in post); "
            "licensed staff serve better.",
            "[S39]: 71.6% certified in Changzhou", [](P& p) -> auto& { return p.workforce.certified_share; }, "L7")
      .real("certification_rate_per_year", 0, 2, "passes/worker-year",
            "Licensing drive (持证上岗 with exam support): each unlicensed worker passes the licence exam at this "
            "yearly rate (weekly chance 1 − exp(−rate/52)) and keeps the licence while in post, so the licensed "
            "share accrues over the years; new hires come with a licence at certified_share.",
            "[Seed] 持证上岗; [S39]: 71.6% certified in Changzhou after years of exam support; rate assumption "
            "(0.3: about a quarter of the unlicensed pass each year)",
            [](P& p) -> auto& { return p.workforce.certification_rate_per_year; }, "L7")
      .real("licensed_pay_premium", 0, 0.5, "share of pay",
            "Pay grade of a licence (持证 allowance in the pay scale) as a share of the reference wage: it counts as "
            "pay in a licensed worker's turnover hazard and is paid as such.",
            "[Seed]; MODEL_BRIEF L7: certification raises the pay grade; value assumption (0.05: one grade step)",
            [](P& p) -> auto& { return p.workforce.licensed_pay_premium; }, "L7")
      .real("multi_skilled_share", 0, 1, "share 0-1",
            "Share of workers trained from a single specialty to one specialty, many skills (一专多能): their "
            "service in elderly, family, disability and health needs fits nearly as well as a specialist's (0.9 "
            "instead of 0.7).",
            "[Seed]; fits assumption", [](P& p) -> auto& { return p.workforce.multi_skilled_share; }, "L7")
      .integer("social_work_posts_per_community", 0, 10, "posts",
               "Professional social-work posts in each community's social-work station; they take no admin tasks.",
               "[Seed] 实施意见 on community social work; 1–2 posts assumption [MODEL_BRIEF L2]",
               [](P& p) -> auto& { return p.workforce.social_work_posts_per_community; }, "L2")
      .group("Evaluation")
      .real("resident_evaluation_weight", 0, 1, "share 0-1",
            "w_res: residents' share of the community appraisal; steers workers toward resident-facing work.",
            "[Seed]: over 50% after reform", [](P& p) -> auto& { return p.workforce.resident_evaluation_weight; },
            "L18")
      .group("Workforce model")
      .real("workers_per_10k_residents", 5, 40, "workers", "Community worker posts per 10,000 residents.",
            "[S14]: 18 per 10k", [](P& p) -> auto& { return p.workforce.workers_per_10k_residents; })
      .plausible(14, 20, "[S14]: the 18 per 10k target; [S38] Linyi ≥ 14 per community (20 per 10k at 7,000 residents); actual staffing may fall short")
      .real("hours_per_week", 20, 60, "hours/week", "Contract hours of a worker.", "assumption [MODEL_BRIEF §2.2]",
            [](P& p) -> auto& { return p.workforce.hours_per_week; })
      .plausible(40, 44, "MODEL_BRIEF §2.2: 40 h; up to 44 where weekend duty is routine (assumption)")
      .real("max_overtime_hours", 0, 30, "hours/week", "Overtime a worker will do for mandatory tasks.",
            "assumption", [](P& p) -> auto& { return p.workforce.max_overtime_hours; })
      .plausible(5, 15, "MODEL_BRIEF §2.2: up to 10 h [A]: ±5 h")
      .real("turnover_reference_annual", 0, 1, "share/year", "h0: annual turnover at pay ratio 1 with no burnout.",
            "calibrated to ≈ 20%/yr at baseline [S22–S24]",
            [](P& p) -> auto& { return p.workforce.turnover_reference_annual; })
      .plausible(0.05, 0.08, "calibrated so pre-reform turnover is ≈ 18% a year [S22–S24: 17.6–20%]; the range gives about 14–22% at the default β_w and β_b")
      .real("pay_sensitivity", 0, 6, "coefficient", "β_w in h = h0·exp(−β_w(pay − 1))·(1 + β_b·burnout).",
            "assumption: 2–4", [](P& p) -> auto& { return p.workforce.pay_sensitivity; })
      .plausible(2, 4, "MODEL_BRIEF §2.2: β_w 2–4")
      .real("burnout_sensitivity", 0, 4, "coefficient", "β_b: turnover hazard rises with burnout.",
            "assumption: 1–2", [](P& p) -> auto& { return p.workforce.burnout_sensitivity; })
      .plausible(1, 2, "MODEL_BRIEF §2.2: β_b 1–2")
      .real("promotion_hazard_cut", 0, 1, "share 0-1", "Cut in the turnover hazard when a promotion path exists.",
            "assumption", [](P& p) -> auto& { return p.workforce.promotion_hazard_cut; })
      .plausible(0.15, 0.45, "assumption with no source: ±50% of 0.3")
      .integer("vacancy_fill_weeks", 0, 52, "weeks", "Weeks to fill a vacant post.", "assumption: 8–12",
               [](P& p) -> auto& { return p.workforce.vacancy_fill_weeks; })
      .plausible(8, 12, "MODEL_BRIEF §2.2: 8–12 weeks")
      .real("new_hire_skill", 0, 1, "skill 0-1", "Skill of a new hire.", "assumption",
            [](P& p) -> auto& { return p.workforce.new_hire_skill; })
      .plausible(0.3, 0.5, "MODEL_BRIEF §2.2 gives 0.4 [A]: ±0.1")
      .real("experience_skill_per_year", 0, 0.3, "skill/year", "Skill gained per year on the job.", "assumption",
            [](P& p) -> auto& { return p.workforce.experience_skill_per_year; })
      .plausible(0.015, 0.045, "assumption with no source: ±50%")
      .real("burnout_gain", 0, 0.2, "per week", "α_b: burnout added per week per unit of stress (admin share + 2 × overtime share).", "assumption",
            [](P& p) -> auto& { return p.workforce.burnout_gain; })
      .plausible(0.005, 0.015, "assumption with no source: ±50%")
      .real("burnout_recovery", 0.001, 0.5, "share/week", "r_b: share of burnout recovered per week.", "assumption",
            [](P& p) -> auto& { return p.workforce.burnout_recovery; })
      .plausible(0.01, 0.03, "assumption with no source: ±50%")
      .real("allocation_temperature", 0.05, 5, "utility units",
            "τ: how sharply workers choose between resident-facing work and records as the appraisal rewards them.",
            "assumption [MODEL_BRIEF §2.2]",
            [](P& p) -> auto& { return p.workforce.allocation_temperature; })
      .plausible(0.25, 1, "MODEL_BRIEF §2.2 τ, no value given: half to double 0.5")
      .real("service_motivation", 0, 3, "utility units",
            "m: intrinsic utility workers draw from resident-facing work, whatever the appraisal rewards "
            "(0.9 gives about a third of free hours to records before reform).",
            "assumption [MODEL_BRIEF §2.2]", [](P& p) -> auto& { return p.workforce.service_motivation; })
      .plausible(0.6, 1.2, "set so about a third of free hours go to records before reform [MODEL_BRIEF §4: admin + reporting 50–75%]: ±0.3")
      .real("score_gap_response", 0, 5, "utility units",
            "With appraisal feedback (appraisal.score_feedback, L18), the utility of each kind of work is its weight "
            "in the appraisal × (1 + this × the share of that part's points the last appraisal withheld): an hour "
            "earns more where the score has room to rise. 0 = workers ignore the result (knockout).",
            "assumption [MODEL_BRIEF §2.2: u_j = w_eval,j × marginal score gain + m_j]",
            [](P& p) -> auto& { return p.workforce.score_gap_response; })
      .plausible(0.5, 2, "assumption with no source: half to double; at 1 a part scored 60 weighs 1.4 times its weight")
      .real("single_specialty_fit", 0, 1, "fit 0-1",
            "Fit of a single-specialty worker's service in the specialist categories (elderly, family, disability, "
            "health); 1 elsewhere.",
            "assumption [MODEL_BRIEF §3.1: 0.5 generic, 1 matched]",
            [](P& p) -> auto& { return p.workforce.single_specialty_fit; })
      .plausible(0.5, 0.85, "between a generic service (0.5) and most of a matched one [MODEL_BRIEF §3.1]")
      .real("multi_skilled_fit", 0, 1, "fit 0-1",
            "The same fit for a worker trained to one specialty, many skills (一专多能, L7).",
            "assumption [MODEL_BRIEF §3.1]", [](P& p) -> auto& { return p.workforce.multi_skilled_fit; })
      .plausible(0.8, 1, "assumption: training closes most of the gap to a matched service (1)")
      .real("social_worker_casework_tilt", 1, 10, "multiplier",
            "Professional social-work posts (L2) weigh the casework and outreach waiting for them this many times.",
            "assumption", [](P& p) -> auto& { return p.workforce.social_worker_casework_tilt; })
      .plausible(1.5, 3, "assumption with no source")
      .real("quality_base", 0, 1, "quality 0-1",
            "Service quality of an unskilled, unlicensed worker: quality = base + per_skill × skill + licensed bonus.",
            "assumption", [](P& p) -> auto& { return p.workforce.quality_base; })
      .plausible(0.2, 0.4, "assumption with no source: ±0.1")
      .real("quality_per_skill", 0, 1, "quality/skill", "Service quality gained per unit of skill (0–1).", "assumption",
            [](P& p) -> auto& { return p.workforce.quality_per_skill; })
      .plausible(0.4, 0.6, "assumption with no source: ±0.1")
      .real("licensed_quality_bonus", 0, 0.5, "quality 0-1", "Service quality a licence (持证上岗, L7) adds.",
            "assumption [MODEL_BRIEF L7: certification raises base quality]",
            [](P& p) -> auto& { return p.workforce.licensed_quality_bonus; })
      .plausible(0.05, 0.15, "assumption with no source: ±50%")
      .real("overtime_stress_weight", 0, 10, "weight",
            "Burnout stress = admin share of the week + this × overtime share.", "assumption",
            [](P& p) -> auto& { return p.workforce.overtime_stress_weight; })
      .plausible(1, 3, "assumption: an overtime hour wears at least as much as an admin hour, up to three times")
      .real("new_hire_burnout", 0, 1, "burnout 0-1", "Burnout of a new hire.", "assumption",
            [](P& p) -> auto& { return p.workforce.new_hire_burnout; })
      .plausible(0, 0.1, "assumption with no source")
      .real("initial_skill_min", 0, 1, "skill 0-1", "Skill at the start is uniform from this to this + initial_skill_width.",
            "assumption", [](P& p) -> auto& { return p.workforce.initial_skill_min; })
      .plausible(0.3, 0.5, "around a new hire's skill (MODEL_BRIEF §2.2: 0.4)")
      .real("initial_skill_width", 0, 1, "skill 0-1", "Width of the starting skill range.", "assumption",
            [](P& p) -> auto& { return p.workforce.initial_skill_width; })
      .plausible(0.2, 0.5, "assumption with no source")
      .real("initial_burnout_min", 0, 1, "burnout 0-1",
            "Burnout at the start is uniform from this to this + initial_burnout_width.", "assumption",
            [](P& p) -> auto& { return p.workforce.initial_burnout_min; })
      .plausible(0.05, 0.2, "assumption with no source: half to double")
      .real("initial_burnout_width", 0, 1, "burnout 0-1", "Width of the starting burnout range.", "assumption",
            [](P& p) -> auto& { return p.workforce.initial_burnout_width; })
      .plausible(0.1, 0.3, "assumption with no source: ±50%")
      .integer("initial_tenure_max_weeks", 1, 2000, "weeks",
               "Tenure at the start is uniform from 0 to this (recorded; no mechanism reads tenure yet).",
               "assumption; [S22] Shenzhen mean tenure 1.7 years",
               [](P& p) -> auto& { return p.workforce.initial_tenure_max_weeks; })
      .plausible(156, 364, "[S22]: mean tenure 1.7 years (a uniform maximum of 3.4 years ≈ 177 weeks) to 7 years");
}

void add_admin(Schema& s) {
  TableBuilder(s, "admin", "Burden reduction")
      .real("admission_strictness", 0, 1, "probability", "Chance that an off-list task is refused (准入制度).",
            "[Seed]; 0.8 when on [MODEL_BRIEF L1]", [](P& p) -> auto& { return p.admin.admission_strictness; }, "L1")
      .real("leakage", 0, 1, "share 0-1",
            "Share of what burden reduction removes that comes back informally (减负悖论): of the admin hours cut "
            "or refused, and of the appraisals cut below the pre-reform 26 a year (as inspections under other "
            "names, 变相督查).",
            "[S30]; value assumption", [](P& p) -> auto& { return p.admin.leakage; }, "L1")
      .real("task_cut_share", 0, 0.9, "share 0-1", "Cut in admin inflow under the six rules (只降不升).",
            "[S44]: −50% in Huaiyin; assumption 0.3–0.5", [](P& p) -> auto& { return p.admin.task_cut_share; }, "L16")
      .integer("appraisals_per_year", 0, 100, "appraisals/year",
               "Appraisals and inspections per community per year (只减不增).", "[S41]: 26; [S44]: −85%",
               [](P& p) -> auto& { return p.admin.appraisals_per_year; }, "L16")
      .real("general_practice_share", 0, 1, "share 0-1",
            "Share of communities with general-practice social workers (全科社工, one-stop service).",
            "[Seed]; [S13] target 80–90%", [](P& p) -> auto& { return p.admin.general_practice_share; }, "L10")
      .real("station_separation_share", 0, 1, "share 0-1",
            "Share of communities that separate the residents' committee from the workstation (居站分设).", "[Seed]",
            [](P& p) -> auto& { return p.admin.station_separation_share; }, "L9")
      .boolean("services_only_grow",
               "Six rules, services only increase (只多不少): no category leaves the purchase catalogue and the "
               "purchase budget per community never falls from one year to the next (a cut or an adaptive "
               "decrease is blocked).",
               "[Seed] 六项规定", [](P& p) -> auto& { return p.admin.services_only_grow; }, "L16")
      .group("Burden model")
      .real("task_hours_per_1k_residents", 0, 200, "hours/week",
            "θ_task: admin hours pushed down per 1,000 residents per week (≈ 60% of worker time).",
            "[S40–S43]; calibrated to 60% admin share", [](P& p) -> auto& { return p.admin.task_hours_per_1k_residents; })
      .plausible(36, 54, "calibrated to the 60% admin share [MODEL_BRIEF §4: 50–75%]; 36–54 gives about 50–75%")
      .real("off_list_share", 0, 1, "share 0-1", "Share of pushed-down tasks that are not on the admitted list.",
            "assumption", [](P& p) -> auto& { return p.admin.off_list_share; })
      .plausible(0.2, 0.6, "assumption; [S41] 322 work items and 40 bodies placed in communities, many without approval: ±50% of 0.4")
      .real("prep_hours_per_appraisal", 0, 200, "hours", "Worker hours one appraisal or inspection costs (迎检).",
            "assumption", [](P& p) -> auto& { return p.admin.prep_hours_per_appraisal; })
      .plausible(10, 40, "assumption with no source: one to five working days of one worker per appraisal")
      .real("general_practice_admin_factor", 0.2, 1, "factor",
            "Admin time per task with 全科社工 (L10): line departments' tasks, and residents' errands (admin requests) "
            "at the one window, with no handoffs.",
            "[S27]: paperwork −40% → 0.6", [](P& p) -> auto& { return p.admin.general_practice_admin_factor; })
      .plausible(0.5, 0.8, "[S27]: paperwork −40% in one Ningxia case; cuts of 20–50% elsewhere are plausible")
      .integer("general_practice_desk_staff", 0, 20, "workers",
               "Where 全科社工 applies (L10), workers kept at the one-stop front desk (counter service); the others "
               "are sent to the grids (网格) and lean toward outreach and home visits (admin.grid_outreach_tilt).",
               "[S28]: 2 at the desk, the rest sent to the grids; MODEL_BRIEF L10: 1–2",
               [](P& p) -> auto& { return p.admin.general_practice_desk_staff; })
      .plausible(1, 3, "[S28] 2; MODEL_BRIEF L10 1–2 staff at the desk; 3 for a large community")
      .real("grid_outreach_tilt", 1, 20, "multiplier",
            "Where 全科社工 applies (L10), workers sent to the grids weigh the outreach and home-visit work waiting "
            "for them this many times when they split their free hours.",
            "assumption [S27]: home-visit time +50%; [S28] the rest sent to the grids",
            [](P& p) -> auto& { return p.admin.grid_outreach_tilt; })
      .plausible(1, 3, "[S27]: home-visit time +50% → 1.5; from no lean to double that")
      .real("grid_unrecorded_reach", 0, 1, "share 0-1",
            "Where 全科社工 applies (L10), share of the needs nobody reported and the three databases miss that grid "
            "workers' home visits can still reach (a need the databases show is always reachable).",
            "assumption [S27]: home visits +50%; [S28] grids",
            [](P& p) -> auto& { return p.admin.grid_unrecorded_reach; })
      .plausible(0, 0.5, "assumption with no source: 0 by default (no source says how much door-to-door visits find that the "
                 "databases miss); up to half")
      .real("committee_share_of_staff", 0, 0.9, "share 0-1",
            "Residents' committee members' share of staff where 居站分设 applies (kept free of admin tasks).",
            "assumption; [S12] 5–9 members", [](P& p) -> auto& { return p.admin.committee_share_of_staff; })
      .plausible(0.3, 0.5, "[S12]: 5–9 committee members among about 13 staff")
      .real("committee_self_governance_tilt", 1, 20, "multiplier",
            "Where 居站分设 applies (L9), committee members weigh the self-governance work waiting for them this many "
            "times when they split their free hours.",
            "assumption [Seed: 居行自治, the committee does self-governance]",
            [](P& p) -> auto& { return p.admin.committee_self_governance_tilt; })
      .plausible(2, 8, "assumption with no source: half to double")
      .real("weekly_fluctuation_sd", 0, 1, "share 0-1",
            "Admin inflow varies from week to week by the factor 1 + this × N(0, 1).", "assumption",
            [](P& p) -> auto& { return p.admin.weekly_fluctuation_sd; })
      .plausible(0.05, 0.2, "assumption with no source: half to double")
      .real("min_weekly_factor", 0, 1, "factor", "Lowest factor the weekly fluctuation of admin inflow can reach.", "assumption",
            [](P& p) -> auto& { return p.admin.min_weekly_factor; })
      .plausible(0.3, 0.7, "assumption with no source: a week never brings less than a third to two thirds of the usual");
}

}  // namespace shanzhi::gov::schema
