// Documentation of every scenario key: unit, range, meaning and source. docs/parameters.md is
// generated from this table (`shanzhi params --markdown`), and a test checks they agree.
// Sources: [Seed] = the Guangling report; [S#] = MODEL_BRIEF.md §7; "assumption" = a modelling
// choice to calibrate. Lever defaults are the pre-reform state; reforms are set in scenarios.

#include "models/governance/spec/parameter_schema.hpp"

#include <string>

namespace shanzhi::gov {
namespace {

using P = GovernanceParameters;

/// Adds keys of one scenario table ("[workforce]") with less repetition.
class TableBuilder {
 public:
  /// Keys of `table`, in docs/GUI group `group`; keys that are not levers have role `role`.
  TableBuilder(Schema& schema, std::string table, std::string group,
               sim::ParamRole role = sim::ParamRole::assumption)
      : schema_(schema), table_(std::move(table)), group_(std::move(group)), role_(role) {}

  /// Switches the GUI/docs group for the following (lever) keys of this table.
  TableBuilder& group(std::string group) {
    group_ = std::move(group);
    return *this;
  }

  /// Switches the role of the following keys (levers keep theirs).
  TableBuilder& role(sim::ParamRole role) {
    role_ = role;
    return *this;
  }

  /// The plausible range of the key added last (an assumption): [low, high] and why.
  TableBuilder& plausible(double low, double high, const char* reason) {
    schema_.set_plausible({low, high, reason});
    return *this;
  }

  template <class F>
  TableBuilder& real(const char* name, double lo, double hi, const char* unit, const char* meaning,
                     const char* source, F field, const char* lever = "") {
    schema_.add_real(info(name, unit, meaning, source, lever), lo, hi, field);
    return *this;
  }
  template <class F>
  TableBuilder& integer(const char* name, std::int64_t lo, std::int64_t hi, const char* unit,
                        const char* meaning, const char* source, F field, const char* lever = "") {
    schema_.add_integer(info(name, unit, meaning, source, lever), lo, hi, field);
    return *this;
  }
  template <class F>
  TableBuilder& boolean(const char* name, const char* meaning, const char* source, F field,
                        const char* lever = "") {
    schema_.add_boolean(info(name, "on/off", meaning, source, lever), field);
    return *this;
  }
  template <class F>
  TableBuilder& choice(const char* name, std::vector<std::string> names, const char* meaning,
                       const char* source, F field, const char* lever = "") {
    schema_.add_choice(info(name, "choice", meaning, source, lever), std::move(names), field);
    return *this;
  }

 private:
  sim::ParamInfo info(const char* name, const char* unit, const char* meaning, const char* source,
                      const char* lever) const {
    sim::ParamInfo i;
    i.key = table_ + "." + name;
    i.unit = unit;
    i.meaning = meaning;
    i.source = source;
    i.lever = lever;
    i.group = group_;
    i.role = role_;
    return i;
  }

  Schema& schema_;
  std::string table_;
  std::string group_;
  sim::ParamRole role_;
};

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
            [](P& p) -> auto& { return p.district.migrant_share; });
}

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

