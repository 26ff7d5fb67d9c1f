#pragma once
// Resident state in structure-of-arrays form. Residents are neither born nor leave in this
// model (the population is conserved), so a plain index is a stable id.
//
// Hot (read or written every week): per-category satisfaction and expectation (9 floats each),
// overall satisfaction, trust, the last encounter. About 150 bytes per resident in all.

#include "models/governance/spec/service_category.hpp"

#include <cstdint>
#include <vector>

namespace shanzhi::gov {

struct Residents {
  // Structure (set at start).
  std::vector<std::uint16_t> community;
  std::vector<std::uint8_t> demographic_class;
  std::vector<std::uint8_t> is_group_leader;

  // Per category, stored resident-major: [resident * category_count + k].
  /// S_k, 0–100, as of the end of week categories_week[i]: bring it up to date with
  /// category_reversion.hpp before reading or changing it.
  std::vector<float> category_satisfaction;
  std::vector<float> expectation;            ///< E_k, predictive expectation, 0–100
  std::vector<float> normative;              ///< En_k, normative floor, 0–100
  std::vector<std::uint16_t> used_categories;  ///< bit k set once category k was used

  // Overall.
  std::vector<float> prior;          ///< personal satisfaction prior (disposition)
  std::vector<float> satisfaction;   ///< S, importance-weighted mean of S_k
  std::vector<float> last_performance;      ///< P of the last encounter
  std::vector<float> last_disconfirmation;  ///< P − E of the last encounter
  /// acsi_disconfirmation_item(last_disconfirmation): set with it, read every week (saves an exp).
  std::vector<double> acsi_disconfirmation_item;
  std::vector<std::uint8_t> last_category;  ///< category of the last encounter
  std::vector<float> trust_community;
  std::vector<float> trust_street;
  std::vector<float> trust_district;
  std::vector<float> belonging;      ///< sense of belonging, 0–100
  /// Week of the resident's next need arrival (needs.cpp): drawn from a geometric waiting time
  /// at each arrival, so the weekly need pass compares one integer per resident.
  std::vector<std::int32_t> next_need_week;
  /// The week whose reversion the stored S_k include (−1: none yet, as at set-up).
  std::vector<std::int32_t> categories_week;
  /// 1 when an S_k changed since S was last weighed: the weekly pass weighs S again.
  std::vector<std::uint8_t> satisfaction_stale;

  std::size_t size() const { return community.size(); }
  float* categories_of(std::size_t i) { return &category_satisfaction[i * category_count]; }
  float* expectations_of(std::size_t i) { return &expectation[i * category_count]; }
  float* normatives_of(std::size_t i) { return &normative[i * category_count]; }
  void resize(std::size_t n);
  /// Bytes held per resident (for memory reports).
  static constexpr std::size_t bytes_per_resident() {
    return 2 + 1 + 1 + 3 * category_count * sizeof(float) + 2 + 4 * 8 + 8 + 1 + 4 + 4 + 1;
  }
};

}  // namespace shanzhi::gov
