#pragma once
// Social organisations (社会组织) and their government contracts (MODEL_BRIEF §2.3).

#include "sim/agent_table.hpp"

#include <cstdint>
#include <vector>

namespace shanzhi::gov {

struct OrganizationTag {};

struct OrganizationColumns {
  std::vector<std::uint16_t> street;
  std::vector<float> quality;         ///< 0–1
  std::vector<float> embeddedness;    ///< local rootedness 0–1
  std::vector<std::uint8_t> professional;
  std::vector<float> staff;           ///< full-time staff (fractional = part-time)
  std::vector<double> cash_yuan;
  std::vector<float> other_income_yuan_per_month;
  std::vector<std::int32_t> months_in_debt;
  std::vector<std::int32_t> founded_week;
  std::vector<double> revenue_this_year_yuan;     ///< government money received this fiscal year
  std::vector<double> government_revenue_total_yuan;  ///< government money received, all years
  std::vector<std::uint8_t> mentored;  ///< mentored this year by a flagship under 由大带小 (L13)
  std::vector<std::uint8_t> field;     ///< service category it mainly works in: a hub federates by field (L11)

  template <class F>
  void for_each_column(F&& f) {
    f(street);
    f(quality);
    f(embeddedness);
    f(professional);
    f(staff);
    f(cash_yuan);
    f(other_income_yuan_per_month);
    f(months_in_debt);
    f(founded_week);
    f(revenue_this_year_yuan);
    f(government_revenue_total_yuan);
    f(mentored);
    f(field);
  }
};

using Organizations = sim::AgentTable<OrganizationTag, OrganizationColumns>;
using OrganizationId = Organizations::Id;

/// A one-year purchase contract for one category in one community.
struct Contract {
  OrganizationId provider;
  std::uint32_t community = 0;
  std::uint8_t category = 0;
  double value_yuan = 0;        ///< whole-year value
  double hours_per_week = 0;
  double paid_yuan = 0;         ///< paid so far
  std::int32_t start_week = 0;
  bool new_provider = false;    ///< the lot changed provider: quality dips during the handover
};

}  // namespace shanzhi::gov
