#pragma once
// Powers of the weekly reversion factor of category satisfactions, for bringing stored values up
// to date in closed form (category_reversion.hpp).

#include <array>
#include <cmath>

namespace shanzhi::gov {

/// r^d for the weekly reversion factor r: a table for the usual gaps, pow() beyond it.
struct ReversionPowers {
  static constexpr int table_size = 1024;
  float factor = -1;  ///< r the table holds (−1: not set yet)
  std::array<float, table_size> power{};

  void set(float r) {
    factor = r;
    for (int d = 0; d < table_size; ++d) power[static_cast<std::size_t>(d)] = static_cast<float>(std::pow(static_cast<double>(r), d));
  }
  float to_the(int d) const {
    return d < table_size ? power[static_cast<std::size_t>(d)] : static_cast<float>(std::pow(static_cast<double>(factor), d));
  }
};

}  // namespace shanzhi::gov
