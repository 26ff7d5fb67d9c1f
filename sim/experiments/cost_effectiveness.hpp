#pragma once
// Cost-effectiveness of a policy against its baseline: satisfaction gained per ¥1 million of
// extra annual spending, ΔS / ΔC, where ΔS is the paired difference in mean satisfaction over
// the last recorded year and ΔC the paired difference in spending paid during that year
// (the spending metric's statistic: paid in the last 52 recorded weeks; run_series.hpp). The
// metrics are named by the model (models/governance/experiments/comparison.hpp).
//
// Interval: the delta method for a ratio of means over the R replicate pairs (a_r = ΔS_r,
// b_r = ΔC_r): with ratio q = mean(a) / mean(b), the linearised values z_r = (a_r − q·b_r) / mean(b)
// have mean 0 and variance (s_a² − 2q·s_ab + q²·s_b²) / mean(b)², so q ± t(R−1)·sd(z)/√R is the
// delta-method interval. A ratio of replicate ratios is avoided: one replicate with ΔC_r near zero
// would dominate it.

#include "sim/experiments/paired_comparison.hpp"

#include <string>
#include <vector>

namespace shanzhi::sim::experiments {

/// A ratio of two paired means with its delta-method interval.
struct RatioInterval {
  double ratio = 0;
  double low = 0;
  double high = 0;
  std::size_t n = 0;  ///< pairs; no interval (low = high = ratio) with one
};

/// mean(numerator) / mean(denominator) with a delta-method interval at `confidence`. The
/// caller makes sure mean(denominator) is not close to zero. Throws std::invalid_argument for
/// empty or unequal vectors.
RatioInterval ratio_of_means(const std::vector<double>& numerator, const std::vector<double>& denominator,
                             double confidence = 0.95);

/// Spending differences smaller than this (CNY a year) count as no difference: the ratio is "n/a".
inline constexpr double negligible_spending_difference_yuan = 10'000;

struct CostEffectiveness {
  std::string outcome_metric;
  std::string spending_metric;
  MeanInterval outcome_difference;    ///< points, paired
  MeanInterval spending_difference;   ///< ¥ million a year, paired
  bool available = false;
  std::string unavailable_reason;  ///< why not, when not available
  RatioInterval points_per_million;  ///< ΔS / ΔC in points per ¥1m a year
};

/// The cost-effectiveness of the policy in `comparison`: `outcome_metric` gained per ¥1m more of
/// `spending_metric` a year. Not available (with the reason) when a metric is missing, the spending difference is below negligible_spending_difference_yuan, or
/// its interval includes zero (the ratio would be unbounded).
CostEffectiveness cost_effectiveness(const Comparison& comparison, const std::string& outcome_metric,
                                     const std::string& spending_metric);

/// One line for people: "12.3 points per ¥1m a year [95% CI 11.0, 13.6]" or "n/a (reason)".
std::string describe(const CostEffectiveness& ce);

}  // namespace shanzhi::sim::experiments
