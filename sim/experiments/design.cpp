// The four sampling designs over the unit hypercube. Every random choice comes from a
// sim::RandomStream keyed by the spec's seed, so a design is a pure function of its spec.

#include "sim/experiments/design.hpp"

#include "sim/random.hpp"

#include <boost/random/sobol.hpp>

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace shanzhi::sim::experiments {
namespace {

// Purposes of the designs' random streams (entity = dimension or trajectory). Changing them
// changes every design, so they are fixed like the model's purposes.
constexpr Purpose lhs_permutation = 1;
constexpr Purpose lhs_jitter = 2;
constexpr Purpose sobol_digital_shift = 3;
constexpr Purpose morris_trajectory = 4;

/// More points than this is a mistake (a typo in N or levels), not an experiment.
constexpr std::size_t max_points = 10'000'000;

void require(bool condition, const std::string& message) {
  if (!condition) throw std::invalid_argument(message);
}

void require_size(std::size_t points, const std::string& what) {
  require(points <= max_points, what + " would have " + std::to_string(points) +
                                    " points, more than the limit of 10 million");
}

UnitDesign empty_design(const DesignSpec& spec, std::size_t dimensions, std::size_t base_samples) {
  UnitDesign design;
  design.kind = spec.kind;
  design.dimensions = dimensions;
  design.base_samples = base_samples;
  return design;
}

// ---------------------------------------------------------------------------------------------
// Full factorial

/// Levels of factor j: a list factor's value count, else the spec's levels.
std::vector<std::size_t> factorial_levels(const DesignSpec& spec, std::size_t dimensions,
                                          const std::vector<std::size_t>& list_levels) {
  std::vector<std::size_t> levels(dimensions, static_cast<std::size_t>(spec.levels));
  for (std::size_t j = 0; j < list_levels.size(); ++j)
    if (list_levels[j] > 0) levels[j] = list_levels[j];
  return levels;
}

/// Unit coordinate of level k of n. A range factor's levels include both ends; a list factor's
/// level is the centre of its value's bin in Factor::value_at, safe from rounding at bin edges.
double factorial_coordinate(std::size_t k, std::size_t n, bool is_list) {
  if (is_list || n == 1) return (static_cast<double>(k) + 0.5) / static_cast<double>(n);
  return static_cast<double>(k) / static_cast<double>(n - 1);
}

UnitDesign full_factorial(const DesignSpec& spec, std::size_t dimensions, const std::vector<std::size_t>& list_levels) {
  const auto levels = factorial_levels(spec, dimensions, list_levels);
  std::size_t points = 1;
  for (const auto n : levels) {
    require(n <= max_points && points <= max_points / n,
            "a full factorial of these levels has more than 10 million points");
    points *= n;
  }
  UnitDesign design = empty_design(spec, dimensions, points);
  design.unit.resize(points * dimensions);
  // Row-major with the last factor fastest: point p's level of factor j is one digit of p in
  // the mixed radix given by the levels.
  for (std::size_t p = 0; p < points; ++p) {
    std::size_t rest = p;
    for (std::size_t j = dimensions; j-- > 0;) {
      const bool is_list = j < list_levels.size() && list_levels[j] > 0;
      design.unit[p * dimensions + j] = factorial_coordinate(rest % levels[j], levels[j], is_list);
      rest /= levels[j];
    }
  }
  return design;
}

// ---------------------------------------------------------------------------------------------
// Latin hypercube

/// A uniformly random permutation of 0..n-1 (Fisher–Yates).
std::vector<std::size_t> random_permutation(std::size_t n, RandomStream& random) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[random.below(static_cast<std::uint32_t>(i))]);
  return order;
}

UnitDesign latin_hypercube(const DesignSpec& spec, std::size_t dimensions) {
  const auto n = static_cast<std::size_t>(spec.samples);
  require_size(n, "a Latin hypercube");
  UnitDesign design = empty_design(spec, dimensions, n);
  design.unit.resize(n * dimensions);
  for (std::size_t j = 0; j < dimensions; ++j) {
    const auto entity = static_cast<std::uint32_t>(j);
    RandomStream permutation_stream(spec.seed, entity, 0, lhs_permutation);
    RandomStream jitter_stream(spec.seed, entity, 0, lhs_jitter);
    const auto slice = random_permutation(n, permutation_stream);
    for (std::size_t p = 0; p < n; ++p)
      design.unit[p * dimensions + j] = (static_cast<double>(slice[p]) + jitter_stream.uniform()) / static_cast<double>(n);
  }
  return design;
}

