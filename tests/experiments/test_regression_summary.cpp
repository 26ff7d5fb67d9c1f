// The regression summary of a sweep (sim/experiments/regression_summary.*) on outputs whose
// standardised coefficients are known.

#include "sim/experiments/regression_summary.hpp"

#include "tests/support/uniform_points.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

namespace ex = shanzhi::sim::experiments;
using shanzhi::test_support::uniform_points;
using shanzhi::test_support::unit_uniform;

TEST_CASE("Standardised coefficients of a linear output match their known values", "[experiments][regression]") {
  // y = 3a − 2b + 0·c + noise with a, b, c uniform on [0, 1]: the standardised coefficients are
  // 3σ_a/σ_y and −2σ_b/σ_y.
  std::mt19937_64 bits(3);
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  const double noise_sd = 0.1;
  for (int i = 0; i < 400; ++i) {
    const double a = unit_uniform(bits), b = unit_uniform(bits), c = unit_uniform(bits);
    const double e = noise_sd * std::sqrt(-2 * std::log(1 - unit_uniform(bits))) * std::cos(2 * M_PI * unit_uniform(bits));
    x.push_back({a, b, c});
    y.push_back(3 * a - 2 * b + e);
  }
  const auto s = ex::standardised_regression(x, y);
  // The coefficients are of this sample, standardised by its own standard deviations.
  const auto sd = [](const std::vector<double>& v) {
    double mean = 0, squares = 0;
    for (double e : v) mean += e / static_cast<double>(v.size());
    for (double e : v) squares += (e - mean) * (e - mean);
    return std::sqrt(squares / static_cast<double>(v.size() - 1));
  };
  std::vector<double> a_values, b_values;
  for (const auto& p : x) a_values.push_back(p[0]), b_values.push_back(p[1]);
  const double expected_a = 3 * sd(a_values) / sd(y), expected_b = -2 * sd(b_values) / sd(y);
  // ... close to the population's 3σ_a/σ_y.
  CHECK(expected_a == Approx(3 * std::sqrt(1 / 12.0) / std::sqrt(13 / 12.0 + noise_sd * noise_sd)).margin(0.05));
  REQUIRE(s.coefficients.size() == 3);
  CHECK(s.coefficients[0].value == Approx(expected_a).margin(0.03));
  CHECK(s.coefficients[1].value == Approx(expected_b).margin(0.03));
  CHECK(s.coefficients[0].low < expected_a);
  CHECK(s.coefficients[0].high > expected_a);
  // The idle factor's interval holds zero; the others' do not.
  CHECK(s.coefficients[2].low < 0);
  CHECK(s.coefficients[2].high > 0);
  CHECK(s.coefficients[1].high < 0);
  CHECK(s.r_squared > 0.95);
  CHECK(s.r_squared >= ex::linear_enough_r_squared);
  CHECK(s.points == 400);
}

TEST_CASE("A non-linear output has a low R squared and a constant factor no coefficient", "[experiments][regression]") {
  std::mt19937_64 bits(4);
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i < 300; ++i) {
    const double a = unit_uniform(bits);
    x.push_back({a, 0.5});
    y.push_back(std::cos(4 * M_PI * a));  // two full waves: no straight line fits
  }
  const auto s = ex::standardised_regression(x, y);
  CHECK(s.r_squared < ex::linear_enough_r_squared);
  CHECK(std::isnan(s.coefficients[1].value));
  CHECK_THROWS_AS(ex::standardised_regression({{1.0}, {2.0}}, {1.0, 2.0}), std::invalid_argument);
  CHECK_THROWS_AS(ex::standardised_regression({{1.0}, {2.0}, {3.0}}, {1.0, 1.0, 1.0}), std::invalid_argument);
}
