#pragma once
// Analysis of experiment outputs, independent of any model: replicate summaries, Sobol indices
// (Saltelli designs) and Morris elementary effects.

#include "sim/experiments/design.hpp"

#include <vector>

namespace shanzhi::sim::experiments {

/// Mean of replicate values with a Student-t interval at `confidence` (half-width and sd 0 for
/// one replicate; everything NaN for none). Throws std::invalid_argument unless 0 < confidence < 1.
struct MeanInterval {
  double mean = 0;
  double half_width = 0;
  double sd = 0;
  std::size_t n = 0;
};
MeanInterval mean_with_interval(const std::vector<double>& values, double confidence = 0.95);

/// First-order (S) and total-order (ST) Sobol indices per factor, each with a bootstrap
/// confidence interval. Estimators: Saltelli (2010) for S, Jansen (1999) for ST.
struct SobolIndex {
  double first = 0, first_low = 0, first_high = 0;
  double total = 0, total_low = 0, total_high = 0;
};
/// `y` holds one output per design point in the order of build_design (A, B, AB_1..AB_d).
/// Intervals are 95% bootstrap percentile intervals over resamples of the N base rows (none, i.e.
/// low = high = estimate, when `bootstrap_resamples` is 0). Indices are NaN when the output does not
/// vary. Throws std::invalid_argument when `y` does not fit the design or holds NaN/infinity.
std::vector<SobolIndex> sobol_indices(const UnitDesign& design, const std::vector<double>& y,
                                      std::size_t bootstrap_resamples = 1000, std::uint64_t seed = 1);

/// Morris elementary-effect statistics per factor (effects scaled to the unit range of the
/// factor): μ (mean), μ* (mean of absolute values), σ (standard deviation).
struct MorrisIndex {
  double mu = 0, mu_star = 0, sigma = 0;
};
/// Elementary effects are Δy/Δu of the one factor each trajectory step moves; σ uses the n − 1
/// denominator (0 with one trajectory). Throws std::invalid_argument as sobol_indices does.
std::vector<MorrisIndex> morris_indices(const UnitDesign& design, const std::vector<double>& y);

}  // namespace shanzhi::sim::experiments
