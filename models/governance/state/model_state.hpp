#pragma once
// All state of one governance simulation. Phase functions (one file each) read and write it;
// GovernanceModel owns it and runs the phases in order.

#include "models/governance/state/demography.hpp"
#include "models/governance/state/district.hpp"
#include "models/governance/state/enterprises.hpp"
#include "models/governance/state/government.hpp"
#include "models/governance/state/organizations.hpp"
#include "models/governance/spec/parameters.hpp"
#include "models/governance/state/residents.hpp"
#include "models/governance/state/reversion_powers.hpp"
#include "models/governance/state/service_queues.hpp"
#include "models/governance/state/street_levers.hpp"
#include "models/governance/state/workforce.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace shanzhi::gov {

/// Service hours from providers other than community workers, per category, for one week.
struct ExternalCapacity {
  std::array<double, category_count> hours{};
  std::array<double, category_count> quality_hours{};  ///< Σ hours × quality
  std::array<double, category_count> fit_hours{};      ///< Σ hours × fit to what residents need
  /// The part of `hours` bought with the purchase budget (contracts and DIRECT items), and what
  /// it cost this week: for the idle paid hours (purchased_hours_idle_share).
  std::array<double, category_count> purchased_hours{};
  std::array<double, category_count> purchased_yuan{};
  void add(int category, double h, double quality, double fit) {
    const auto k = static_cast<std::size_t>(category);
    hours[k] += h;
    quality_hours[k] += h * quality;
    fit_hours[k] += h * fit;
  }
  void add_purchased(int category, double h, double quality, double fit, double paid_yuan) {
    add(category, h, quality, fit);
    purchased_hours[static_cast<std::size_t>(category)] += h;
    purchased_yuan[static_cast<std::size_t>(category)] += paid_yuan;
  }
};

/// The purchase catalogue in force this fiscal year (L3), after the adaptive budget rule and the
/// six rules' ratchet (L16) have revised what the scenario asks for.
struct CatalogueInForce {
  std::array<CatalogueMode, category_count> mode{};
  double budget_per_community_yuan = 0;
  bool adaptive = false;  ///< the adaptive rule set last year's budget
  double scenario_budget_yuan = 0;  ///< the scenario's budget when this year opened (the rule's start)
  bool opened = false;    ///< a fiscal year has been opened (the ratchet applies from the next)
  /// Per street: the budget per community its communities buy with this year (the district's
  /// unless the street set its own, StreetLever::purchase_budget).
  std::vector<double> street_budget_per_community_yuan;
  double budget_of_street(std::size_t street) const {
    return street < street_budget_per_community_yuan.size() ? street_budget_per_community_yuan[street] : budget_per_community_yuan;
  }
};

/// A DIRECT catalogue item (直接服务): government staff hours in one community and category.
struct DirectLot {
  std::uint32_t community = 0;
  std::uint8_t category = 0;
  double hours_per_week = 0;
  double cost_per_week_yuan = 0;
};

inline constexpr int satisfaction_bins = 101;  ///< one bin per whole point 0–100
inline constexpr int wait_bins = 53;           ///< 0..52 weeks

