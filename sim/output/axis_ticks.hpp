#pragma once
// "Nice" axis ticks (1, 2, 5 × 10^k) for every figure Shanzhi draws: the window's plots and the
// policy brief's SVG charts.

#include <vector>

namespace shanzhi::sim {

/// About `target_count` round tick values covering [lo, hi]; none for an empty or non-finite range.
std::vector<double> nice_ticks(double lo, double hi, int target_count);

}  // namespace shanzhi::sim
