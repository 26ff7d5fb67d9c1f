#pragma once
// The y-range of a time plot: every value a plot draws, of every line and of both edges of every
// band, so no series leaves the plot (in Compare, the dashed baseline beside the policy). Free of
// ImGui so it can be tested.

#include <span>

namespace shanzhi::viz {

/// The points of one drawn line, or of one edge of a band (x ascending).
struct PlottedValues {
  std::span<const double> x;
  std::span<const double> y;
};

/// [lo, hi] of the values drawn; empty (lo > hi) when nothing is drawn.
struct ValueRange {
  double lo = 1;
  double hi = 0;
  bool empty() const { return lo > hi; }
};

/// The range of what `lines` draw over the weeks [x_lo, x_hi]: the finite values at weeks inside
/// it and, where a segment between two finite points crosses an end of it, the line's value at
/// that end (the part of the segment that is drawn). Non-finite values break a line, as drawn.
ValueRange value_range(std::span<const PlottedValues> lines, double x_lo, double x_hi);

}  // namespace shanzhi::viz