/// One community's flows and state summaries for the current week, filled by the phases and
/// combined in community order by the recorder (so sums do not depend on thread count).
struct CommunityWeekStats {
  // Needs and service.
  std::uint32_t new_needs = 0;
  std::uint32_t self_referred = 0;
  std::uint32_t low_income_new_needs = 0;      ///< new needs of minimum-income households
  std::uint32_t low_income_self_referred = 0;  ///< ... of which brought forward by themselves
  std::uint32_t found_by_outreach = 0;
  std::uint32_t served = 0;
  std::uint32_t unmet = 0;
  std::uint32_t vulnerable_needs_closed = 0;  ///< served + unmet, vulnerable residents
  std::uint32_t vulnerable_unmet = 0;
  std::array<std::uint32_t, wait_bins> wait_histogram{};  ///< closed needs; unmet ones at W_max
  double wait_sum_weeks = 0;
  double admin_wait_sum_weeks = 0;
  std::uint32_t admin_closed = 0;
  std::array<std::uint32_t, category_count> served_by_category{};
  std::array<std::uint32_t, category_count> unmet_by_category{};
  std::array<double, category_count> wait_sum_by_category{};
  double service_hours_delivered = 0;
  std::array<double, category_count> served_hours_by_provider_worker{};
  double purchased_hours = 0;       ///< hours bought with the purchase budget this week
  double purchased_idle_hours = 0;  ///< of which found no request (capacity beyond the queue, pro rata)
  // Residents (a snapshot after the week's updates).
  double satisfaction_sum = 0;
  double acsi_sum = 0;
  std::uint32_t satisfied = 0;       ///< S ≥ 60
  std::uint32_t very_satisfied = 0;  ///< S ≥ 75
  double vulnerable_satisfaction_sum = 0;
  std::uint32_t vulnerable_count = 0;
  double trust_community_sum = 0;
  double trust_street_sum = 0;
  double trust_district_sum = 0;
  double belonging_sum = 0;
  std::array<std::uint32_t, satisfaction_bins> satisfaction_histogram{};
  std::uint32_t complaints = 0;
  std::uint32_t meeting_attendance = 0;
  std::uint32_t talkers = 0;
};

/// Weekly counts kept for the last 52 weeks, for rolling annual rates (turnover, SO entries and
/// exits) that are meaningful in every recorded week.
struct RollingYear {
  std::array<int, 52> worker_separations{};
  std::array<int, 52> filled_posts{};
  std::array<int, 52> organization_entries{};
  std::array<int, 52> organization_exits{};
  int slot = 0;  ///< week % 52 being written

  static int sum(const std::array<int, 52>& a) {
    int t = 0;
    for (int x : a) t += x;
    return t;
  }
  void start_week(int week) {
    slot = week % 52;
    worker_separations[static_cast<std::size_t>(slot)] = 0;
    filled_posts[static_cast<std::size_t>(slot)] = 0;
    organization_entries[static_cast<std::size_t>(slot)] = 0;
    organization_exits[static_cast<std::size_t>(slot)] = 0;
  }
  int& separations_now() { return worker_separations[static_cast<std::size_t>(slot)]; }
  int& posts_now() { return filled_posts[static_cast<std::size_t>(slot)]; }
  int& entries_now() { return organization_entries[static_cast<std::size_t>(slot)]; }
  int& exits_now() { return organization_exits[static_cast<std::size_t>(slot)]; }
};

/// Last appraisal of a community (quarterly, L18/L19).
struct CommunityAppraisal {
  bool appraised = false;      ///< at least one appraisal has been made
  double true_satisfaction = 0;
  double surveyed_satisfaction = 0;
  double resident_part = 0;    ///< residents' part of the score: the survey, blended with the 两评 rating (L15)
  double records_score = 0;
  double score = 0;
  // The two evaluations (两评, L15): residents rate the committee at the evaluation meeting, and
  // committee members rate the street office on the burden it sent down since the last one.
  bool rated = false;          ///< at least one evaluation has been held
  double committee_rating = 0; ///< residents' rating of the committee, 0–100 (latest evaluation)
  std::uint32_t committee_raters = 0;
  double street_rating = 0;    ///< the committee's rating of the street office, 0–100 (latest)
  double admin_hours_since_evaluation = 0;   ///< mandatory admin and 迎检 hours since the last evaluation
  double worked_hours_since_evaluation = 0;  ///< all worked hours since the last evaluation
  int rectify_category = -1;   ///< category under rectification (整改, L18), or −1
  int rectify_until_week = 0;
  int award_until_week = 0;    ///< the community's workers hold a 好社工 award until then
  std::int64_t rectifications = 0;  ///< rectifications ordered so far
};

/// A community-specific project (the N of 4+4+N, L4), chosen each year either through the five
/// deliberation steps (五议: propose, discuss jointly, discuss publicly, resolve, review; L15) or by
/// the office alone, and delivered by a rooted grassroots organisation.
struct CommunityProject {
  std::uint32_t community = 0;
  std::int32_t proposed_week = 0;
  std::int32_t start_week = 0;       ///< delivery starts (after the resolution)
  std::int32_t end_week = 0;         ///< the fiscal year's end
  std::int16_t category = -1;        ///< chosen at the public discussion (or by the office)
  bool deliberated = false;          ///< went through the five steps
  bool under_way = false;            ///< a provider was found and delivery started
  OrganizationId provider;
  double hours_per_week = 0;
  double payment_per_week_yuan = 0;
  double fit = 0;                    ///< set when the category is chosen
};