// ---------------------------------------------------------------------------------------------
// Sobol (Saltelli)
//
// Boost's engine starts at the second point of the Sobol sequence, so the all-zero first point
// is skipped already. Each of the 2d dimensions gets a random digital shift (its 32 bits XORed
// with a mask drawn from the seed): the shifted points keep the sequence's stratification,
// every coordinate stays strictly inside (0, 1), and different seeds give independent
// randomised designs, so a researcher can see the estimator's spread by changing the seed.

/// N points of the digitally shifted Sobol sequence in dimension `width`, row-major.
std::vector<double> shifted_sobol_points(std::size_t n, std::size_t width, std::uint64_t seed) {
  require(width <= boost::random::default_sobol_table::max_dimension,
          "a Sobol design supports at most " +
              std::to_string(boost::random::default_sobol_table::max_dimension / 2) + " factors");
  std::vector<std::uint32_t> shift(width);
  for (std::size_t k = 0; k < width; ++k)
    shift[k] = RandomStream(seed, static_cast<std::uint32_t>(k), 0, sobol_digital_shift).next_u32();
  boost::random::sobol_engine<std::uint32_t, 32> sequence(width);
  std::vector<double> points(n * width);
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t k = 0; k < width; ++k)  // +0.5: the centre of the 2^-32 cell, never 0 or 1
      points[p * width + k] = (static_cast<double>(sequence() ^ shift[k]) + 0.5) * 0x1.0p-32;
  return points;
}

UnitDesign saltelli(const DesignSpec& spec, std::size_t dimensions) {
  const auto n = static_cast<std::size_t>(spec.samples);
  require(n <= max_points / (dimensions + 2), "a Sobol design with N = " + std::to_string(n) + " and " +
                                                  std::to_string(dimensions) +
                                                  " factors would have more than 10 million points");
  const auto sobol = shifted_sobol_points(n, 2 * dimensions, spec.seed);
  const auto a = [&](std::size_t row, std::size_t j) { return sobol[row * 2 * dimensions + j]; };
  const auto b = [&](std::size_t row, std::size_t j) { return sobol[row * 2 * dimensions + dimensions + j]; };

  UnitDesign design = empty_design(spec, dimensions, n);
  design.unit.reserve(n * (dimensions + 2) * dimensions);
  for (std::size_t row = 0; row < n; ++row)  // A
    for (std::size_t j = 0; j < dimensions; ++j) design.unit.push_back(a(row, j));
  for (std::size_t row = 0; row < n; ++row)  // B
    for (std::size_t j = 0; j < dimensions; ++j) design.unit.push_back(b(row, j));
  for (std::size_t i = 0; i < dimensions; ++i)  // AB_i: A with column i taken from B
    for (std::size_t row = 0; row < n; ++row)
      for (std::size_t j = 0; j < dimensions; ++j) design.unit.push_back(j == i ? b(row, j) : a(row, j));
  return design;
}

// ---------------------------------------------------------------------------------------------
// Morris
//
// Positions are counted in half grid steps, so that every test and move is exact integer
// arithmetic: grid level k is position 2k, the top is 2(p − 1), and Δ = p/(2(p − 1)) is p half
// steps. For an even p every grid level can move exactly one way; for an odd p the middle level
// cannot move at all and is never chosen as a base.

struct MorrisGrid {
  std::int64_t top = 0;   ///< position of 1.0
  std::int64_t step = 0;  ///< Δ in half steps
  /// Grid positions from which a move of ±Δ stays inside [0, 1].
  std::vector<std::int64_t> movable;

  explicit MorrisGrid(std::int64_t levels) : top(2 * (levels - 1)), step(levels) {
    for (std::int64_t position = 0; position <= top; position += 2)
      if (position + step <= top || position - step >= 0) movable.push_back(position);
  }
  double unit(std::int64_t position) const { return static_cast<double>(position) / static_cast<double>(top); }
};

/// One trajectory: a random movable base point, then each factor in random order moves by Δ
/// (up or down at random where both stay inside [0, 1]). d + 1 points appended to `unit`.
void append_trajectory(const MorrisGrid& grid, std::size_t dimensions, RandomStream& random,
                       std::vector<double>& unit) {
  std::vector<std::int64_t> position(dimensions);
  for (auto& x : position) x = grid.movable[random.below(static_cast<std::uint32_t>(grid.movable.size()))];
  const auto order = random_permutation(dimensions, random);
  for (const auto x : position) unit.push_back(grid.unit(x));
  for (const std::size_t j : order) {
    const bool can_rise = position[j] + grid.step <= grid.top;
    const bool can_fall = position[j] - grid.step >= 0;
    const bool rise = can_rise && (!can_fall || random.below(2) == 0);
    position[j] += rise ? grid.step : -grid.step;
    for (const auto x : position) unit.push_back(grid.unit(x));
  }
}

