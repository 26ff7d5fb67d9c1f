// Sampling designs: sizes, order, the structure each kind promises, and determinism.

#include "sim/experiments/design.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <stdexcept>

using namespace shanzhi::sim::experiments;

namespace {

DesignSpec spec(DesignKind kind, std::int64_t samples, std::int64_t levels = 4, std::uint64_t seed = 1) {
  DesignSpec s;
  s.kind = kind;
  s.samples = samples;
  s.levels = levels;
  s.seed = seed;
  return s;
}

bool inside_unit_cube(const UnitDesign& design) {
  for (const double u : design.unit)
    if (!(u >= 0 && u <= 1)) return false;
  return true;
}

}  // namespace

TEST_CASE("Design kinds have canonical names and accept the short forms", "[experiments][designs]") {
  CHECK(to_string(DesignKind::full_factorial) == "full_factorial");
  CHECK(to_string(DesignKind::latin_hypercube) == "latin_hypercube");
  CHECK(parse_design_kind("lhs") == DesignKind::latin_hypercube);
  CHECK(parse_design_kind("factorial") == DesignKind::full_factorial);
  CHECK(parse_design_kind("sobol") == DesignKind::sobol);
  CHECK(parse_design_kind("morris") == DesignKind::morris);
  for (auto kind : {DesignKind::full_factorial, DesignKind::latin_hypercube, DesignKind::sobol, DesignKind::morris})
    CHECK(parse_design_kind(to_string(kind)) == kind);
  CHECK_FALSE(parse_design_kind("saltelli"));
}

TEST_CASE("Full factorial has every combination in row-major order with the last factor fastest", "[experiments][designs]") {
  // Factor 0: a range at 3 levels; factor 1: a list of 2 values; factor 2: a range at 3 levels.
  const auto design = build_design(spec(DesignKind::full_factorial, 1, 3), 3, {0, 2, 0});
  REQUIRE(design.point_count() == 3 * 2 * 3);
  CHECK(design.base_samples == 18);
  const std::vector<double> range_levels{0, 0.5, 1}, list_levels{0.25, 0.75};  // list: bin centres
  std::size_t p = 0;
  for (const double a : range_levels)
    for (const double b : list_levels)
      for (const double c : range_levels) {
        INFO("point " << p);
        CHECK(design.at(p, 0) == a);
        CHECK(design.at(p, 1) == b);
        CHECK(design.at(p, 2) == c);
        ++p;
      }
}

TEST_CASE("Full factorial with no list factors uses the spec's levels for every factor", "[experiments][designs]") {
  const auto design = build_design(spec(DesignKind::full_factorial, 1, 5), 4, {});
  CHECK(design.point_count() == 625);
  CHECK(design.at(1, 3) == 0.25);
  CHECK(design.at(624, 0) == 1);
}

TEST_CASE("Impossible design sizes are refused", "[experiments][designs]") {
  CHECK_THROWS_AS(build_design(spec(DesignKind::latin_hypercube, 10), 0, {}), std::invalid_argument);
  CHECK_THROWS_AS(build_design(spec(DesignKind::latin_hypercube, 0), 2, {}), std::invalid_argument);
  CHECK_THROWS_AS(build_design(spec(DesignKind::sobol, -5), 2, {}), std::invalid_argument);
  CHECK_THROWS_AS(build_design(spec(DesignKind::morris, 10, 1), 2, {}), std::invalid_argument);
  CHECK_THROWS_AS(build_design(spec(DesignKind::full_factorial, 1, 1), 2, {}), std::invalid_argument);
  CHECK_THROWS_AS(build_design(spec(DesignKind::full_factorial, 1, 10), 8, {}), std::invalid_argument);  // 10^8
  CHECK_THROWS_AS(build_design(spec(DesignKind::sobol, 5'000'000), 3, {}), std::invalid_argument);
  CHECK_THROWS_AS(build_design(spec(DesignKind::latin_hypercube, 10), 2, {0, 0, 0}), std::invalid_argument);
}

TEST_CASE("Latin hypercube puts exactly one point in each slice of each dimension", "[experiments][designs]") {
  const std::size_t n = 97, d = 5;
  const auto design = build_design(spec(DesignKind::latin_hypercube, n), d, {});
  REQUIRE(design.point_count() == n);
  for (std::size_t j = 0; j < d; ++j) {
    std::set<std::size_t> slices;
    for (std::size_t p = 0; p < n; ++p) {
      const double u = design.at(p, j);
      REQUIRE(u >= 0);
      REQUIRE(u < 1);
      slices.insert(static_cast<std::size_t>(u * n));
    }
    INFO("dimension " << j);
    CHECK(slices.size() == n);
  }
}

