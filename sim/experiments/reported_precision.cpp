#include "sim/experiments/reported_precision.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::sim::experiments {

int supported_decimals(double half_width, int most_decimals) {
  if (!(half_width > 0) || !std::isfinite(half_width)) return most_decimals;
  const int leading_place = static_cast<int>(std::floor(std::log10(half_width)));
  return std::clamp(-leading_place, 0, most_decimals);
}

}  // namespace shanzhi::sim::experiments
