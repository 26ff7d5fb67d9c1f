// Analysis against known answers: the Ishigami function's analytic Sobol indices, Morris on a
// linear function, and a t-interval computed by hand.

#include "sim/experiments/analysis.hpp"
#include "sim/experiments/factors.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

using namespace shanzhi::sim;
using namespace shanzhi::sim::experiments;

namespace {

constexpr double pi = std::numbers::pi;

// Ishigami function y = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³ (Ishigami & Homma 1990).
constexpr double ishigami_a = 7, ishigami_b = 0.1;

double ishigami(double x1, double x2, double x3) {
  return std::sin(x1) + ishigami_a * std::sin(x2) * std::sin(x2) + ishigami_b * std::pow(x3, 4) * std::sin(x1);
}

/// Analytic first- and total-order indices from the partial variances.
struct Analytic {
  double first[3], total[3];
};

Analytic ishigami_indices() {
  const double a = ishigami_a, b = ishigami_b, pi4 = std::pow(pi, 4), pi8 = std::pow(pi, 8);
  const double v1 = 0.5 * std::pow(1 + b * pi4 / 5, 2);
  const double v2 = a * a / 8;
  const double v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

/// Ishigami outputs for every point of a design, mapping coordinates through the demo file's
/// factors (so the shipped example and the mapping are tested too).
std::vector<double> ishigami_outputs(const UnitDesign& design) {
  const auto factors = load_factor_file(std::string(SHANZHI_SOURCE_DIR) + "/scenarios/experiments/ishigami_params.toml");
  REQUIRE(factors.size() == 3);
  std::vector<double> y(design.point_count());
  for (std::size_t p = 0; p < y.size(); ++p) {
    const auto x = [&](std::size_t j) { return std::get<double>(factors[j].value_at(design.at(p, j))); };
    y[p] = ishigami(x(0), x(1), x(2));
  }
  return y;
}

UnitDesign sobol_design(std::int64_t n, std::size_t d, std::uint64_t seed = 1) {
  DesignSpec spec;
  spec.kind = DesignKind::sobol;
  spec.samples = n;
  spec.seed = seed;
  return build_design(spec, d, {});
}

UnitDesign morris_design(std::int64_t trajectories, std::size_t d, std::int64_t levels) {
  DesignSpec spec;
  spec.kind = DesignKind::morris;
  spec.samples = trajectories;
  spec.levels = levels;
  spec.seed = 4;
  return build_design(spec, d, {});
}

}  // namespace

TEST_CASE("The analytic Ishigami indices are the published ones", "[experiments][analysis]") {
  const auto exact = ishigami_indices();
  CHECK(exact.first[0] == Approx(0.3139).margin(5e-5));
  CHECK(exact.first[1] == Approx(0.4424).margin(5e-5));
  CHECK(exact.total[0] == Approx(0.5576).margin(5e-5));
  CHECK(exact.total[2] == Approx(0.2437).margin(5e-5));
}

TEST_CASE("Sobol indices of the Ishigami function are within 0.02 at N = 8192", "[experiments][analysis]") {
  const auto design = sobol_design(8192, 3);
  const auto indices = sobol_indices(design, ishigami_outputs(design), 1000, 7);
  const auto exact = ishigami_indices();
  REQUIRE(indices.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& s = indices[i];
    INFO("x" << i + 1 << ": S = " << s.first << " [" << s.first_low << ", " << s.first_high << "] (exact "
             << exact.first[i] << "), ST = " << s.total << " [" << s.total_low << ", " << s.total_high << "] (exact "
             << exact.total[i] << ")");
    CHECK(s.first == Approx(exact.first[i]).margin(0.02));
    CHECK(s.total == Approx(exact.total[i]).margin(0.02));
    // The 95% bootstrap intervals hold the estimate and the true value.
    CHECK(s.first_low <= s.first);
    CHECK(s.first <= s.first_high);
    CHECK(s.total_low <= s.total);
    CHECK(s.total <= s.total_high);
    CHECK(s.first_low <= exact.first[i]);
    CHECK(exact.first[i] <= s.first_high);
    CHECK(s.total_low <= exact.total[i]);
    CHECK(exact.total[i] <= s.total_high);
  }
}

TEST_CASE("Sobol first-order indices do not degrade when the output has a large mean", "[experiments][analysis]") {
  // Model outputs such as satisfaction sit near 70 with a small spread; an uncentred estimator's
  // variance grows with the mean squared. With a small N and an offset of 1000 the centred
  // estimator stays as accurate as without the offset.
  const auto design = sobol_design(512, 3);
  auto y = ishigami_outputs(design);
  const auto plain = sobol_indices(design, y, 200, 3);
  for (auto& v : y) v += 1000.0;
  const auto offset = sobol_indices(design, y, 200, 3);
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("x" << i + 1 << ": S without offset " << plain[i].first << ", with offset " << offset[i].first);
    CHECK(offset[i].first == Approx(plain[i].first).margin(1e-6));
    CHECK(offset[i].total == Approx(plain[i].total).margin(1e-9));
  }
}