TEST_CASE("Latin hypercube is the same for a seed and different for another", "[experiments][designs]") {
  const auto first = build_design(spec(DesignKind::latin_hypercube, 40, 4, 11), 3, {});
  const auto again = build_design(spec(DesignKind::latin_hypercube, 40, 4, 11), 3, {});
  const auto other = build_design(spec(DesignKind::latin_hypercube, 40, 4, 12), 3, {});
  CHECK(first.unit == again.unit);
  CHECK(first.unit != other.unit);
  // Columns are permuted independently, not copies of one another.
  CHECK(first.at(0, 0) != first.at(0, 1));
}

TEST_CASE("Morris trajectories move one factor by delta per step inside the unit cube", "[experiments][designs]") {
  for (const std::int64_t levels : {2, 4, 6, 5}) {
    const std::size_t d = 4, r = 30;
    const double delta = static_cast<double>(levels) / (2.0 * static_cast<double>(levels - 1));
    const auto design = build_design(spec(DesignKind::morris, r, levels, 3), d, {});
    INFO("levels " << levels);
    REQUIRE(design.point_count() == r * (d + 1));
    CHECK(design.base_samples == r);
    CHECK(inside_unit_cube(design));
    for (std::size_t t = 0; t < r; ++t) {
      std::set<std::size_t> moved;
      for (std::size_t step = 1; step <= d; ++step) {
        const std::size_t before = t * (d + 1) + step - 1;
        std::size_t changes = 0;
        for (std::size_t j = 0; j < d; ++j) {
          const double change = design.at(before + 1, j) - design.at(before, j);
          if (change == 0) continue;
          ++changes;
          moved.insert(j);
          CHECK(std::fabs(change) == Approx(delta));
        }
        CHECK(changes == 1);
      }
      CHECK(moved.size() == d);  // every factor moves once per trajectory
    }
  }
}

TEST_CASE("Morris base points lie on the grid and the design is deterministic", "[experiments][designs]") {
  const std::int64_t levels = 4;
  const auto design = build_design(spec(DesignKind::morris, 20, levels, 9), 3, {});
  for (std::size_t p = 0; p < design.point_count(); ++p)
    for (std::size_t j = 0; j < 3; ++j) {
      const double scaled = design.at(p, j) * (levels - 1);
      CHECK(scaled == Approx(std::round(scaled)).margin(1e-12));
    }
  CHECK(design.unit == build_design(spec(DesignKind::morris, 20, levels, 9), 3, {}).unit);
  CHECK(design.unit != build_design(spec(DesignKind::morris, 20, levels, 10), 3, {}).unit);
}

TEST_CASE("Sobol design follows Saltelli's layout of A then B then each AB_i", "[experiments][designs]") {
  const std::size_t n = 64, d = 3;
  const auto design = build_design(spec(DesignKind::sobol, n), d, {});
  REQUIRE(design.point_count() == n * (d + 2));
  CHECK(design.base_samples == n);
  for (const double u : design.unit) {
    REQUIRE(u > 0);  // strictly inside: the digital shift and the cell centre avoid both ends
    REQUIRE(u < 1);
  }
  const auto a = [&](std::size_t row, std::size_t j) { return design.at(row, j); };
  const auto b = [&](std::size_t row, std::size_t j) { return design.at(n + row, j); };
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t row = 0; row < n; ++row)
      for (std::size_t j = 0; j < d; ++j) {
        const double expected = j == i ? b(row, j) : a(row, j);
        REQUIRE(design.at((2 + i) * n + row, j) == expected);
      }
  // A and B are different columns of one sequence, not copies.
  CHECK(a(0, 0) != b(0, 0));
}

TEST_CASE("Sobol design columns are stratified and the shift depends on the seed", "[experiments][designs]") {
  const std::size_t n = 1024, d = 2;
  const auto design = build_design(spec(DesignKind::sobol, n, 4, 5), d, {});
  // Of 1024 consecutive Sobol points, each of 1024 equal slices of a column holds one, except
  // that dropping the all-zero first point leaves one slice empty and one doubled.
  for (std::size_t j = 0; j < d; ++j) {
    std::set<std::size_t> slices;
    for (std::size_t row = 0; row < n; ++row) slices.insert(static_cast<std::size_t>(design.at(row, j) * n));
    CHECK(slices.size() >= n - 1);
  }
  const auto same = build_design(spec(DesignKind::sobol, n, 4, 5), d, {});
  const auto other = build_design(spec(DesignKind::sobol, n, 4, 6), d, {});
  CHECK(design.unit == same.unit);
  CHECK(design.unit != other.unit);
}