UnitDesign morris(const DesignSpec& spec, std::size_t dimensions) {
  const auto trajectories = static_cast<std::size_t>(spec.samples);
  require(trajectories <= max_points / (dimensions + 1),
          "a Morris design with " + std::to_string(trajectories) + " trajectories and " + std::to_string(dimensions) +
              " factors would have more than 10 million points");
  const MorrisGrid grid(spec.levels);
  UnitDesign design = empty_design(spec, dimensions, trajectories);
  design.unit.reserve(trajectories * (dimensions + 1) * dimensions);
  for (std::size_t t = 0; t < trajectories; ++t) {
    RandomStream random(spec.seed, static_cast<std::uint32_t>(t), 0, morris_trajectory);
    append_trajectory(grid, dimensions, random, design.unit);
  }
  return design;
}

void check_spec(const DesignSpec& spec, std::size_t dimensions, const std::vector<std::size_t>& list_levels) {
  require(dimensions > 0, "a design needs at least one factor");
  require(list_levels.empty() || list_levels.size() == dimensions,
          "list_levels must be empty or give one entry per factor");
  const bool uses_samples = spec.kind != DesignKind::full_factorial;
  const bool uses_levels = spec.kind == DesignKind::full_factorial || spec.kind == DesignKind::morris;
  if (uses_samples) {
    require(spec.samples >= 1, "the number of samples must be at least 1, got " + std::to_string(spec.samples));
    require(spec.samples <= static_cast<std::int64_t>(max_points),
            "the number of samples must be at most 10 million, got " + std::to_string(spec.samples));
  }
  if (uses_levels) {
    require(spec.levels >= 2, "a design needs at least 2 levels, got " + std::to_string(spec.levels));
    require(spec.levels <= 1'000'000, "levels must be at most 1 million, got " + std::to_string(spec.levels));
  }
}

}  // namespace

std::string_view to_string(DesignKind kind) {
  switch (kind) {
    case DesignKind::full_factorial: return "full_factorial";
    case DesignKind::latin_hypercube: return "latin_hypercube";
    case DesignKind::sobol: return "sobol";
    case DesignKind::morris: return "morris";
  }
  return "unknown";
}

std::optional<DesignKind> parse_design_kind(std::string_view name) {
  if (name == "full_factorial" || name == "factorial") return DesignKind::full_factorial;
  if (name == "latin_hypercube" || name == "lhs") return DesignKind::latin_hypercube;
  if (name == "sobol") return DesignKind::sobol;
  if (name == "morris") return DesignKind::morris;
  return std::nullopt;
}

std::size_t design_point_count(const DesignSpec& spec, std::size_t dimensions,
                               const std::vector<std::size_t>& list_levels) {
  check_spec(spec, dimensions, list_levels);
  const auto n = static_cast<std::size_t>(spec.samples);
  switch (spec.kind) {
    case DesignKind::full_factorial: {
      std::size_t points = 1;
      for (const auto levels : factorial_levels(spec, dimensions, list_levels)) {
        require(levels <= max_points && points <= max_points / levels,
                "a full factorial of these levels has more than 10 million points");
        points *= levels;
      }
      return points;
    }
    case DesignKind::latin_hypercube: require_size(n, "a Latin hypercube"); return n;
    case DesignKind::sobol:
      require(2 * dimensions <= boost::random::default_sobol_table::max_dimension,
              "a Sobol design supports at most " +
                  std::to_string(boost::random::default_sobol_table::max_dimension / 2) + " factors");
      require(n <= max_points / (dimensions + 2), "a Sobol design with N = " + std::to_string(n) + " and " +
                                                      std::to_string(dimensions) +
                                                      " factors would have more than 10 million points");
      return n * (dimensions + 2);
    case DesignKind::morris:
      require(n <= max_points / (dimensions + 1), "a Morris design with " + std::to_string(n) +
                                                      " trajectories and " + std::to_string(dimensions) +
                                                      " factors would have more than 10 million points");
      return n * (dimensions + 1);
  }
  throw std::invalid_argument("unknown design kind");
}

UnitDesign build_design(const DesignSpec& spec, std::size_t dimensions, const std::vector<std::size_t>& list_levels) {
  design_point_count(spec, dimensions, list_levels);  // every size check, before any allocation
  switch (spec.kind) {
    case DesignKind::full_factorial: return full_factorial(spec, dimensions, list_levels);
    case DesignKind::latin_hypercube: return latin_hypercube(spec, dimensions);
    case DesignKind::sobol: return saltelli(spec, dimensions);
    case DesignKind::morris: return morris(spec, dimensions);
  }
  throw std::invalid_argument("unknown design kind");
}

}  // namespace shanzhi::sim::experiments
