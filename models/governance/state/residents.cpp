#include "models/governance/state/residents.hpp"

namespace shanzhi::gov {

void Residents::resize(std::size_t n) {
  community.assign(n, 0);
  demographic_class.assign(n, 0);
  is_group_leader.assign(n, 0);
  category_satisfaction.assign(n * category_count, 0.0f);
  expectation.assign(n * category_count, 0.0f);
  normative.assign(n * category_count, 0.0f);
  used_categories.assign(n, 0);
  prior.assign(n, 0.0f);
  satisfaction.assign(n, 0.0f);
  last_performance.assign(n, 0.0f);
  last_disconfirmation.assign(n, 0.0f);
  acsi_disconfirmation_item.assign(n, 4.5);  // 9/(1 + exp(0)): no disconfirmation yet
  last_category.assign(n, 0);
  trust_community.assign(n, 0.0f);
  trust_street.assign(n, 0.0f);
  trust_district.assign(n, 0.0f);
  belonging.assign(n, 0.0f);
  next_need_week.assign(n, 0);
  categories_week.assign(n, -1);
  satisfaction_stale.assign(n, 1);  // S is first weighed from the S_k in week 0's pass
}

}  // namespace shanzhi::gov
