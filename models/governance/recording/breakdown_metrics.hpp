#pragma once
// Breakdowns of the headline metrics (MODEL_BRIEF §6): satisfaction by service category,
// population group, community and street; unmet need and waits by category, community and
// street. Flows (needs closed, waits) are summed over the weeks since the last breakdown; levels
// (satisfaction, trust) are read from residents in a pass of their own, only on breakdown weeks,
// so the weekly loop pays nothing for them.

#include "models/governance/state/model_state.hpp"
#include "sim/breakdowns.hpp"

namespace shanzhi::gov {

class BreakdownRecorder {
 public:
  explicit BreakdownRecorder(std::size_t communities);

  /// Adds the week's closed needs to the window (call after every simulated, recorded week).
  void accumulate(const ModelState& s);
  /// Writes the rows for `recorded_week` and starts a new window.
  void emit(const ModelState& s, sim::BreakdownTable& table, int recorded_week);

 private:
  struct Flows {
    std::array<double, category_count> served{};
    std::array<double, category_count> unmet{};
    std::array<double, category_count> wait_sum{};
  };
  std::vector<Flows> by_community_;
};

/// Rows one breakdown emit writes for a district of `communities` in `streets` (the count emit
/// produces; a test keeps the two equal).
std::size_t breakdown_rows_per_emit(std::size_t communities, std::size_t streets);

/// How many times a run of `run` emits breakdowns: recorded week 0, every breakdown_every_weeks
/// after it, and the last week.
std::size_t breakdown_emits(const RunParameters& run);

/// Name of community c for tables: "street name #n" (n counts within the street from 1).
std::string community_label(const DistrictLayout& layout, std::size_t c);

}  // namespace shanzhi::gov
