#pragma once
// Every parameter of the governance model, grouped as in the scenario file. Member initializers
// are the documented defaults (docs/parameters.md is generated from parameter_schema.cpp, which
// binds each field to its key, unit, range and source). Lever defaults are the PRE-REFORM values;
// scenarios switch reforms on. All shares are 0–1, money is CNY, time is weeks or hours/week.

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
};

struct NeedParameters {
  double rate_scale = 1.0;                 ///< multiplies every need rate (uncertainty)
  double self_referral_awareness = 0.75;   ///< a_k: chance a need is brought forward unprompted
  double vulnerable_access_barrier = 0.5;  ///< cut in self-referral for isolated elderly/disabled
  std::int64_t max_wait_weeks = 8;         ///< W_max: a request older than this goes unmet
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
};

struct TrustParameters {
  double initial_mean = 60;
  double gain_rate = 0.02;                 ///< γ⁺ per week
  double loss_multiplier = 2.5;            ///< γ⁻ = multiplier × γ⁺
  double participation_gain = 1.0;         ///< θ_p points per event attended
  double complaint_loss = 2.0;             ///< θ_c points per unresolved complaint
  double transparency_gain = 0.02;         ///< points/week at full transparency (五务公开)
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
  double certified_share = 0.3;            ///< L7: licensing 持证上岗
  double multi_skilled_share = 0.0;        ///< L7: workers trained to 一专多能 (one specialty, many skills)
  double burnout_gain = 0.01;              ///< α_b: burnout added per week per unit of stress
  double burnout_recovery = 0.02;          ///< r_b: share of burnout recovered per week
  double allocation_temperature = 0.5;     ///< τ of the softmax over discretionary activities
  double service_motivation = 0.9;         ///< m: intrinsic utility of resident-facing work
  double resident_evaluation_weight = 0.2; ///< L18 w_res: residents' share of the appraisal
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
};

struct PurchaseParameters {
  double budget_per_community_yuan = 0;    ///< L3: annual purchase budget per community
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
  double hub_quality_gain_per_quarter = 0.02;
  double subsidy_yuan_per_staff_month = 0; ///< L17: SW subsidy from party service funds
  double quality_learning_per_year = 0.02;
  double big_leads_small_share = 0;        ///< L13 由大带小: share of a flagship's lot passed to a small SO
  double mentoring_quality_per_quarter = 0.01;
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
};

struct InformationParameters {
  double database_coverage = 0.5;          ///< L6: chance a hidden need is visible
  QueueRule queue_rule = QueueRule::fifo;  ///< L6: FIFO or severity × vulnerability
  double outreach_needs_per_hour = 1.0;
};

struct AppraisalParameters {
  bool third_party = false;                ///< L19
  double self_run_bias = 5;                ///< points added by self-run appraisal
  double survey_sample_share = 0.05;
  bool rectification = false;              ///< L18 整改: low scorers fix their worst category
  double rectification_threshold = 70;     ///< appraisal score below which a community must rectify
  double rectification_priority = 2.0;     ///< weight of the rectified category's backlog for 13 weeks
  bool good_worker_awards = false;         ///< L18 好社工 awards to the best-appraised communities' workers
  double award_top_share = 0.2;            ///< share of communities whose workers win each year
  double award_pay_bonus = 0.1;            ///< award as a share of a year's reference pay
};

struct CoordinationParameters {
  double party_coordination = 0.5;         ///< L5: c, how well the party core coordinates actors
};

struct GovernanceParameters {
  RunParameters run;
  DistrictParameters district;
  NeedParameters needs;
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
};

}  // namespace shanzhi::gov