TEST_CASE("Sobol indices and their intervals are deterministic for a seed", "[experiments][analysis]") {
  const auto design = sobol_design(256, 3);
  const auto y = ishigami_outputs(design);
  const auto once = sobol_indices(design, y, 200, 3);
  const auto again = sobol_indices(design, y, 200, 3);
  const auto other = sobol_indices(design, y, 200, 4);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(once[i].first_low == again[i].first_low);
    CHECK(once[i].total_high == again[i].total_high);
    CHECK(once[i].first == other[i].first);  // the estimate does not depend on the bootstrap
  }
  CHECK(once[0].first_low != other[0].first_low);
}

TEST_CASE("Sobol analysis refuses outputs that do not fit and gives NaN for a constant output", "[experiments][analysis]") {
  const auto design = sobol_design(16, 2);
  std::vector<double> y(design.point_count(), 1.0);
  const auto flat = sobol_indices(design, y, 50);
  CHECK(std::isnan(flat[0].first));
  CHECK(std::isnan(flat[1].total_high));

  CHECK_THROWS_AS(sobol_indices(design, std::vector<double>(y.size() - 1, 1.0)), std::invalid_argument);
  y[5] = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(sobol_indices(design, y), std::invalid_argument);
  CHECK_THROWS_AS(morris_indices(design, std::vector<double>(design.point_count(), 1.0)), std::invalid_argument);
}

TEST_CASE("Morris on a linear function gives mu star = abs(c) and mu = c and sigma = 0", "[experiments][analysis]") {
  const std::vector<double> c{3, -2, 0.5, 0};
  for (const std::int64_t levels : {4, 6}) {
    const auto design = morris_design(25, c.size(), levels);
    std::vector<double> y(design.point_count());
    for (std::size_t p = 0; p < y.size(); ++p)
      for (std::size_t j = 0; j < c.size(); ++j) y[p] += c[j] * design.at(p, j);
    const auto indices = morris_indices(design, y);
    REQUIRE(indices.size() == c.size());
    for (std::size_t j = 0; j < c.size(); ++j) {
      INFO("levels " << levels << ", factor " << j << ": mu = " << indices[j].mu << ", mu* = " << indices[j].mu_star
                     << ", sigma = " << indices[j].sigma);
      CHECK(indices[j].mu_star == Approx(std::fabs(c[j])).margin(1e-12));
      CHECK(indices[j].mu == Approx(c[j]).margin(1e-12));
      CHECK(indices[j].sigma == Approx(0).margin(1e-12));
    }
  }
}

TEST_CASE("Morris sees the interaction of x1 and x3 in the Ishigami function", "[experiments][analysis]") {
  const auto design = morris_design(50, 3, 4);
  const auto indices = morris_indices(design, ishigami_outputs(design));
  // x3 acts only with x1: its effects change sign with sin x1, so mu is small next to mu*.
  CHECK(indices[2].mu_star > 0.5);
  CHECK(std::fabs(indices[2].mu) < indices[2].mu_star);
  CHECK(indices[2].sigma > 0);
  CHECK(indices[0].mu_star > 0);
}

TEST_CASE("mean_with_interval matches a t-interval computed by hand", "[experiments][analysis]") {
  // Mean 5, sample sd √(32/7) = 2.13809; t(0.975, 7 df) = 2.364624252, t(0.95, 7 df) = 1.894578605.
  const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
  const auto r = mean_with_interval(values);
  CHECK(r.n == 8);
  CHECK(r.mean == Approx(5));
  CHECK(r.sd == Approx(2.138089935299395).epsilon(1e-12));
  CHECK(r.half_width == Approx(1.7874879185).epsilon(1e-9));
  CHECK(mean_with_interval(values, 0.90).half_width == Approx(1.4321668080).epsilon(1e-9));
}

TEST_CASE("mean_with_interval handles one value and none and refuses a bad confidence", "[experiments][analysis]") {
  const auto one = mean_with_interval({3.5});
  CHECK(one.mean == 3.5);
  CHECK(one.half_width == 0);
  CHECK(one.sd == 0);
  CHECK(one.n == 1);
  const auto none = mean_with_interval({});
  CHECK(none.n == 0);
  CHECK(std::isnan(none.mean));
  CHECK(std::isnan(none.half_width));
  CHECK_THROWS_AS(mean_with_interval({1, 2}, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(mean_with_interval({1, 2}, 0.0), std::invalid_argument);
}
