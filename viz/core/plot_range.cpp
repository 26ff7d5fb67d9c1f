#include "core/plot_range.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace shanzhi::viz {
namespace {

void include(ValueRange& range, double value) {
  if (range.empty()) {
    range.lo = range.hi = value;
    return;
  }
  range.lo = std::min(range.lo, value);
  range.hi = std::max(range.hi, value);
}

/// The value at `edge` of the segment from (x0, y0) to (x1, y1) when the segment spans it.
void include_crossing(ValueRange& range, double x0, double y0, double x1, double y1, double edge) {
  if (!(x0 < edge && edge < x1)) return;
  include(range, y0 + (y1 - y0) * (edge - x0) / (x1 - x0));
}

}  // namespace

ValueRange value_range(std::span<const PlottedValues> lines, double x_lo, double x_hi) {
  ValueRange range;
  for (const auto& line : lines) {
    const std::size_t n = std::min(line.x.size(), line.y.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (!std::isfinite(line.y[i])) continue;
      if (line.x[i] >= x_lo && line.x[i] <= x_hi) include(range, line.y[i]);
      if (i == 0 || !std::isfinite(line.y[i - 1])) continue;
      include_crossing(range, line.x[i - 1], line.y[i - 1], line.x[i], line.y[i], x_lo);
      include_crossing(range, line.x[i - 1], line.y[i - 1], line.x[i], line.y[i], x_hi);
    }
  }
  return range;
}

}  // namespace shanzhi::viz
