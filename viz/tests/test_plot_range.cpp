// The y-range of a time plot holds every series and band it draws, and dashed lines stay drawn.

#include "core/dashes.hpp"
#include "core/plot_range.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

using namespace shanzhi::viz;

namespace {
constexpr double everywhere = std::numeric_limits<double>::infinity();
}

TEST_CASE("A dashed baseline that drifts away from the policy stays inside the y-range", "[viz][plot]") {
  // Compare: the policy rises gently while the baseline falls away after week 80.
  std::vector<double> weeks, policy, baseline;
  for (int w = 0; w <= 156; ++w) {
    weeks.push_back(w);
    policy.push_back(60 + 0.01 * w);
    baseline.push_back(w < 80 ? 60 + 0.01 * w : 60.8 - 0.2 * (w - 80));
  }
  const PlottedValues both[] = {{weeks, policy}, {weeks, baseline}};
  const auto range = value_range(both, -everywhere, everywhere);
  REQUIRE_FALSE(range.empty());
  CHECK(range.lo == Approx(60.8 - 0.2 * 76));
  CHECK(range.hi == Approx(60 + 0.01 * 156));
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    CHECK(baseline[i] >= range.lo);
    CHECK(baseline[i] <= range.hi);
  }
  // Only the policy: the baseline's fall would be outside.
  const PlottedValues policy_only[] = {{weeks, policy}};
  CHECK(value_range(policy_only, -everywhere, everywhere).lo > range.lo);
}

TEST_CASE("Both edges of a band count and non-finite values are skipped", "[viz][plot]") {
  const std::vector<double> x{0, 1, 2, 3};
  const std::vector<double> mean{5, 6, NAN, 7};
  const std::vector<double> low{4, 2, 5, 6};
  const std::vector<double> high{6, 7, 9, INFINITY};
  const PlottedValues lines[] = {{x, mean}, {x, low}, {x, high}};
  const auto range = value_range(lines, -everywhere, everywhere);
  CHECK(range.lo == 2);
  CHECK(range.hi == 9);
  CHECK(value_range({}, 0, 1).empty());
}

TEST_CASE("In a zoomed window the range holds the visible points and where lines cross its ends", "[viz][plot]") {
  const std::vector<double> x{0, 10, 20, 30};
  const std::vector<double> y{100, 0, 10, -50};
  const PlottedValues line[] = {{x, y}};
  // Weeks 5–25: the point at 10 and 20, the segment 0→10 at week 5 (value 50) and 20→30 at week
  // 25 (value −20); the points at 0 and 30 are not drawn.
  const auto range = value_range(line, 5, 25);
  CHECK(range.lo == Approx(-20));
  CHECK(range.hi == Approx(50));
  // A segment broken by a missing value is not drawn, so it does not count.
  const std::vector<double> broken{100, NAN, 10, 12};
  const PlottedValues gap[] = {{x, broken}};
  const auto inside = value_range(gap, 5, 25);
  CHECK(inside.lo == Approx(10));
  CHECK(inside.hi == Approx(11));
}

TEST_CASE("A dashed line of points closer than a pixel is still drawn, its pattern running on", "[viz][plot]") {
  // 200 weeks in a 100 px plot: points half a pixel apart, a flat line 100 px long.
  std::vector<ScreenPoint> dense;
  for (int i = 0; i <= 200; ++i) dense.push_back({0.5f * static_cast<float>(i), 40});
  const auto pieces = dash_pieces(dense, 5, 4);
  REQUIRE_FALSE(pieces.empty());
  float drawn = 0;
  for (const auto& p : pieces) {
    CHECK(p.from.y == 40);
    drawn += p.to.x - p.from.x;
  }
  // 11 whole periods of 9 px (11 dashes of 5 px) fill 99 px; the 12th dash has 1 px left.
  CHECK(drawn == Approx(56).margin(1e-3));
  // Nothing is drawn in the gaps: from 5 to 9 px along the line.
  for (const auto& p : pieces) CHECK_FALSE((p.from.x > 5.001f && p.from.x < 8.999f));
}

TEST_CASE("A dash spanning a corner continues on the next segment", "[viz][plot]") {
  const std::vector<ScreenPoint> corner{{0, 0}, {3, 0}, {3, 10}};
  const auto pieces = dash_pieces(corner, 5, 4);
  REQUIRE(pieces.size() >= 3);
  // The first dash: 3 px along x, then 2 px down the second segment; the gap follows to 9 px.
  CHECK(pieces[0].to.x == Approx(3));
  CHECK(pieces[1].from.y == Approx(0));
  CHECK(pieces[1].to.y == Approx(2));
  CHECK(pieces[2].from.y == Approx(6));
  CHECK(dash_pieces({{0, 0}}, 5, 4).empty());
}
