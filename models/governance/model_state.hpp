#pragma once
// All state of one governance simulation. Phase functions (one file each) read and write it;
// GovernanceModel owns it and runs the phases in order.

#include "models/governance/demography.hpp"
#include "models/governance/district.hpp"
#include "models/governance/enterprises.hpp"
#include "models/governance/government.hpp"
#include "models/governance/organizations.hpp"
#include "models/governance/parameters.hpp"
#include "models/governance/residents.hpp"
#include "models/governance/service_queues.hpp"
#include "models/governance/workforce.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace shanzhi::gov {

/// Service hours from providers other than community workers, per category, for one week.
struct ExternalCapacity {
  std::array<double, category_count> hours{};
  std::array<double, category_count> quality_hours{};  ///< Σ hours × quality
  void add(int category, double h, double quality) {
    hours[static_cast<std::size_t>(category)] += h;
    quality_hours[static_cast<std::size_t>(category)] += h * quality;
  }
};

inline constexpr int satisfaction_bins = 101;  ///< one bin per whole point 0–100
inline constexpr int wait_bins = 53;           ///< 0..52 weeks

/// One community's flows and state summaries for the current week, filled by the phases and
/// combined in community order by the recorder (so sums do not depend on thread count).
struct CommunityWeekStats {
  // Needs and service.
  std::uint32_t new_needs = 0;
  std::uint32_t self_referred = 0;
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
  double true_satisfaction = 0;
  double surveyed_satisfaction = 0;
  double records_score = 0;
  double score = 0;
};

struct PolicyEvent {
  int week = 0;
  std::string label;
};

struct ModelState {
  GovernanceParameters params;  ///< active parameters (levers change through policy events)
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
  Enterprises enterprises;
  std::vector<ExternalCapacity> external_capacity;  ///< per community, rebuilt each week

  Budget budget;
  /// Government money received by organisations that have since closed (for the conservation
  /// check: Σ ledger spending = Σ received by living and closed organisations).
  double government_revenue_of_closed_organizations = 0;
  std::vector<CommunityQueues> queues;
  std::vector<CommunityWeekStats> stats;
  std::vector<CommunityAppraisal> appraisals;
  RollingYear rolling;
  std::vector<double> records_hours_this_quarter;  ///< per community, for the appraisal
  std::vector<OrganizationId> last_provider;       ///< per community × category, for commissioning
  std::vector<PolicyEvent> events;

  std::size_t community_count() const { return layout.communities.size(); }
};

}  // namespace shanzhi::gov
