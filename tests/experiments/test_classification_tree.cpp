// The CART-style tree of scenario discovery (sim/experiments/classification_tree.*) on points whose
// cases lie in a known box: its purest leaf must be that box's rule.

#include "sim/experiments/classification_tree.hpp"

#include "tests/support/uniform_points.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace ex = shanzhi::sim::experiments;
using shanzhi::test_support::uniform_points;
using shanzhi::test_support::unit_uniform;

namespace {

bool has_condition(const ex::LeafRule& rule, const std::string& start) {
  for (const auto& c : rule.conditions)
    if (c.rfind(start, 0) == 0) return true;
  return false;
}

double threshold_of(const ex::LeafRule& rule, const std::string& start) {
  for (const auto& c : rule.conditions)
    if (c.rfind(start, 0) == 0) return std::stod(c.substr(start.size()));
  return -1;
}

}  // namespace

TEST_CASE("The tree's purest leaf is the known box's rule", "[experiments][tree]") {
  const auto x = uniform_points(1000, 3, 5);
  std::vector<bool> is_case;
  for (const auto& p : x) is_case.push_back(p[0] > 0.6 && p[1] < 0.3);
  const auto tree = ex::grow_tree(x, is_case);
  const auto rules = ex::leaf_rules(tree, {"a", "b", "idle"});
  REQUIRE_FALSE(rules.empty());
  const auto& top = rules.front();
  CHECK(top.case_share == 1.0);
  CHECK(has_condition(top, "a > "));
  CHECK(has_condition(top, "b <= "));
  CHECK_FALSE(has_condition(top, "idle"));
  CHECK(threshold_of(top, "a > ") == Approx(0.6).margin(0.03));
  CHECK(threshold_of(top, "b <= ") == Approx(0.3).margin(0.03));
  // The leaves partition the points, and every case is in one of them.
  std::size_t points = 0, cases = 0;
  for (const auto& r : rules) points += r.points, cases += r.cases;
  CHECK(points == x.size());
  CHECK(cases == static_cast<std::size_t>(std::count(is_case.begin(), is_case.end(), true)));
}

TEST_CASE("The tree stops at its depth and leaf size and does not split pure or patternless nodes", "[experiments][tree]") {
  const auto x = uniform_points(400, 2, 9);
  const ex::TreeOptions options{2, 20};
  std::vector<bool> none(x.size(), false);
  CHECK(ex::grow_tree(x, none, options).size() == 1);  // nothing to explain
  std::vector<bool> some;
  for (const auto& p : x) some.push_back(p[0] + p[1] > 1.0);
  const auto tree = ex::grow_tree(x, some, options);
  for (const auto& node : tree) {
    CHECK(node.depth <= options.max_depth);
    CHECK(node.points >= options.min_leaf);
    if (!node.is_leaf()) CHECK(node.depth < options.max_depth);
  }
  CHECK_THROWS_AS(ex::grow_tree({}, {}), std::invalid_argument);
  CHECK_THROWS_AS(ex::grow_tree(x, std::vector<bool>(3, true)), std::invalid_argument);
}
