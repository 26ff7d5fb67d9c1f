#pragma once
// Cost-effectiveness of a policy against its baseline: satisfaction gained per ¥1 million of
// extra annual spending, ΔS / ΔC, where ΔS is the paired difference in mean satisfaction over
// the last recorded year and ΔC the paired difference in spending paid during that year
// (the spending metric's statistic: paid in the last 52 recorded weeks; run_series.hpp). The
// metrics are named by the model (models/governance/experiments/comparison.hpp).
//
// The ratio alone hides which way a policy moves: a cut that lowers satisfaction has ΔS < 0 and
// ΔC < 0, so ΔS / ΔC is positive like a gain's. The quadrant of (ΔC, ΔS) says how to read it: a
// gain (costs more, does better) is satisfaction gained per ¥1m spent; a saving (costs less, does
// worse) is satisfaction lost per ¥1m saved, never a gain; a dominant policy costs less and does
// better, a dominated one costs more and does worse (no trade-off to price).
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

/// Where a policy lies on the cost-effectiveness plane (ΔC across, ΔS up), by the signs of the
/// mean differences.
enum class CostQuadrant {
  none,       ///< no ratio: spending does not differ (see unavailable_reason)
  gain,       ///< costs more, does better: points gained per ¥1m spent
  saving,     ///< costs less, does worse (austerity): points lost per ¥1m saved
  dominant,   ///< costs less, does better (or no worse)
  dominated,  ///< costs more, does worse (or no better)
};

/// "gain", "saving", "dominant", "dominated" or "none".
std::string to_string(CostQuadrant quadrant);

struct CostEffectiveness {
  std::string outcome_metric;
  std::string spending_metric;
  std::string per_resident_metric;    ///< spending per resident ("" when the model has none)
  MeanInterval outcome_difference;    ///< points, paired
  MeanInterval spending_difference;   ///< ¥ million a year, paired
  MeanInterval spending_per_resident_difference;  ///< ¥ per resident a year, paired (n = 0 without one)
  bool available = false;
  std::string unavailable_reason;  ///< why not, when not available
  CostQuadrant quadrant = CostQuadrant::none;
  bool outcome_interval_includes_zero = false;  ///< the quadrant rests on a satisfaction change not told from 0
  RatioInterval points_per_million;  ///< ΔS / ΔC in points per ¥1m a year (signed)
  /// ΔS / Δ(spending per resident) in points per ¥100 a resident a year (signed; n = 0 without a
  /// per-resident metric): the same trade-off in terms that do not grow with the district.
  RatioInterval points_per_100_yuan_per_resident;
};

/// The cost-effectiveness of the policy in `comparison`: `outcome_metric` gained per ¥1m more of
/// `spending_metric` a year, and, when `per_resident_metric` is given, per ¥100 more a resident
/// a year. Not available (with the reason) when a metric is missing, the spending difference is
/// below negligible_spending_difference_yuan, or its interval includes zero (the ratio would be
/// unbounded).
CostEffectiveness cost_effectiveness(const Comparison& comparison, const std::string& outcome_metric,
                                     const std::string& spending_metric, const std::string& per_resident_metric = "");

/// One line for people, worded by quadrant: "gain: 12.3 points per ¥1m spent a year [95% CI
/// 11.0, 13.6]", "saving: 1.2 points lost per ¥1m saved a year [...]", "dominant: ...",
/// "dominated: ..." or "n/a (reason)".
std::string describe(const CostEffectiveness& ce);

/// The same per resident: "0.04 points per ¥100 spent a resident a year [...]" (or lost per ¥100
/// saved); "" when there is no per-resident ratio.
std::string describe_per_resident(const CostEffectiveness& ce);

/// True when `a` reads better than `b` for a planner: dominant first, then gains by points per
/// ¥1m (highest first), then savings by points lost per ¥1m saved (fewest first), then dominated,
/// then those without a ratio. A ranking of policies by their full cost.
bool ranks_before(const CostEffectiveness& a, const CostEffectiveness& b);

}  // namespace shanzhi::sim::experiments
