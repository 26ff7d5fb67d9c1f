// Cost-effectiveness read by quadrant (issue 13, item 5): synthetic paired comparisons with a
// known effect and cost, so each reading is checked against numbers worked out by hand. A saving
// (cost and satisfaction both fall) reads as satisfaction lost per ¥ saved, never as a gain.

#include "sim/experiments/cost_effectiveness.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace shanzhi;
using namespace shanzhi::sim::experiments;

namespace {

sim::experiments::MetricComparison metric(const std::string& name, const std::string& unit, std::vector<double> baseline,
                                          std::vector<double> policy) {
  sim::experiments::MetricComparison m;
  m.metric = {name, unit, "", sim::Direction::neutral, false};
  m.baseline = std::move(baseline);
  m.policy = std::move(policy);
  return m;
}

/// Three replicate pairs: satisfaction moves by `ds` points and the public cost by `dc` yuan (each
/// with a little replicate noise), in a district of `residents`.
Comparison synthetic(double ds, double dc, double residents = 10'000) {
  const std::vector<double> noise{-0.01, 0.0, 0.01};
  std::vector<double> s0, s1, c0, c1, r0, r1;
  for (std::size_t r = 0; r < noise.size(); ++r) {
    s0.push_back(60 + r);
    s1.push_back(60 + r + ds * (1 + noise[r]));
    c0.push_back(5e6 + 1e5 * r);
    c1.push_back(5e6 + 1e5 * r + dc * (1 - noise[r]));
    r0.push_back(c0.back() / residents);
    r1.push_back(c1.back() / residents);
  }
  Comparison c;
  c.replicates = noise.size();
  c.metrics = {metric("satisfaction_mean", "points 0-100", s0, s1), metric("public_cost_spent_year", "CNY", c0, c1),
               metric("public_cost_per_resident_spent_year", "CNY/resident", r0, r1)};
  return c;
}

CostEffectiveness ce_of(double ds, double dc) {
  return cost_effectiveness(synthetic(ds, dc), "satisfaction_mean", "public_cost_spent_year",
                            "public_cost_per_resident_spent_year");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("A saving that lowers satisfaction reads as satisfaction lost per yuan saved", "[cost_effectiveness]") {
  const auto ce = ce_of(-0.5, -1e6);  // half a point lost for ¥1m saved a year
  INFO(describe(ce));
  REQUIRE(ce.available);
  CHECK(ce.quadrant == CostQuadrant::saving);
  CHECK(ce.points_per_million.ratio == Approx(0.5).epsilon(0.02));
  CHECK(contains(describe(ce), "saving: 0.50 points lost per ¥1m saved a year"));
  CHECK_FALSE(contains(describe(ce), "gained"));
  // Per resident: ¥100 saved a resident a year is ¥1m in 10,000 residents.
  CHECK(ce.spending_per_resident_difference.mean == Approx(-100).epsilon(0.02));
  CHECK(ce.points_per_100_yuan_per_resident.ratio == Approx(0.5).epsilon(0.02));
  CHECK(contains(describe_per_resident(ce), "points lost per ¥100 saved a resident a year"));
}

TEST_CASE("A policy that costs more and raises satisfaction reads as a gain per yuan spent", "[cost_effectiveness]") {
  const auto ce = ce_of(2.0, 4e6);
  INFO(describe(ce));
  REQUIRE(ce.available);
  CHECK(ce.quadrant == CostQuadrant::gain);
  CHECK(ce.points_per_million.ratio == Approx(0.5).epsilon(0.02));
  CHECK(ce.points_per_million.low <= ce.points_per_million.ratio);
  CHECK(ce.points_per_million.ratio <= ce.points_per_million.high);
  CHECK(contains(describe(ce), "gain: 0.50 points gained per ¥1m spent a year [95% CI"));
  CHECK(ce.points_per_100_yuan_per_resident.ratio == Approx(0.5).epsilon(0.02));  // ¥400 a resident for 2 points
}

TEST_CASE("Dominant and dominated policies are named, not priced", "[cost_effectiveness]") {
  const auto dominant = ce_of(1.0, -2e6);
  CHECK(dominant.quadrant == CostQuadrant::dominant);
  CHECK(contains(describe(dominant), "dominant: saves ¥2.000m a year and gains 1.00 points"));
  const auto dominated = ce_of(-1.0, 2e6);
  CHECK(dominated.quadrant == CostQuadrant::dominated);
  CHECK(contains(describe(dominated), "dominated: costs ¥2.000m more a year and loses 1.00 points"));
  CHECK(contains(describe_per_resident(dominated), "no trade-off to price"));
}

TEST_CASE("A change in satisfaction not told from zero is flagged", "[cost_effectiveness]") {
  auto c = synthetic(0.0, 1e6);
  c.metrics[0].policy = {60.2, 60.8, 62.1};  // differences 0.2, -0.2, 0.1: mean ≈ 0.03, interval spans 0
  const auto ce = cost_effectiveness(c, "satisfaction_mean", "public_cost_spent_year");
  REQUIRE(ce.available);
  CHECK(ce.outcome_interval_includes_zero);
  CHECK(contains(describe(ce), "interval includes zero"));
  CHECK(ce.points_per_100_yuan_per_resident.n == 0);  // no per-resident metric asked for
  CHECK(describe_per_resident(ce).empty());
}

TEST_CASE("Ranking by full cost: dominant, gains by ratio, savings by loss per yuan saved, dominated, n/a",
          "[cost_effectiveness]") {
  const std::vector<CostEffectiveness> ce{
      ce_of(0.2, 4e6),    // 0 gain, 0.05 per ¥1m
      ce_of(-1.0, 1e6),   // 1 dominated
      ce_of(-0.1, -1e6),  // 2 saving, 0.1 lost per ¥1m saved
      ce_of(2.0, 1e6),    // 3 gain, 2 per ¥1m
      ce_of(0.5, -1e6),   // 4 dominant
      ce_of(1.0, 0),      // 5 n/a: no cost difference
      ce_of(-1.0, -1e6),  // 6 saving, 1 lost per ¥1m saved
  };
  REQUIRE_FALSE(ce[5].available);
  std::vector<std::size_t> order{0, 1, 2, 3, 4, 5, 6};
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks_before(ce[a], ce[b]); });
  CHECK(order == std::vector<std::size_t>{4, 3, 0, 2, 6, 1, 5});
}
