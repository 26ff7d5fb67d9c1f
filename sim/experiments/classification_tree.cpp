#include "sim/experiments/classification_tree.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

namespace shanzhi::sim::experiments {
namespace {

using Matrix = std::vector<std::vector<double>>;

/// Gini impurity of a group with `cases` cases among `points`, times its size: the sum over
/// groups of this is what a split lowers.
double weighted_gini(double cases, double points) {
  if (points <= 0) return 0;
  const double p = cases / points;
  return points * 2 * p * (1 - p);
}

struct Split {
  int factor = -1;
  double threshold = 0;
  double impurity = 0;  ///< weighted Gini of both sides
};

/// The best split of `members` on factor j, or factor −1 when none keeps `min_leaf` on each side.
Split best_split_on(const Matrix& x, const std::vector<bool>& is_case, std::vector<std::size_t> members, int j,
                    std::size_t min_leaf) {
  std::sort(members.begin(), members.end(), [&](auto a, auto b) { return x[a][j] < x[b][j]; });
  const double total_cases = static_cast<double>(std::count_if(members.begin(), members.end(), [&](auto i) { return is_case[i]; }));
  const double n = static_cast<double>(members.size());
  Split best;
  double left_cases = 0;
  for (std::size_t k = 0; k + 1 < members.size(); ++k) {
    left_cases += is_case[members[k]];
    const double here = x[members[k]][j], next = x[members[k + 1]][j];
    const auto left_points = k + 1;
    if (here == next || left_points < min_leaf || members.size() - left_points < min_leaf) continue;
    const double impurity = weighted_gini(left_cases, static_cast<double>(left_points)) +
                            weighted_gini(total_cases - left_cases, n - static_cast<double>(left_points));
    if (best.factor < 0 || impurity < best.impurity) best = {j, (here + next) / 2, impurity};
  }
  return best;
}

struct Grower {
  const Matrix& x;
  const std::vector<bool>& is_case;
  const TreeOptions& options;
  std::vector<TreeNode> tree;

  int grow(const std::vector<std::size_t>& members, int depth) {
    const int index = static_cast<int>(tree.size());
    TreeNode node;
    node.depth = depth;
    node.points = members.size();
    for (auto i : members) node.cases += is_case[i];
    tree.push_back(node);
    if (depth >= options.max_depth || node.cases == 0 || node.cases == node.points) return index;
    Split best;
    for (int j = 0; j < static_cast<int>(x.front().size()); ++j) {
      const auto split = best_split_on(x, is_case, members, j, options.min_leaf);
      if (split.factor >= 0 && (best.factor < 0 || split.impurity < best.impurity)) best = split;
    }
    // A split that does not lower the impurity explains nothing.
    const double here = weighted_gini(static_cast<double>(node.cases), static_cast<double>(node.points));
    if (best.factor < 0 || best.impurity >= here - 1e-12) return index;
    std::vector<std::size_t> left, right;
    for (auto i : members) (x[i][best.factor] <= best.threshold ? left : right).push_back(i);
    tree[index].factor = best.factor;
    tree[index].threshold = best.threshold;
    const int l = grow(left, depth + 1);
    const int r = grow(right, depth + 1);
    tree[index].left = l;
    tree[index].right = r;
    return index;
  }
};

std::string condition(const std::string& name, bool above, double threshold) {
  char number[32];
  std::snprintf(number, sizeof number, std::fabs(threshold) >= 1e4 ? "%.0f" : "%.4g", threshold);
  return name + (above ? " > " : " <= ") + number;
}

void collect(const std::vector<TreeNode>& tree, const std::vector<std::string>& names, int index,
             std::vector<std::string>& path, std::vector<LeafRule>& rules) {
  const auto& node = tree[static_cast<std::size_t>(index)];
  if (node.is_leaf()) {
    rules.push_back({static_cast<std::size_t>(index), path, node.points, node.cases, node.case_share()});
    return;
  }
  const auto& name = names[static_cast<std::size_t>(node.factor)];
  path.push_back(condition(name, false, node.threshold));
  collect(tree, names, node.left, path, rules);
  path.back() = condition(name, true, node.threshold);
  collect(tree, names, node.right, path, rules);
  path.pop_back();
}

}  // namespace

std::vector<TreeNode> grow_tree(const Matrix& x, const std::vector<bool>& is_case, const TreeOptions& options) {
  if (x.empty()) throw std::invalid_argument("a classification tree needs at least one point");
  if (is_case.size() != x.size()) throw std::invalid_argument("a classification tree needs one case flag per point");
  for (const auto& point : x)
    if (point.size() != x.front().size()) throw std::invalid_argument("every point needs one value per factor");
  std::vector<std::size_t> all(x.size());
  std::iota(all.begin(), all.end(), 0);
  Grower grower{x, is_case, options, {}};
  grower.grow(all, 0);
  return grower.tree;
}

std::vector<LeafRule> leaf_rules(const std::vector<TreeNode>& tree, const std::vector<std::string>& names) {
  std::vector<LeafRule> rules;
  std::vector<std::string> path;
  if (!tree.empty()) collect(tree, names, 0, path, rules);
  std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
    if (a.case_share != b.case_share) return a.case_share > b.case_share;
    return a.points > b.points;
  });
  return rules;
}

}  // namespace shanzhi::sim::experiments