/// What a community heard about its services this quarter: the performance residents perceived
/// in each category's closed needs (served or unmet), summed (phases/information.cpp).
struct ServiceNews {
  std::array<double, category_count> performance_sum{};
  std::array<std::uint32_t, category_count> closed{};
};

struct PolicyEvent {
  int week = 0;
  std::string label;
};

struct ModelState {
  GovernanceParameters params;  ///< active parameters (levers change through policy events)
  /// Levers streets set for their own communities (one entry per street; empty values follow
  /// `params`). Changed only through GovernanceModel::set_street_lever, a recorded event.
  std::vector<StreetLevers> street_levers;
  std::uint64_t seed = 0;
  int week = 0;                 ///< next week to simulate (0-based tick)

  DistrictLayout layout;
  DemographyTables demography;
  Residents residents;

  Workers workers;
  std::vector<std::vector<std::uint32_t>> workers_by_community;  ///< slot indices
  std::vector<std::vector<Vacancy>> vacancies;                   ///< posts waiting to be filled
  std::vector<CommunityWorkHours> work;

  Organizations organizations;
  std::vector<Contract> contracts;
  std::vector<DirectLot> direct_lots;
  std::vector<CommunityProject> projects;  ///< this fiscal year's community projects
  CatalogueInForce catalogue;
  /// Weekly worker hours that managing this year's contracts costs each community (tender
  /// overhead joins the mandatory admin hours).
  std::vector<double> contract_admin_hours_per_week;
  std::vector<double> purchase_idle_yuan_this_year;  ///< per community: paid for purchased hours that found no request
  std::vector<std::uint32_t> complaints_this_month;  ///< per community, for the council (L20); reset monthly
  /// Money paid for DIRECT delivery (government staff time), for the conservation check.
  double direct_delivery_paid_yuan = 0;
  double direct_delivery_paid_at_year_start_yuan = 0;  ///< for the metric of this year's spending
  Enterprises enterprises;
  std::vector<ExternalCapacity> external_capacity;  ///< per community, rebuilt each week
  /// Expected weekly demand hours per community and category at this fiscal year's rates
  /// (what the budget is split by, and the needs contracted providers cover).
  std::vector<std::array<double, category_count>> expected_demand_hours;

  Budget budget;
  PublicCosts public_costs;  ///< the workforce and the reforms outside the instruments
  /// Government money received by organisations that have since closed (for the conservation
  /// check: Σ ledger spending = Σ received by living and closed organisations).
  double government_revenue_of_closed_organizations = 0;
  /// Overhead of hub members the street's hub has carried so far (office space and shared
  /// administration given in kind, L11), for the public cost.
  double hub_overhead_carried_yuan = 0;
  std::vector<CommunityQueues> queues;
  std::vector<CommunityWeekStats> stats;
  std::vector<CommunityAppraisal> appraisals;
  std::vector<ServiceNews> news;  ///< per community, since the last quarterly news
  RollingYear rolling;
  /// The weekly arrival chances (DemographyTables::weekly_any_need) that residents' next need
  /// weeks (Residents::next_need_week) were drawn with; when the tables change (a policy event),
  /// needs.cpp draws every resident's next need again (exact: the waiting time is memoryless).
  std::array<float, demographic_class_count> need_schedule_rates{};
  bool need_schedule_drawn = false;
  /// Powers of the weekly reversion factor the residents' stored S_k are brought up to date
  /// with (category_reversion.hpp).
  ReversionPowers reversion;
  /// Weight of unused categories that residents' S was weighed with (resident_update.cpp).
  float satisfaction_unused_weight = -1;
  std::vector<double> records_hours_this_quarter;  ///< per community, for the appraisal
  std::vector<OrganizationId> last_provider;       ///< per community × category, for commissioning
  std::vector<PolicyEvent> events;

  std::size_t community_count() const { return layout.communities.size(); }
};

}  // namespace shanzhi::gov
