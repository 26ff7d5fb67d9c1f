#pragma once
// Points uniform on the unit cube from a fixed generator, for tests of scenario discovery
// (PRIM, the classification tree) and regression: bits, not a library distribution, so the
// points are the same with every standard library.

#include <cstdint>
#include <random>
#include <vector>

namespace shanzhi::test_support {

/// A uniform number in [0, 1) from the top 53 bits of `bits`.
inline double unit_uniform(std::mt19937_64& bits) { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }

/// `n` points uniform on [0, 1]^d.
inline std::vector<std::vector<double>> uniform_points(std::size_t n, std::size_t d, std::uint64_t seed) {
  std::mt19937_64 bits(seed);
  std::vector<std::vector<double>> x(n, std::vector<double>(d));
  for (auto& point : x)
    for (auto& v : point) v = unit_uniform(bits);
  return x;
}

}  // namespace shanzhi::test_support
