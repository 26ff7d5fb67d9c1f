// PRIM (sim/experiments/prim.*) on points whose cases of interest lie in a known box: the
// peeling must find that box, restricting only the factors that define it.

#include "sim/experiments/prim.hpp"

#include "tests/support/uniform_points.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace ex = shanzhi::sim::experiments;
using shanzhi::test_support::uniform_points;
using shanzhi::test_support::unit_uniform;

namespace {

/// The known box: factor 0 above 0.6 and factor 1 below 0.3; factor 2 plays no part. Each flag
/// is flipped with probability `noise`.
std::vector<bool> cases_in_box(const std::vector<std::vector<double>>& x, double noise, std::uint64_t seed) {
  std::mt19937_64 bits(seed);
  std::vector<bool> is_case;
  for (const auto& p : x) {
    const bool in_box = p[0] > 0.6 && p[1] < 0.3;
    const bool flip = unit_uniform(bits) < noise;
    is_case.push_back(in_box != flip);
  }
  return is_case;
}

const std::vector<double> unit_low{0, 0, 0}, unit_high{1, 1, 1};

}  // namespace

TEST_CASE("PRIM finds a known box and leaves the idle factor unrestricted", "[experiments][prim]") {
  const auto x = uniform_points(2000, 3, 11);
  const auto is_case = cases_in_box(x, 0.0, 12);
  const auto result = ex::prim_peel(x, is_case, unit_low, unit_high);
  CHECK(result.base_density == Approx(0.12).margin(0.02));
  // Without noise a planner can ask for a nearly pure box.
  const auto chosen = ex::choose_box(result, 0.95);
  CHECK(result.trajectory[chosen].density >= 0.95);
  const auto box = ex::paste(result.trajectory[chosen], x, is_case, unit_low, unit_high, result.total_cases);
  CHECK(box.restricted == std::vector<bool>{true, true, false});
  CHECK(box.low[0] == Approx(0.6).margin(0.05));
  CHECK(box.high[1] == Approx(0.3).margin(0.05));
  CHECK(box.density >= 0.95);
  CHECK(box.coverage >= 0.85);
}

TEST_CASE("PRIM's trajectory trades coverage for density as it peels", "[experiments][prim]") {
  const auto x = uniform_points(1500, 3, 21);
  const auto is_case = cases_in_box(x, 0.1, 22);
  const ex::PrimOptions options{0.05, 0.05, 0.05};
  const auto result = ex::prim_peel(x, is_case, unit_low, unit_high, options);
  REQUIRE(result.trajectory.size() > 5);
  const auto& whole = result.trajectory.front();
  CHECK(whole.coverage == 1.0);
  CHECK(whole.mass == 1.0);
  CHECK(whole.restricted == std::vector<bool>{false, false, false});
  for (std::size_t b = 1; b < result.trajectory.size(); ++b) {
    const auto& before = result.trajectory[b - 1];
    const auto& box = result.trajectory[b];
    CHECK(box.points < before.points);
    CHECK(box.coverage <= before.coverage);
    CHECK(box.mass >= options.min_mass);
  }
  // With a tenth of the flags flipped the densest box is still far above the base rate.
  const auto densest = ex::choose_box(result, 1.1);  // no box reaches 1.1: the densest
  CHECK(result.trajectory[densest].density > 3 * result.base_density);
  const auto box = ex::paste(result.trajectory[ex::choose_box(result, 0.7)], x, is_case, unit_low, unit_high,
                             result.total_cases);
  CHECK(box.restricted[0]);
  CHECK(box.restricted[1]);
  CHECK(box.density >= 0.7);
}

TEST_CASE("Pasting never lowers a box's density", "[experiments][prim]") {
  const auto x = uniform_points(800, 3, 31);
  const auto is_case = cases_in_box(x, 0.05, 32);
  const auto result = ex::prim_peel(x, is_case, unit_low, unit_high);
  for (const auto& box : result.trajectory) {
    const auto pasted = ex::paste(box, x, is_case, unit_low, unit_high, result.total_cases);
    CHECK(pasted.density >= box.density);
    CHECK(pasted.points >= box.points);
  }
}

TEST_CASE("PRIM refuses points and flags of different shapes", "[experiments][prim]") {
  const auto x = uniform_points(10, 3, 1);
  CHECK_THROWS_AS(ex::prim_peel(x, std::vector<bool>(9, false), unit_low, unit_high), std::invalid_argument);
  CHECK_THROWS_AS(ex::prim_peel({}, {}, unit_low, unit_high), std::invalid_argument);
  CHECK_THROWS_AS(ex::prim_peel(x, std::vector<bool>(10, false), {0, 0}, {1, 1}), std::invalid_argument);
}
