#pragma once
// Sampling designs over the unit hypercube [0,1]^d (one column per factor):
//   full_factorial  every combination of levels (list factors: their values; range factors:
//                   `levels` evenly spaced points including both ends)
//   latin_hypercube N points, one in each of N equal slices of every dimension
//   sobol           Saltelli's scheme for Sobol indices: matrices A and B (N rows each, from a
//                   scrambled/shifted Sobol sequence of dimension 2d) and the d matrices AB_i
//                   (A with column i from B): N·(d + 2) points, in the order A, B, AB_1..AB_d
//   morris          `trajectories` one-at-a-time trajectories on a `levels`-level grid, each
//                   d + 1 points, step Δ = levels / (2·(levels − 1))
// Designs are deterministic functions of (kind, sizes, seed).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shanzhi::sim::experiments {

enum class DesignKind { full_factorial, latin_hypercube, sobol, morris };

/// "full_factorial", "latin_hypercube", "sobol" or "morris".
std::string_view to_string(DesignKind kind);
/// The kind named by to_string's names or the short forms "factorial" and "lhs"; nullopt if none.
std::optional<DesignKind> parse_design_kind(std::string_view name);

struct DesignSpec {
  DesignKind kind = DesignKind::latin_hypercube;
  std::int64_t samples = 100;      ///< LHS points; Sobol base samples N; Morris trajectories
  std::int64_t levels = 4;         ///< Morris grid levels; full-factorial points per range factor
  std::uint64_t seed = 1;
};

/// Points in the unit hypercube, row-major: point p, factor j at unit[p * dimensions + j].
struct UnitDesign {
  DesignKind kind = DesignKind::latin_hypercube;
  std::size_t dimensions = 0;
  std::size_t base_samples = 0;   ///< N for Sobol, trajectories for Morris, else the point count
  std::vector<double> unit;
  std::size_t point_count() const { return dimensions ? unit.size() / dimensions : 0; }
  double at(std::size_t point, std::size_t factor) const { return unit[point * dimensions + factor]; }
};

/// How many points build_design would make, with every check it makes, without building the
/// design: a 10-million-point design is sized and refused (or its plan's footprint estimated)
/// before gigabytes are spent on it.
std::size_t design_point_count(const DesignSpec& spec, std::size_t dimensions,
                               const std::vector<std::size_t>& list_levels);

/// Builds the design for `dimensions` factors. `list_levels[j]` is the number of values of a
/// list factor j (0 for a range factor; an empty vector means all are ranges): full factorial
/// uses it as that factor's level count and puts each level at the centre of the value's bin.
/// Throws std::invalid_argument for impossible sizes (no factors, N < 1, fewer than 2 levels,
/// more than 10 million points in any design).
UnitDesign build_design(const DesignSpec& spec, std::size_t dimensions, const std::vector<std::size_t>& list_levels);

}  // namespace shanzhi::sim::experiments
