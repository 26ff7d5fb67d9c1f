#pragma once
// A regression summary of a sweep (Saltelli et al. 2008, ch. 1.2): the outcome's per-point means
// regressed on the factors, both standardised, so each coefficient (the standardised regression
// coefficient, SRC) says by how many standard deviations the outcome moves when the factor moves
// by one, the others held. With R² near 1 the squared SRCs split the outcome's variance among the
// factors; with a low R² the outcome is not close to linear in them and the SRCs say little
// (read Sobol or Morris indices then). Model-independent.

#include <cstddef>
#include <vector>

namespace shanzhi::sim::experiments {

struct StandardisedCoefficient {
  double value = 0;
  double low = 0, high = 0;  ///< 95% interval (Student t with n − d − 1 degrees of freedom)
};

struct RegressionSummary {
  std::vector<StandardisedCoefficient> coefficients;  ///< one per factor; NaN for a factor that does not vary
  double r_squared = 0;
  std::size_t points = 0;
};

/// Ordinary least squares of `y` on the columns of `x` (rows are points), both standardised.
/// Throws std::invalid_argument when the shapes disagree, when there are not more points than
/// factors + 1, or when `y` does not vary.
RegressionSummary standardised_regression(const std::vector<std::vector<double>>& x, const std::vector<double>& y);

/// Below this R², a regression summary is flagged as not to be read as a split of the variance.
inline constexpr double linear_enough_r_squared = 0.7;

}  // namespace shanzhi::sim::experiments