void add_satisfaction(Schema& s) {
  TableBuilder(s, "satisfaction", "Satisfaction model")
      .real("weight_quality", 0, 1, "weight", "ω_q: weight of service quality in perceived performance.",
            "assumption [MODEL_BRIEF §3.1]", [](P& p) -> auto& { return p.satisfaction.weight_quality; })
      .real("weight_wait", 0, 1, "weight", "ω_w: weight of the wait term exp(−W/W0).", "assumption",
            [](P& p) -> auto& { return p.satisfaction.weight_wait; })
      .real("weight_fit", 0, 1, "weight", "ω_f: weight of fit between service and need.", "assumption",
            [](P& p) -> auto& { return p.satisfaction.weight_fit; })
      .real("performance_noise_sd", 0, 30, "points", "Standard deviation of the noise ε on perceived performance.",
            "assumption [MODEL_BRIEF §3.1]", [](P& p) -> auto& { return p.satisfaction.performance_noise_sd; })
      .real("beta_performance", 0.4, 0.8, "coefficient", "β_P: effect of performance on encounter satisfaction.",
            "assumption; EDM [S1–S4]", [](P& p) -> auto& { return p.satisfaction.beta_performance; })
      .real("beta_expectation", 0, 0.2, "coefficient", "β_E: direct effect of expectations.",
            "[S2] positive; [S6] ≈ 0; [S5] r = .29", [](P& p) -> auto& { return p.satisfaction.beta_expectation; })
      .real("beta_disconfirmation", 0.2, 0.6, "coefficient", "β_D: effect of positive disconfirmation P − E.",
            "assumption; subtractive disconfirmation [S3]",
            [](P& p) -> auto& { return p.satisfaction.beta_disconfirmation; })
      .real("negativity_multiplier", 1, 3, "multiplier",
            "λ: negative disconfirmation weighs this many times more than positive.", "[S7, S9]; value assumption",
            [](P& p) -> auto& { return p.satisfaction.negativity_multiplier; })
      .real("beta_normative", 0.1, 0.3, "coefficient", "β_N: penalty when performance falls below the normative floor.",
            "[S6]; value assumption", [](P& p) -> auto& { return p.satisfaction.beta_normative; })
      .real("memory", 0.5, 0.8, "weight", "ρ: weight kept on the old category satisfaction after an encounter.",
            "assumption [MODEL_BRIEF §3.3]", [](P& p) -> auto& { return p.satisfaction.memory; })
      .real("weekly_reversion", 0.9, 1, "factor/week",
            "Without encounters, satisfaction keeps this share of its distance from the personal prior each week.",
            "assumption [MODEL_BRIEF §3.3]: 0.995", [](P& p) -> auto& { return p.satisfaction.weekly_reversion; })
      .real("unused_category_weight", 0, 1, "weight",
            "Weight of categories a resident has never used in overall satisfaction.", "assumption [MODEL_BRIEF §3.3]",
            [](P& p) -> auto& { return p.satisfaction.unused_category_weight; })
      .real("expectation_learning_rate", 0.05, 0.5, "rate/encounter",
            "η: step of expectations toward performance (doubled when performance disappoints).",
            "assumption; [S8] negativity", [](P& p) -> auto& { return p.satisfaction.expectation_learning_rate; })
      .real("normative_ratchet", 0, 0.1, "rate/encounter", "Step of the normative floor up toward better performance.",
            "assumption [MODEL_BRIEF §3.4]", [](P& p) -> auto& { return p.satisfaction.normative_ratchet; })
      .real("information_rate", 0, 1, "share/quarter",
            "η_I: each quarter every resident's expectation of a service moves this share of the way toward the "
            "performance residents of the community perceived in that service's needs closed that quarter (what "
            "they hear: neighbours, the public-sentiment database, published appraisals).",
            "MODEL_BRIEF §3.4 (E ← E + η(P − E) + η_I(I − E)); value assumption",
            [](P& p) -> auto& { return p.satisfaction.information_rate; })
      .plausible(0.03, 0.3, "assumption: the gap to what residents hear halves in 2 quarters (0.3) to 6 years (0.03)")
      .real("initial_mean", 20, 95, "points 0-100", "Mean satisfaction at the start.",
            "assumption; [S53] Chinese street surveys", [](P& p) -> auto& { return p.satisfaction.initial_mean; })
      .real("initial_sd", 0, 30, "points", "Spread of satisfaction at the start.", "assumption",
            [](P& p) -> auto& { return p.satisfaction.initial_sd; });
}

void add_word_of_mouth(Schema& s) {
  TableBuilder(s, "word_of_mouth", "Word of mouth")
      .integer("mean_degree", 2, 16, "ties", "Ties per resident in the building network (group leaders 3×).",
               "assumption [MODEL_BRIEF §3.5]: 6–10", [](P& p) -> auto& { return p.word_of_mouth.mean_degree; })
      .real("rewiring_probability", 0, 1, "probability", "Share of ties rewired to anyone in the community.",
            "assumption: small world p = 0.05", [](P& p) -> auto& { return p.word_of_mouth.rewiring_probability; })
      .real("talk_base", 0, 1, "probability/week", "Weekly chance that a neutral resident talks about services.",
            "assumption [S11]", [](P& p) -> auto& { return p.word_of_mouth.talk_base; })
      .real("talk_satisfied", 0, 1, "probability/week", "Extra talk chance at full satisfaction (S = 100).",
            "assumption [S11]", [](P& p) -> auto& { return p.word_of_mouth.talk_satisfied; })
      .real("talk_dissatisfied", 0, 1, "probability/week", "Extra talk chance at zero satisfaction.",
            "assumption [S11]", [](P& p) -> auto& { return p.word_of_mouth.talk_dissatisfied; })
      .real("influence", 0, 1, "rate", "μ: step of the listener's satisfaction toward the talker's.",
            "assumption; Deffuant [S20]", [](P& p) -> auto& { return p.word_of_mouth.influence; })
      .real("confidence_bound", 0, 100, "points", "ε: listeners ignore talkers whose satisfaction differs more.",
            "assumption [S20]", [](P& p) -> auto& { return p.word_of_mouth.confidence_bound; })
      .real("expectation_influence", 0, 1, "rate", "μ_E: step of the listener's expectation toward what they hear.",
            "assumption", [](P& p) -> auto& { return p.word_of_mouth.expectation_influence; });
}

