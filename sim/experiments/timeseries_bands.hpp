#pragma once
// Time bands of a paired comparison: for every recorded week and every compared metric, the
// mean across replicates with a 95% Student-t interval, for the baseline, for the policy and for
// the paired difference (policy − baseline of the same replicate, then averaged). Written by
// `shanzhi compare` as timeseries_bands.csv (week, metric, arm, mean, lo, hi).

#include "sim/experiments/paired_comparison.hpp"

#include <string_view>
#include <vector>

namespace shanzhi::sim::experiments {

enum class Arm { baseline, policy, difference };

std::string_view to_string(Arm arm);  // "baseline", "policy", "difference"

struct TimeBand {
  int week = 0;
  std::size_t metric = 0;  ///< index into Comparison::metrics
  Arm arm = Arm::baseline;
  MeanInterval band;
};

/// Bands for the weeks every run recorded (the shorter horizon when the two scenarios differ),
/// ordered by week, then metric, then arm (baseline, policy, difference).
std::vector<TimeBand> timeseries_bands(const Comparison& comparison, double confidence = 0.95);

}  // namespace shanzhi::sim::experiments
