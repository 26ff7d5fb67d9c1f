#include "sim/experiments/regression_summary.hpp"

#include <Eigen/Dense>
#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace shanzhi::sim::experiments {
namespace {

struct Standardised {
  Eigen::VectorXd values;
  bool varies = false;
};

Standardised standardised(const Eigen::VectorXd& v) {
  const double mean = v.mean();
  const double sd = std::sqrt((v.array() - mean).square().sum() / static_cast<double>(v.size() - 1));
  if (!(sd > 0)) return {Eigen::VectorXd::Zero(v.size()), false};
  return {(v.array() - mean) / sd, true};
}

void check_shapes(const std::vector<std::vector<double>>& x, const std::vector<double>& y) {
  if (x.size() != y.size()) throw std::invalid_argument("regression: one outcome value per point is needed");
  const std::size_t d = x.empty() ? 0 : x.front().size();
  for (const auto& row : x)
    if (row.size() != d) throw std::invalid_argument("regression: every point needs one value per factor");
  if (x.size() <= d + 1)
    throw std::invalid_argument("regression: " + std::to_string(x.size()) + " points cannot fit " + std::to_string(d) +
                                " factors and an intercept with an error left over");
}

}  // namespace

RegressionSummary standardised_regression(const std::vector<std::vector<double>>& x, const std::vector<double>& y) {
  check_shapes(x, y);
  const auto n = static_cast<Eigen::Index>(x.size());
  const auto d = static_cast<Eigen::Index>(x.front().size());
  const auto z_y = standardised(Eigen::Map<const Eigen::VectorXd>(y.data(), n));
  if (!z_y.varies) throw std::invalid_argument("regression: the outcome does not vary across the points");
  // Columns of factors that vary; a constant one has no coefficient (NaN).
  std::vector<Eigen::Index> used;
  Eigen::MatrixXd z(n, d);
  for (Eigen::Index j = 0; j < d; ++j) {
    Eigen::VectorXd column(n);
    for (Eigen::Index i = 0; i < n; ++i) column(i) = x[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    const auto s = standardised(column);
    if (s.varies) z.col(static_cast<Eigen::Index>(used.size())) = s.values, used.push_back(j);
  }
  const auto k = static_cast<Eigen::Index>(used.size());
  const Eigen::MatrixXd design = z.leftCols(k);
  // Standardised columns have mean zero, so the intercept is zero and drops out; it still costs
  // a degree of freedom.
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(design);
  const Eigen::VectorXd beta = qr.solve(z_y.values);
  const Eigen::VectorXd residual = z_y.values - design * beta;
  const double degrees = static_cast<double>(n - k - 1);
  const double variance = residual.squaredNorm() / degrees;
  const Eigen::MatrixXd covariance = variance * (design.transpose() * design).inverse();
  const double t = boost::math::quantile(boost::math::students_t(degrees), 0.975);
  RegressionSummary summary;
  summary.points = x.size();
  summary.r_squared = 1 - residual.squaredNorm() / z_y.values.squaredNorm();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  summary.coefficients.assign(static_cast<std::size_t>(d), {nan, nan, nan});
  for (Eigen::Index c = 0; c < k; ++c) {
    const double half = t * std::sqrt(covariance(c, c));
    summary.coefficients[static_cast<std::size_t>(used[static_cast<std::size_t>(c)])] = {beta(c), beta(c) - half,
                                                                                         beta(c) + half};
  }
  return summary;
}

}  // namespace shanzhi::sim::experiments