void add_trust(Schema& s) {
  TableBuilder(s, "trust", "Trust")
      .real("initial_mean", 0, 100, "points 0-100", "Mean trust in the community at the start.", "assumption",
            [](P& p) -> auto& { return p.trust.initial_mean; })
      .real("gain_rate", 0, 0.2, "rate/week", "γ⁺: weekly step of trust toward higher satisfaction.",
            "assumption [MODEL_BRIEF §3.6]", [](P& p) -> auto& { return p.trust.gain_rate; })
      .real("loss_multiplier", 1, 5, "multiplier", "γ⁻/γ⁺: trust falls this many times faster than it rises.",
            "[S18]; value assumption", [](P& p) -> auto& { return p.trust.loss_multiplier; })
      .real("participation_gain", 0, 5, "points/event", "θ_p: trust gained per meeting attended.",
            "assumption [MODEL_BRIEF §3.6]", [](P& p) -> auto& { return p.trust.participation_gain; })
      .real("complaint_loss", 0, 10, "points/complaint", "θ_c: trust lost per unresolved complaint.", "assumption",
            [](P& p) -> auto& { return p.trust.complaint_loss; })
      .real("transparency_gain", 0, 0.5, "points/week", "Weekly trust gain from the five affairs in the open.",
            "assumption", [](P& p) -> auto& { return p.trust.transparency_gain; });
}

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
      .real("certified_share", 0, 1, "share 0-1", "Share of workers licensed (持证上岗); licensed staff serve better.",
            "[S39]: 71.6% certified in Changzhou", [](P& p) -> auto& { return p.workforce.certified_share; }, "L7")
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
      .real("hours_per_week", 20, 60, "hours/week", "Contract hours of a worker.", "assumption [MODEL_BRIEF §2.2]",
            [](P& p) -> auto& { return p.workforce.hours_per_week; })
      .real("max_overtime_hours", 0, 30, "hours/week", "Overtime a worker will do for mandatory tasks.",
            "assumption", [](P& p) -> auto& { return p.workforce.max_overtime_hours; })
      .real("turnover_reference_annual", 0, 1, "share/year", "h0: annual turnover at pay ratio 1 with no burnout.",
            "calibrated to ≈ 20%/yr at baseline [S22–S24]",
            [](P& p) -> auto& { return p.workforce.turnover_reference_annual; })
      .real("pay_sensitivity", 0, 6, "coefficient", "β_w in h = h0·exp(−β_w(pay − 1))·(1 + β_b·burnout).",
            "assumption: 2–4", [](P& p) -> auto& { return p.workforce.pay_sensitivity; })
      .real("burnout_sensitivity", 0, 4, "coefficient", "β_b: turnover hazard rises with burnout.",
            "assumption: 1–2", [](P& p) -> auto& { return p.workforce.burnout_sensitivity; })
      .real("promotion_hazard_cut", 0, 1, "share 0-1", "Cut in the turnover hazard when a promotion path exists.",
            "assumption", [](P& p) -> auto& { return p.workforce.promotion_hazard_cut; })
      .integer("vacancy_fill_weeks", 0, 52, "weeks", "Weeks to fill a vacant post.", "assumption: 8–12",
               [](P& p) -> auto& { return p.workforce.vacancy_fill_weeks; })
      .real("new_hire_skill", 0, 1, "skill 0-1", "Skill of a new hire.", "assumption",
            [](P& p) -> auto& { return p.workforce.new_hire_skill; })
      .real("experience_skill_per_year", 0, 0.3, "skill/year", "Skill gained per year on the job.", "assumption",
            [](P& p) -> auto& { return p.workforce.experience_skill_per_year; })
      .real("burnout_gain", 0, 0.2, "per week", "α_b: burnout added per week per unit of stress (admin share + 2 × overtime share).", "assumption",
            [](P& p) -> auto& { return p.workforce.burnout_gain; })
      .real("burnout_recovery", 0.001, 0.5, "share/week", "r_b: share of burnout recovered per week.", "assumption",
            [](P& p) -> auto& { return p.workforce.burnout_recovery; })
      .real("allocation_temperature", 0.05, 5, "utility units",
            "τ: how sharply workers choose between resident-facing work and records as the appraisal rewards them.",
            "assumption [MODEL_BRIEF §2.2]",
            [](P& p) -> auto& { return p.workforce.allocation_temperature; })
      .real("service_motivation", 0, 3, "utility units",
            "m: intrinsic utility workers draw from resident-facing work, whatever the appraisal rewards "
            "(0.9 gives about a third of free hours to records before reform).",
            "assumption [MODEL_BRIEF §2.2]", [](P& p) -> auto& { return p.workforce.service_motivation; });
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
      .real("off_list_share", 0, 1, "share 0-1", "Share of pushed-down tasks that are not on the admitted list.",
            "assumption", [](P& p) -> auto& { return p.admin.off_list_share; })
      .real("prep_hours_per_appraisal", 0, 200, "hours", "Worker hours one appraisal or inspection costs (迎检).",
            "assumption", [](P& p) -> auto& { return p.admin.prep_hours_per_appraisal; })
      .real("general_practice_admin_factor", 0.2, 1, "factor", "Admin time per task with 全科社工.",
            "[S27]: paperwork −40% → 0.6", [](P& p) -> auto& { return p.admin.general_practice_admin_factor; })
      .real("committee_share_of_staff", 0, 0.9, "share 0-1",
            "Residents' committee members' share of staff where 居站分设 applies (kept free of admin tasks).",
            "assumption; [S12] 5–9 members", [](P& p) -> auto& { return p.admin.committee_share_of_staff; });
}

