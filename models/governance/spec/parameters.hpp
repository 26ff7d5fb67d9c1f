#pragma once
// Every parameter of the governance model, grouped as in the scenario file. Member initializers
// are the documented defaults (docs/parameters.md is generated from parameter_schema.cpp, which
// binds each field to its key, unit, range and source). Lever defaults are the PRE-REFORM values;
// scenarios switch reforms on. All shares are 0–1, money is CNY, time is weeks or hours/week.
// Every number the model assumes lives here, with a key, not as a constant in a phase: a scan in
// tests/models/test_assumption_keys.cpp fails when one appears elsewhere in models/.

#include "models/governance/spec/service_category.hpp"

#include <array>
#include <cstdint>

namespace shanzhi::gov {

enum class QueueRule : std::uint8_t { fifo, priority };
enum class PurchaseMode : std::uint8_t { commissioned, tendered };
/// How one category of the purchase catalogue (L3) is delivered: not on the catalogue; DIRECT
/// (直接服务, government staff hours paid from the budget); bought from organisations in the way
/// `purchase.mode` says; or explicitly COMMISSIONED (委托) or TENDERED (购买).
enum class CatalogueMode : std::uint8_t { off, direct, purchase, commissioned, tendered };

struct RunParameters {
  std::int64_t seed = 1;
  std::int64_t weeks = 260;          ///< recorded horizon after burn-in (5 years)
  std::int64_t spin_up_years = 20;   ///< pilot run that settles the pre-reform state (spin_up.hpp)
  std::int64_t burn_in_weeks = 52;   ///< run with every lever at its pre-reform value
  std::int64_t breakdown_every_weeks = 13;  ///< cadence of breakdowns.csv (0 = only the last week)
};

struct DistrictParameters {
  std::int64_t streets = 4;
  std::int64_t communities_per_street = 12;
  std::int64_t residents_per_community = 7000;
  std::int64_t residents_per_building = 60;
  std::int64_t residents_per_compound = 2400;
  double share_age_0_14 = 0.11;
  double share_age_60_79 = 0.21;
  double share_age_80_plus = 0.05;
  double living_alone_share_of_elderly = 0.20;
  double disability_share = 0.065;
  double low_income_share = 0.015;
  double migrant_share = 0.15;
  /// Disability is this many times as common at 80+ as below (an assumption, not structure).
  double disability_factor_80_plus = 2.0;
  /// Buildings that make one resident group (居民小组), whose first adult is its leader.
  std::int64_t buildings_per_resident_group = 4;
};

struct NeedParameters {
  double rate_scale = 1.0;                 ///< multiplies every need rate (uncertainty)
  double self_referral_awareness = 0.75;   ///< a_k: chance a need is brought forward unprompted
  double vulnerable_access_barrier = 0.5;  ///< cut in self-referral for isolated elderly/disabled
  std::int64_t max_wait_weeks = 8;         ///< W_max: a request older than this goes unmet
  // Needs per person per year by category, age band and flag, before rate_scale
  // (state/demography.cpp builds the weekly tables from them). Categories a group cannot have
  // (elderly care under 60, disability services without a disability) are 0 by definition.
  double annual_rate_admin_child = 0.2;
  double annual_rate_admin_15_plus = 0.6;
  double annual_rate_assistance_low_income = 2.0;
  double annual_rate_assistance_other = 0.02;
  double annual_rate_elderly_care_60_79 = 0.3;
  double annual_rate_elderly_care_80_plus = 1.5;
  double elderly_care_living_alone_factor = 2.0;
  double annual_rate_family_child = 0.6;
  double annual_rate_family_15_59 = 0.15;
  double annual_rate_family_60_plus = 0.02;
  double annual_rate_disability_disabled = 2.0;
  double annual_rate_health_60_plus = 0.5;
  double annual_rate_health_under_60 = 0.2;
  double annual_rate_culture_child = 0.6;
  double annual_rate_culture_15_59 = 0.4;
  double annual_rate_culture_60_plus = 1.0;
  double annual_rate_environment = 0.4;
  double annual_rate_safety_migrant = 0.15;
  double annual_rate_safety_other = 0.1;
};

/// What one request of each category asks of a provider, and how long residents will wait for it
/// (indexed by Category).
struct ServiceParameters {
  /// Provider hours one request takes.
  std::array<double, category_count> hours_per_request{0.5, 2.0, 2.0, 1.0, 2.0, 0.5, 0.25, 0.5, 1.0};
  /// W0: the wait term of perceived performance is exp(−W/W0).
  std::array<double, category_count> tolerable_wait_weeks{1, 3, 4, 4, 4, 3, 3, 2, 2};
  /// Highest quality any provider (organisation or property company) reaches; 1 − it is the lowest.
  double max_provider_quality = 0.95;

