#pragma once
// Scenario discovery's second view: a CART-style classification tree (Breiman et al. 1984). It
// splits the sweep's points, one factor threshold at a time, where the split most lowers the Gini
// impurity of "case of interest or not", so each leaf is a readable rule ("leakage > 0.62 and
// budget ≤ 120k") with its share of cases. Where PRIM gives one box to read first, the tree
// gives every region at once. Model-independent.

#include <cstddef>
#include <string>
#include <vector>

namespace shanzhi::sim::experiments {

struct TreeOptions {
  int max_depth = 3;          ///< splits from the root to a leaf, at most
  std::size_t min_leaf = 5;   ///< points a leaf must keep
};

struct TreeNode {
  int factor = -1;       ///< the split's factor; -1 for a leaf
  double threshold = 0;  ///< left: value ≤ threshold; right: value > threshold
  int left = -1, right = -1;
  int depth = 0;
  std::size_t points = 0, cases = 0;
  double case_share() const { return points ? static_cast<double>(cases) / static_cast<double>(points) : 0; }
  bool is_leaf() const { return factor < 0; }
};

/// The grown tree, its root at index 0. Throws std::invalid_argument when `x` is empty or the
/// shapes disagree.
std::vector<TreeNode> grow_tree(const std::vector<std::vector<double>>& x, const std::vector<bool>& is_case,
                                const TreeOptions& options = {});

/// One leaf as a rule, the conditions from the root down.
struct LeafRule {
  std::size_t node = 0;
  std::vector<std::string> conditions;  ///< "admin.leakage > 0.6233"
  std::size_t points = 0, cases = 0;
  double case_share = 0;
};

/// Every leaf's rule, the largest share of cases first (then the most points).
std::vector<LeafRule> leaf_rules(const std::vector<TreeNode>& tree, const std::vector<std::string>& factor_names);

}  // namespace shanzhi::sim::experiments