void add_purchase(Schema& s) {
  TableBuilder(s, "purchase", "Purchase of services")
      .real("budget_per_community_yuan", 0, 5'000'000, "CNY/year",
            "Annual government purchase-of-services budget per community (政府购买服务).",
            "assumption ¥150–300k [MODEL_BRIEF §4]", [](P& p) -> auto& { return p.purchase.budget_per_community_yuan; },
            "L3")
      .choice("mode", {"commissioned", "tendered"},
              "Delivery mode: commissioned (委托, to the incumbent) or tendered (购买, competitive bids).", "[Seed]",
              [](P& p) -> auto& { return p.purchase.mode; }, "L3")
      .group("Purchase model")
      .real("price_per_hour_yuan", 10, 500, "CNY/hour",
            "Highest price per service hour a tender accepts; commissioned contracts pay cost plus margin below it.",
            "assumption: ≈ ¥100k per post-year [MODEL_BRIEF §4: ¥80–100k]", [](P& p) -> auto& { return p.purchase.price_per_hour_yuan; })
      .real("award_weight_quality", 0, 1, "weight", "Weight of observed quality in tender scores.",
            "assumption [MODEL_BRIEF §2.3]", [](P& p) -> auto& { return p.purchase.award_weight_quality; })
      .real("award_weight_price", 0, 1, "weight", "Weight of price in tender scores.", "assumption",
            [](P& p) -> auto& { return p.purchase.award_weight_price; })
      .real("award_weight_embeddedness", 0, 1, "weight", "Weight of local embeddedness in tender scores.",
            "assumption; [Seed] rooted SOs preferred", [](P& p) -> auto& { return p.purchase.award_weight_embeddedness; })
      .real("reputation_noise_sd", 0, 1, "quality units", "Noise on quality as seen by the buyer in a tender.",
            "assumption", [](P& p) -> auto& { return p.purchase.reputation_noise_sd; })
      .real("tender_min_quality", 0, 1, "quality 0-1",
            "Qualification bar of a tender (资质要求): an organisation whose quality is below it cannot bid (it "
            "lacks the certified staff and track record a tender asks for); small organisations below it reach "
            "purchased work only as a flagship's partner (由大带小) or by growing over the bar.",
            "assumption; [S29] small organisations' dependence on government work",
            [](P& p) -> auto& { return p.purchase.tender_min_quality; })
      .real("bid_competition", 0, 2, "exponent",
            "How strongly rivals press tender prices: a bidder facing n qualified bidders (itself included) "
            "asks its usual margin over cost (5–20%, by its reserves) divided by n to this power; 0 = bids "
            "ignore rivals and equal commissioned prices.",
            "first-price procurement auction, symmetric bidders: equilibrium margin ∝ 1/n (Krishna, Auction "
            "Theory, 2010, ch. 2); exponent 1 an assumption",
            [](P& p) -> auto& { return p.purchase.bid_competition; })
      .real("direct_cost_per_hour_yuan", 5, 500, "CNY/hour",
            "Cost of one hour of government or workstation staff time on a DIRECT catalogue item (wage plus "
            "on-costs, no margin, no tender).",
            "assumption: ¥5,000/month × 1.5 on-costs / 173 h ≈ ¥45", [](P& p) -> auto& { return p.purchase.direct_cost_per_hour_yuan; })
      .real("direct_hours_per_1k_residents", 0, 50, "hours/week",
            "Most DIRECT service hours staff can add per 1,000 residents a week: direct delivery is capped by "
            "worker hours; money beyond the cap stays unspent.",
            "assumption [MODEL_BRIEF fact 15]", [](P& p) -> auto& { return p.purchase.direct_hours_per_1k_residents; })
      .real("tender_admin_hours_per_lot", 0, 500, "hours/year",
            "Community worker hours one tendered lot costs per year (needs statement, bid review, acceptance "
            "checks); they join the mandatory admin hours.",
            "assumption [MODEL_BRIEF fact 15: tender overhead]", [](P& p) -> auto& { return p.purchase.tender_admin_hours_per_lot; })
      .real("commission_admin_hours_per_lot", 0, 500, "hours/year",
            "The same for a commissioned lot (no competition, less paperwork).", "assumption",
            [](P& p) -> auto& { return p.purchase.commission_admin_hours_per_lot; })
      .integer("handover_weeks", 0, 52, "weeks",
               "Weeks of lower quality after a lot changes provider (continuity dip).",
               "assumption [MODEL_BRIEF fact 15]", [](P& p) -> auto& { return p.purchase.handover_weeks; })
      .real("handover_quality_factor", 0.1, 1, "factor", "Quality multiplier of a new provider during the handover.",
            "assumption", [](P& p) -> auto& { return p.purchase.handover_quality_factor; })
      .group("Government")
      .role(sim::ParamRole::option)
      .boolean("adaptive_budget",
               "Adaptive budget rule: each fiscal year the district raises the purchase budget by the step when "
               "appraised satisfaction is below the target and lowers it when it is 5 points or more above.",
               "MODEL_BRIEF §2.5 (optional rule); assumption", [](P& p) -> auto& { return p.purchase.adaptive_budget; })
      .real("satisfaction_target", 0, 100, "points 0-100", "Appraised satisfaction the adaptive budget rule aims at.",
            "assumption", [](P& p) -> auto& { return p.purchase.satisfaction_target; })
      .real("adaptive_step_share", 0, 1, "share 0-1", "Yearly budget change under the adaptive rule.", "assumption",
            [](P& p) -> auto& { return p.purchase.adaptive_step_share; });
}