  /// Hours per request of category k as the float the phases compute with.
  float hours_per_request_of(int k) const { return static_cast<float>(hours_per_request[static_cast<std::size_t>(k)]); }
  float tolerable_wait_of(int k) const { return static_cast<float>(tolerable_wait_weeks[static_cast<std::size_t>(k)]); }
};

struct SatisfactionParameters {
  double weight_quality = 0.5;             ///< ω_q
  double weight_wait = 0.3;                ///< ω_w
  double weight_fit = 0.2;                 ///< ω_f
  double performance_noise_sd = 8;
  double beta_performance = 0.6;           ///< β_P
  double beta_expectation = 0.1;           ///< β_E
  double beta_disconfirmation = 0.4;       ///< β_D
  double negativity_multiplier = 2.0;      ///< λ
  double beta_normative = 0.2;             ///< β_N
  double memory = 0.7;                     ///< ρ
  double weekly_reversion = 0.995;         ///< drift toward the personal prior without encounters
  double unused_category_weight = 0.3;
  double expectation_learning_rate = 0.2;  ///< η
  double normative_ratchet = 0.02;
  double information_rate = 0.1;           ///< η_I: share of the gap to what residents hear, per quarter
  double initial_mean = 70;
  double initial_sd = 12;
  /// β0 = anchor·(1 − β_P − β_E): P = E = anchor leaves encounter satisfaction at the anchor.
  double anchor_points = 70;
  double disappointment_learning_factor = 2.0;  ///< η × this when performance falls short
  double salience_floor = 0.1;             ///< needs/year added to every category's salience
  double initial_category_sd = 5;          ///< spread of S_k around the personal prior at the start
  double initial_expectation_sd = 5;       ///< spread of E_k around initial_mean at the start
  double initial_normative_gap = 10;       ///< En_k starts this many points below E_k
};

struct WordOfMouthParameters {
  std::int64_t mean_degree = 8;
  double rewiring_probability = 0.05;
  double talk_base = 0.05;
  double talk_satisfied = 0.15;
  double talk_dissatisfied = 0.30;
  double influence = 0.2;                  ///< μ
  double confidence_bound = 40;            ///< ε, points
  double expectation_influence = 0.1;      ///< μ_E
  std::int64_t leader_degree_factor = 3;   ///< group leaders have this many times the ties
  double talk_satisfied_above = 70;        ///< S above which the satisfied talk more
  double talk_dissatisfied_below = 50;     ///< S below which the dissatisfied talk more
  double experienced_influence_factor = 0.5;  ///< μ × this for a listener who used the service
};

struct TrustParameters {
  double initial_mean = 60;
  double gain_rate = 0.02;                 ///< γ⁺ per week
  double loss_multiplier = 2.5;            ///< γ⁻ = multiplier × γ⁺
  double participation_gain = 1.0;         ///< θ_p points per event attended
  double complaint_loss = 2.0;             ///< θ_c points per unresolved complaint
  double transparency_gain = 0.02;         ///< points/week at full transparency (五务公开)
  double initial_sd = 12;                  ///< spread of community trust at the start
  double hierarchical_share = 0.5;         ///< residents starting with T_dist ≥ T_street ≥ T_comm
  double hierarchical_step_max = 10;       ///< each level up is 0 to this many points higher
  double level_sd = 5;                     ///< others: street and district trust ± this around T_comm
  double street_rate_factor = 0.5;         ///< street trust follows satisfaction at this × the pace
  double district_rate_factor = 0.25;      ///< district trust likewise
  double belonging_premium = 0.5;          ///< trust anchor = S + this × (belonging − 50)
  double complaint_resolved_share = 0.5;   ///< complaints resolved before they cost trust
};

struct ParticipationParameters {
  std::int64_t meetings_per_year = 4;      ///< L15: scheduled meetings (four meetings × frequency)
  double base_logit = -4.0;
  double elderly_logit = 0.7;
  double trust_logit = 1.0;                ///< per (T − 50)/50
  double belonging_gain = 2.0;             ///< points of belonging per event attended
  double facilitation_logit = 0.8;         ///< extra log-odds when workers put hours into self-governance
  bool group_leader_support = false;       ///< L14: room, training, activities for group leaders
  double leader_report_share = 0.3;        ///< unseen needs a supported leader brings to light
  bool open_affairs = false;               ///< L15: five affairs in the open (transparency)
  double complaint_propensity = 0.04;      ///< κ: weekly complaint chance at S = 0
  bool deliberation_platform = false;      ///< L4/L15: 议事决策 platform running the five steps (五议)
  std::int64_t projects_per_year = 0;      ///< L4: N community-specific projects per community a year
  double project_budget_yuan = 30000;      ///< money for one project-year
  std::int64_t weeks_per_deliberation_step = 2;  ///< weeks each of the five steps takes
  bool two_evaluations = false;            ///< L15 两评: residents rate the committee, it rates the street
  std::int64_t evaluation_week_mid_year = 26;  ///< week of the year (1–52) of the first evaluation
  std::int64_t evaluation_week_year_end = 51;  ///< ... and of the second
  double rating_trust_weight = 0.5;        ///< a rater's score of the committee = (1 − this)·S + this·T_comm
  double leader_logit = 1.5;               ///< extra log-odds of attending for group leaders
  double supported_leader_logit = 1.0;     ///< L14: leaders' further log-odds with support
  double supported_neighbour_logit = 0.4;  ///< L14: every adult's log-odds with supported leaders
  double facilitation_hours_per_1k_residents = 10;  ///< self-governance hours/week that meetings and groups take
  double belonging_reversion = 0.005;      ///< weekly step of belonging back toward neutral (50)
  double initial_belonging_mean = 50;
  double initial_belonging_sd = 15;
  double complaint_below_points = 50;      ///< residents complain only below this satisfaction
  double deliberated_project_fit = 1.0;    ///< fit of a project residents chose (五议)
  double office_project_fit = 0.8;         ///< fit of a project the office chose alone
};

struct WorkforceParameters {
  double workers_per_10k_residents = 18;
  std::int64_t social_work_posts_per_community = 0;  ///< L2: professional social-work station posts
  double hours_per_week = 40;
  double max_overtime_hours = 10;
  double pay_ratio = 0.8;                  ///< L17: pay / local reference wage
  double turnover_reference_annual = 0.065; ///< h0 at pay ratio 1 and no burnout
  double pay_sensitivity = 3.0;            ///< β_w
  double burnout_sensitivity = 1.5;        ///< β_b
  bool promotion_path = false;             ///< L7
  double promotion_hazard_cut = 0.3;
  std::int64_t vacancy_fill_weeks = 10;
  double new_hire_skill = 0.4;
  double experience_skill_per_year = 0.03;
  double training_skill_per_year = 0.0;    ///< L7: training 教育培训
  double certified_share = 0.3;            ///< L7: licensing 持证上岗 (share licensed when hired)
  double certification_rate_per_year = 0.0;  ///< L7: exam passes per unlicensed worker-year (licensing drive)
  double licensed_pay_premium = 0.0;       ///< L7: pay grade of a licence, as a share of the reference wage
  double multi_skilled_share = 0.0;        ///< L7: workers trained to 一专多能 (one specialty, many skills)
  double burnout_gain = 0.01;              ///< α_b: burnout added per week per unit of stress
  double burnout_recovery = 0.02;          ///< r_b: share of burnout recovered per week
  double allocation_temperature = 0.5;     ///< τ of the softmax over discretionary activities
  double service_motivation = 0.9;         ///< m: intrinsic utility of resident-facing work
  double resident_evaluation_weight = 0.2; ///< L18 w_res: residents' share of the appraisal
  double score_gap_response = 1.0;         ///< L18 feedback: utility per unit of a part's shortfall × its weight
  double single_specialty_fit = 0.7;       ///< fit of a single-specialty worker in specialist categories
  double multi_skilled_fit = 0.9;          ///< the same after 一专多能 training
  double social_worker_casework_tilt = 2;  ///< L2 posts weigh casework and outreach demand × this
  double quality_base = 0.3;               ///< worker quality = base + per_skill·skill + licensed bonus
  double quality_per_skill = 0.5;
  double licensed_quality_bonus = 0.1;
  double overtime_stress_weight = 2;       ///< stress = admin share + this × overtime share
  double new_hire_burnout = 0.05;
  double initial_skill_min = 0.4;          ///< skill at the start: uniform from min to min + width
  double initial_skill_width = 0.4;
  double initial_burnout_min = 0.1;        ///< burnout at the start: uniform from min to min + width
  double initial_burnout_width = 0.2;
  std::int64_t initial_tenure_max_weeks = 260;  ///< tenure at the start: uniform 0 to this
};

struct AdminParameters {
  double task_hours_per_1k_residents = 43; ///< θ_task: admin hours pushed down per week
  double off_list_share = 0.4;             ///< share of tasks not on the admitted list
  double admission_strictness = 0.0;       ///< L1: chance an off-list task is refused
  double leakage = 0.2;                    ///< L1: refused tasks that come back informally
  double task_cut_share = 0.0;             ///< L16 只降不升: cut in admin inflow
  std::int64_t appraisals_per_year = 26;   ///< L16 只减不增: appraisals and inspections
  double prep_hours_per_appraisal = 20;    ///< 迎检 hours per community per appraisal
  double general_practice_share = 0.0;     ///< L10: share of communities with 全科社工
  double general_practice_admin_factor = 0.6;
  double station_separation_share = 0.0;   ///< L9 居站分设: share of communities separated
  double committee_share_of_staff = 0.4;   ///< RC members' share of staff where separated
  bool services_only_grow = false;         ///< L16 只多不少: the catalogue and its budget never shrink
  double weekly_fluctuation_sd = 0.1;      ///< admin inflow × (1 + sd·N(0,1)) each week ...
  double min_weekly_factor = 0.5;          ///< ... but never below this factor
  double committee_self_governance_tilt = 4;  ///< L9: separated committee members weigh self-governance × this
  std::int64_t general_practice_desk_staff = 2;  ///< L10: workers kept at the one-stop desk; the rest go to the grids
  double grid_outreach_tilt = 1.5;         ///< L10: grid workers weigh outreach demand × this
  double grid_unrecorded_reach = 0;        ///< L10: share of needs the databases miss that grid visits can reach
};

struct PurchaseParameters {
  double budget_per_community_yuan = 0;    ///< L3: annual purchase budget per community
  double demand_headroom = 0;              ///< L3 option: lots buy at most this × expected demand hours (0 = whole budget)
  double price_per_hour_yuan = 70;         ///< tender price cap (≈ ¥100k per post-year)
  PurchaseMode mode = PurchaseMode::commissioned;
  double award_weight_quality = 0.5;
  double award_weight_price = 0.3;
  double award_weight_embeddedness = 0.2;
  double reputation_noise_sd = 0.15;       ///< noise on observed quality in tenders
  double tender_min_quality = 0.5;         ///< qualification bar (资质): least quality to bid in a tender
  double bid_competition = 1.0;            ///< exponent of n in a tender bid's margin: margin / n^γ
  double direct_cost_per_hour_yuan = 45;   ///< cost of one government staff hour (DIRECT items)
  double direct_hours_per_1k_residents = 2; ///< most DIRECT hours/week staff can add per 1,000 residents
  double tender_admin_hours_per_lot = 30;  ///< worker hours a tendered lot costs per year (bids, checks)
  double commission_admin_hours_per_lot = 8;  ///< the same for a commissioned lot
  std::int64_t handover_weeks = 8;         ///< weeks of lower quality after a change of provider
  double handover_quality_factor = 0.8;    ///< quality multiplier during a handover
  bool adaptive_budget = false;            ///< government adapts the budget to appraised satisfaction
  double satisfaction_target = 75;         ///< appraised satisfaction the adaptive rule aims at
  double adaptive_step_share = 0.1;        ///< yearly budget change under the adaptive rule
  double adaptive_dead_band_points = 5;    ///< the rule cuts only this far above the target
  double contract_fit_base = 0.75;         ///< fit of a purchased service = base + per_e × embeddedness
  double contract_fit_per_embeddedness = 0.2;
  double third_party_noise_factor = 0.5;   ///< L19 scales the noise on quality seen in tenders
  double margin_low_reserves = 0.05;       ///< asking margin over cost with no reserves ...
  double margin_reserve_premium = 0.15;    ///< ... plus this much with comfortable reserves
  double comfortable_reserve_months = 6;   ///< months of costs in hand that count as comfortable
};

/// The purchase catalogue (L3): one delivery mode per service category. The default is the
/// catalogue of public-welfare services the seed's district buys (elderly, family, disability,
/// health, culture and sports); basic admin, assistance, property and safety stay with the
/// community's own staff.
struct CatalogueParameters {
  std::array<CatalogueMode, category_count> mode{
      CatalogueMode::off,      CatalogueMode::off,      CatalogueMode::purchase,
      CatalogueMode::purchase, CatalogueMode::purchase, CatalogueMode::purchase,
      CatalogueMode::purchase, CatalogueMode::off,      CatalogueMode::off};
};

struct OrganizationParameters {
  std::int64_t per_street = 20;            ///< at the start, and the niche founding refills
  double founding_rate = 0.5;              ///< per missing organisation per year
  double core_staff = 0.5;                 ///< staff kept without contracts
  double crowding_out = 1.0;               ///< income lost per share of street demand others' contracts cover
  double professional_share = 0.2;
  double mean_staff = 4;
  double wage_yuan_per_month = 5000;
  double overhead_share = 0.25;            ///< overhead as a share of wages
  double initial_reserve_months = 6;
  double other_income_yuan_per_month = 4000;  ///< fees, donations, CSR: mean per organisation
  std::int64_t months_negative_to_exit = 3;
  double direct_grant_yuan = 0;            ///< L12: yearly operating grant per organisation
  double award_pool_yuan = 0;              ///< L12 以奖代补: yearly awards paid on rated quality
  double venture_budget_yuan = 0;          ///< L12 公益创投: yearly district seed-grant fund
  double venture_grant_yuan = 50000;
  bool hub = false;                        ///< L11 三社联动 hub per street
  /// L11: fields (service categories) whose organisations the hub federates; all by default, so a
  /// hub takes every organisation in its street unless the district narrows it.
  std::array<bool, category_count> hub_fields{true, true, true, true, true, true, true, true, true};
  double hub_quality_gain_per_quarter = 0.02;
  double hub_overhead_relief = 0.5;        ///< share of a member's overhead the hub carries (L11)
  double subsidy_yuan_per_staff_month = 0; ///< L17: SW subsidy from party service funds
  double quality_learning_per_year = 0.02;
  double big_leads_small_share = 0;        ///< L13 由大带小: share of a flagship's lot passed to a small SO
  double mentoring_quality_per_quarter = 0.01;
  double service_hours_per_staff_week = 28;  ///< productive contract hours one staff member gives a week
  double max_staff = 12;                   ///< most staff one organisation fields for contracts
  double subsidy_headroom = 1.5;           ///< subsidy budget = today's staff × rate × this
  double award_quality_threshold = 0.5;    ///< 以奖代补 pays for quality above this
  double initial_quality_professional_min = 0.55;  ///< start: uniform from min to min + width
  double initial_quality_professional_width = 0.25;
  double initial_quality_grassroots_min = 0.35;
  double initial_quality_grassroots_width = 0.25;
  double initial_embeddedness_professional_min = 0.2;
  double initial_embeddedness_professional_width = 0.3;
  double initial_embeddedness_grassroots_min = 0.5;
  double initial_embeddedness_grassroots_width = 0.4;
  double staff_factor_professional = 1.5;  ///< start staff = mean_staff × factor (rounded, ≥ 1)
  double staff_factor_grassroots = 0.6;
  std::int64_t initial_age_max_weeks = 520;  ///< age at the start: uniform 0 to this
  double venture_quality_min = 0.3;        ///< organisations founded by 公益创投: uniform min to min + width
  double venture_quality_width = 0.15;
  double venture_embeddedness_min = 0.7;
  double venture_embeddedness_width = 0.2;
  double income_base_factor = 0.5;         ///< other income ∝ (this + embeddedness)
  double income_spread_sd = 0.3;           ///< log-sd of other income between organisations
  double income_noise_sd = 0.2;            ///< log-sd of other income from month to month
};

struct EnterpriseParameters {
  double property_quality_mean = 0.55;
  double property_hours_per_1k_residents = 9;
  bool governance_council = false;         ///< L20 社区治理事务会
  double council_responsiveness_gain = 0.15;
  std::int64_t resident_units_per_community = 3;
  double facility_hours_per_week = 25;
  bool party_pairing = false;              ///< L21 共驻共建 pairing of party organisations
  double open_logit_base = -1.5;
  double open_logit_council = 1.0;
  double open_logit_pairing = 1.2;
  double property_quality_sd = 0.1;        ///< spread of property companies' quality
  double property_fit = 0.9;
  double council_quality_share = 0.5;      ///< quality gain = this × the council's hours gain
  double council_quality_rate_per_month = 0.01;  ///< L20: share of a company's gap to the best quality closed a month
  double council_escalation_rate = 0.002;  ///< L20: extra share closed a month per complaint per 1,000 residents
  double facility_quality = 0.7;
  double facility_fit = 0.9;
  double csr_logit_sd = 0.7;               ///< spread of resident units' CSR propensity (log-odds)
};

struct InformationParameters {
  double database_coverage = 0.5;          ///< L6: chance a hidden need is visible
  QueueRule queue_rule = QueueRule::fifo;  ///< L6: FIFO or severity × vulnerability
  double outreach_needs_per_hour = 1.0;
  double vulnerable_priority = 2.0;        ///< priority weight of the three vulnerable groups (else 1)
  double oldest_old_priority_bonus = 0.5;  ///< added to the weight at 80+
  double severity_spread = 0.5;            ///< severity uniform on 1 ± this
};

struct AppraisalParameters {
  bool third_party = false;                ///< L19
  double self_run_bias = 5;                ///< points added by self-run appraisal
  double survey_sample_share = 0.05;
  bool rectification = false;              ///< L18 整改: low scorers fix their worst category
  bool score_feedback = false;             ///< L18 反馈: workers see their score by part and chase the shortfall
  double evaluation_rating_weight = 0.5;   ///< L15: share of the residents' part taken from the 两评 rating
  double rectification_threshold = 70;     ///< appraisal score below which a community must rectify
  double rectification_priority = 2.0;     ///< weight of the rectified category's backlog for 13 weeks
  bool good_worker_awards = false;         ///< L18 好社工 awards to the best-appraised communities' workers
  double award_top_share = 0.2;            ///< share of communities whose workers win each year
  double award_pay_bonus = 0.1;            ///< award as a share of a year's reference pay
  double full_records_hours_per_1k_residents = 3;  ///< records hours/week that earn a full records score
  double credible_gap_points = 10;         ///< residents this far below the published score doubt it ...
  double whitewash_trust_loss = 1;         ///< ... and lose this much trust in the community
};

struct CoordinationParameters {
  double party_coordination = 0.5;         ///< L5: c, how well the party core coordinates actors
  double reference_coordination = 0.8;     ///< c at which the council's and pairing's effects are as stated
};

/// What the public pays for the community workforce and for the reforms that are not one of the
/// six funding instruments (docs/model.md, Public cost). Pure accounting: no mechanism reads
/// these keys, so they change the cost metrics and nothing else.
struct CostParameters {
  double reference_pay_yuan_per_year = 90000;       ///< all-in cost of a worker at pay ratio 1 (L17)
  double training_yuan_per_skill = 60000;           ///< per worker-year per skill/year of training (L7)
  double multi_skill_training_yuan_per_worker_year = 2000;  ///< 一专多能 upkeep per trained worker (L7)
  double licence_allowance_yuan_per_year = 3600;    ///< 持证 allowance and exam support per licensed worker (L7)
  double general_practice_yuan_per_worker_year = 2000;  ///< 全科社工 cross-training per worker (L10)
  double station_separation_yuan_per_community_year = 50000;  ///< 居站分设 running cost (L9)
  double hub_yuan_per_street_year = 500000;         ///< street social-work development centre (L11)
  double third_party_yuan_per_community_year = 20000;  ///< third-party assessment contract (L19)
};

/// The service tiers of 4+4+N (L4) set who pays: the basic tier from the government budget (the
/// community's own staff, DIRECT items), the public-welfare tier from purchase (the catalogue), and
/// the convenience tier (便民) from residents' fees. A category in the convenience tier charges a
/// fee for each request served; the fee keeps some residents from bringing needs forward (more of
/// the minimum-income households) and its revenue offsets the public cost.
struct TierParameters {
  std::array<bool, category_count> convenience{};  ///< L4: categories in the fee-paid convenience tier
  double fee_yuan_per_request = 20;              ///< fee a resident pays per request served
  double uptake_loss_per_100_yuan = 0.25;        ///< share of self-referrals the fee deters per ¥100
  double low_income_uptake_loss_per_100_yuan = 1.0;  ///< the same for minimum-income households
};

struct GovernanceParameters {
  RunParameters run;
  DistrictParameters district;
  NeedParameters needs;
  ServiceParameters services;
  SatisfactionParameters satisfaction;
  WordOfMouthParameters word_of_mouth;
  TrustParameters trust;
  ParticipationParameters participation;
  WorkforceParameters workforce;
  AdminParameters admin;
  PurchaseParameters purchase;
  CatalogueParameters catalogue;
  OrganizationParameters organizations;
  EnterpriseParameters enterprises;
  InformationParameters information;
  AppraisalParameters appraisal;
  CoordinationParameters coordination;
  CostParameters costs;
  TierParameters tiers;
};

}  // namespace shanzhi::gov