void add_catalogue(Schema& s) {
  TableBuilder table(s, "catalogue", "Purchase of services");
  for (int k = 0; k < category_count; ++k) {
    const std::string meaning = "How " + std::string(info(k).name_en) + " (" + std::string(info(k).name_zh) +
                                ") is provided: off (left to the community's own staff), direct (直接服务: "
                                "government staff hours bought from the purchase budget), purchase (bought from "
                                "organisations as purchase.mode says), commissioned (委托) or tendered (购买).";
    const std::string name(info(k).key);
    table.choice(name.c_str(), {"off", "direct", "purchase", "commissioned", "tendered"}, meaning.c_str(),
                 "[Seed] 政府购买服务目录; default catalogue assumption",
                 [k](P& p) -> auto& { return p.catalogue.mode[static_cast<std::size_t>(k)]; }, "L3");
  }
}

void add_organizations(Schema& s) {
  TableBuilder(s, "organizations", "Three-society linkage")
      .boolean("hub", "A street social-work development centre (三社联动 hub) that trains member organisations.",
               "[Seed]", [](P& p) -> auto& { return p.organizations.hub; }, "L11")
      .real("direct_grant_yuan", 0, 1'000'000, "CNY/year", "Operating grant per organisation per year (直接资助).",
            "[Seed]; value assumption", [](P& p) -> auto& { return p.organizations.direct_grant_yuan; }, "L12")
      .real("award_pool_yuan", 0, 50'000'000, "CNY/year",
            "District pool of awards paid after the fact on rated quality (以奖代补).", "[Seed]; value assumption",
            [](P& p) -> auto& { return p.organizations.award_pool_yuan; }, "L12")
      .real("venture_budget_yuan", 0, 50'000'000, "CNY/year", "District venture-philanthropy fund (公益创投).",
            "[S48, S49]: ¥1–3m/yr assumption", [](P& p) -> auto& { return p.organizations.venture_budget_yuan; }, "L12")
      .real("big_leads_small_share", 0, 0.8, "share 0-1",
            "Share of each lot a professional agency wins that it passes to a small rooted organisation it mentors "
            "(由大带小).", "[Seed]; 0.2 assumption [MODEL_BRIEF L13]",
            [](P& p) -> auto& { return p.organizations.big_leads_small_share; }, "L13")
      .real("subsidy_yuan_per_staff_month", 0, 10'000, "CNY/month",
            "Subsidy per full-time social worker from party service funds.", "[Seed]; value assumption",
            [](P& p) -> auto& { return p.organizations.subsidy_yuan_per_staff_month; }, "L17")
      .group("Organisation model")
      .integer("per_street", 0, 500, "organisations",
               "Social organisations per street at the start, and the street's room for organisations living without the "
               "district's money (fees, donations, volunteers, work elsewhere): when closures leave a kind (agencies, "
               "grassroots groups) short of its share, new ones of that kind are founded (founding_rate).",
               "assumption: 15–25 [MODEL_BRIEF §4]", [](P& p) -> auto& { return p.organizations.per_street; })
      .plausible(15, 25, "MODEL_BRIEF §4: default 15–25 social organisations per street [A]")
      .real("founding_rate", 0, 12, "per year",
            "Organisations founded per year per missing organisation when a street has fewer than per_street (a gap "
            "closes in 1/rate years); venture philanthropy founds more on top.",
            "assumption; needed for a settled pre-reform district (docs/model.md)",
            [](P& p) -> auto& { return p.organizations.founding_rate; })
      .plausible(0.2, 2, "assumption: a closed group is replaced within 6 months (2) to 5 years (0.2)")
      .real("core_staff", 0.1, 5, "staff",
            "Paid staff an organisation keeps without contracts (a part-time coordinator working with volunteers); "
            "contracts add staff as they need.",
            "assumption; grassroots groups run on volunteers [S29]", [](P& p) -> auto& { return p.organizations.core_staff; })
      .plausible(0.25, 1, "assumption: a quarter-time coordinator to one full-time member")
      .real("crowding_out", 0, 1, "share 0-1",
            "Share of an organisation's fee and donation income lost per share of its street's demand (in catalogue "
            "categories) that other organisations serve under contract, free to residents: users and donors go to "
            "the contracted provider (winner-take-most).",
            "assumption; MODEL_BRIEF fact 10, [S29] dependence on government money",
            [](P& p) -> auto& { return p.organizations.crowding_out; })
      .plausible(0.3, 1, "assumption: contracted services take between a third and all of the fee-paying users")
      .real("professional_share", 0, 1, "share 0-1", "Share that are professional social-work agencies.",
            "assumption: 20%", [](P& p) -> auto& { return p.organizations.professional_share; })
      .real("mean_staff", 1, 50, "staff", "Mean full-time staff of an organisation.", "assumption",
            [](P& p) -> auto& { return p.organizations.mean_staff; })
      .real("wage_yuan_per_month", 1000, 30000, "CNY/month", "Monthly wage of an organisation's staff member.",
            "assumption", [](P& p) -> auto& { return p.organizations.wage_yuan_per_month; })
      .real("overhead_share", 0, 2, "share of wages", "Overhead costs as a share of the wage bill.", "assumption",
            [](P& p) -> auto& { return p.organizations.overhead_share; })
      .real("initial_reserve_months", 0, 36, "months of costs", "Cash reserves at the start.", "assumption",
            [](P& p) -> auto& { return p.organizations.initial_reserve_months; })
      .real("other_income_yuan_per_month", 0, 200'000, "CNY/month",
            "Mean income from fees, donations and CSR per organisation.", "assumption; [S29] dependence",
            [](P& p) -> auto& { return p.organizations.other_income_yuan_per_month; })
      .integer("months_negative_to_exit", 1, 24, "months", "An organisation closes after this many months in debt.",
               "assumption [MODEL_BRIEF §2.3]", [](P& p) -> auto& { return p.organizations.months_negative_to_exit; })
      .real("venture_grant_yuan", 1000, 1'000'000, "CNY", "Seed grant to one new organisation from the venture fund.",
            "[S49]: ≈ ¥35k; [S45]: up to ¥300k", [](P& p) -> auto& { return p.organizations.venture_grant_yuan; })
      .real("hub_quality_gain_per_quarter", 0, 0.2, "quality/quarter", "Quality gained by hub members each quarter.",
            "assumption [MODEL_BRIEF L11]", [](P& p) -> auto& { return p.organizations.hub_quality_gain_per_quarter; })
      .real("quality_learning_per_year", 0, 0.2, "quality/year", "Quality gained per year of contract work.",
            "assumption", [](P& p) -> auto& { return p.organizations.quality_learning_per_year; })
      .real("mentoring_quality_per_quarter", 0, 0.2, "quality/quarter",
            "Quality a mentored small organisation gains each quarter under 由大带小.", "assumption [MODEL_BRIEF L13]",
            [](P& p) -> auto& { return p.organizations.mentoring_quality_per_quarter; });
}

void add_enterprises(Schema& s) {
  TableBuilder(s, "enterprises", "Co-building")
      .boolean("governance_council", "Community governance council (社区治理事务会) with property companies and units.",
               "[Seed]", [](P& p) -> auto& { return p.enterprises.governance_council; }, "L20")
      .boolean("party_pairing", "Party organisations of resident units pair with the community (共驻共建).", "[Seed]",
               [](P& p) -> auto& { return p.enterprises.party_pairing; }, "L21")
      .group("Enterprise model")
      .real("property_quality_mean", 0, 1, "quality 0-1", "Mean service quality of property companies.",
            "assumption", [](P& p) -> auto& { return p.enterprises.property_quality_mean; })
      .real("property_hours_per_1k_residents", 0, 100, "hours/week",
            "Property-company service hours per 1,000 residents per week.", "assumption",
            [](P& p) -> auto& { return p.enterprises.property_hours_per_1k_residents; })
      .real("council_responsiveness_gain", 0, 1, "share 0-1",
            "Extra property-company hours and quality where the council meets.", "assumption",
            [](P& p) -> auto& { return p.enterprises.council_responsiveness_gain; })
      .integer("resident_units_per_community", 0, 50, "units", "Resident units (驻区单位) per community.",
               "assumption", [](P& p) -> auto& { return p.enterprises.resident_units_per_community; })
      .real("facility_hours_per_week", 0, 200, "hours/week", "Facility hours a unit adds to culture and sports when open.",
            "assumption", [](P& p) -> auto& { return p.enterprises.facility_hours_per_week; })
      .real("open_logit_base", -10, 10, "logit", "a0: log-odds that a unit opens its facilities in a month.",
            "assumption [MODEL_BRIEF §2.4]", [](P& p) -> auto& { return p.enterprises.open_logit_base; })
      .real("open_logit_council", 0, 5, "logit", "a2: extra log-odds where the council meets.", "assumption",
            [](P& p) -> auto& { return p.enterprises.open_logit_council; })
      .real("open_logit_pairing", 0, 5, "logit", "a3: extra log-odds with party pairing.", "assumption",
            [](P& p) -> auto& { return p.enterprises.open_logit_pairing; });
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

void add_coordination(Schema& s) {
  TableBuilder(s, "coordination", "Collaborative governance")
      .real("party_coordination", 0, 1, "index 0-1",
            "c: how well the community party organisation coordinates the actors (一核多元); scales the effects "
            "of the governance council and of party pairing (c = 0.8 gives their stated effects).",
            "[Seed]; 0.5–0.9 assumption [MODEL_BRIEF L5]",
            [](P& p) -> auto& { return p.coordination.party_coordination; }, "L5");
}

Schema build_schema() {
  Schema s;
  add_run(s);
  add_district(s);
  add_needs(s);
  add_satisfaction(s);
  add_word_of_mouth(s);
  add_trust(s);
  add_participation(s);
  add_workforce(s);
  add_admin(s);
  add_purchase(s);
  add_catalogue(s);
  add_organizations(s);
  add_enterprises(s);
  add_information(s);
  add_appraisal(s);
  add_coordination(s);
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
