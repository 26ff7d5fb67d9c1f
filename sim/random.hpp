#pragma once
// Counter-based random streams (Random123 Philox4x32-10).
//
// A draw is a pure function of (seed, entity, tick, purpose, index): no generator state is shared
// between agents or threads, so results do not depend on thread count or iteration order.
// Each `purpose` names one kind of decision (need arrival, turnover, word of mouth, ...) so that
// adding a new kind of draw never shifts the numbers another decision sees.

#include <Random123/philox.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace shanzhi::sim {

/// Identifies one kind of random decision. Values are part of the results' identity: never
/// renumber an existing purpose, only add new ones.
using Purpose = std::uint32_t;

class RandomStream {
  using Philox = r123::Philox4x32;

 public:
  /// Four random words: one Philox block.
  using Block = std::array<std::uint32_t, 4>;

  /// A stream for one (entity, tick, purpose) under a run's seed.
  RandomStream(std::uint64_t seed, std::uint32_t entity, std::uint32_t tick, Purpose purpose) {
    key_ = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
    counter_ = {{entity, tick, purpose, 0}};
  }

  /// The same stream, given its first block (computed ahead, e.g. by first_blocks_of_four in
  /// random_batch.hpp, four entities at a time): draws the same numbers in the same order.
  RandomStream(std::uint64_t seed, std::uint32_t entity, std::uint32_t tick, Purpose purpose, const Block& first)
      : RandomStream(seed, entity, tick, purpose) {
    block_ = {{first[0], first[1], first[2], first[3]}};
    counter_.v[3] = 1;
    buffered_ = 4;
  }

  /// The first block of the stream for (seed, entity, tick, purpose).
  static Block first_block(std::uint64_t seed, std::uint32_t entity, std::uint32_t tick, Purpose purpose) {
    const Philox::key_type key = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
    const Philox::ctr_type counter = {{entity, tick, purpose, 0}};
    const auto block = Philox()(counter, key);
    return {block.v[0], block.v[1], block.v[2], block.v[3]};
  }

  /// Uniform on [0, 1), 24-bit resolution (enough for probabilities down to ~1e-7; float-exact).
  float uniform_float() { return static_cast<float>(next_u32() >> 8) * 0x1.0p-24f; }

  /// Uniform on [0, 1) with 53-bit resolution.
  double uniform() {
    const std::uint64_t hi = next_u32();
    const std::uint64_t lo = next_u32();
    return static_cast<double>(((hi << 32) | lo) >> 11) * 0x1.0p-53;
  }

  /// Uniform integer in [0, n) (n > 0), by multiply-shift on 32 bits (bias below 2^-32 * n).
  std::uint32_t below(std::uint32_t n) {  // n = 0 gives 0
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next_u32()) * n) >> 32);
  }

  bool bernoulli(double p) { return uniform() < p; }

  /// Standard normal by Box–Muller (one value per two uniforms; the partner is discarded so that
  /// the number of draws consumed never depends on earlier calls).
  double normal() {
    const double u1 = 1.0 - uniform();  // in (0, 1]
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

  double normal(double mean, double sd) { return mean + sd * normal(); }

  /// Exponential with the given rate (> 0).
  double exponential(double rate) { return -std::log(1.0 - uniform()) / rate; }

  /// Poisson by inversion; intended for small means (the weekly need rates are well below 5).
  std::uint32_t poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean > 30) {  // normal approximation keeps the cost bounded for unusual inputs
      const double x = std::floor(normal(mean, std::sqrt(mean)) + 0.5);
      return x < 0 ? 0u : static_cast<std::uint32_t>(x);
    }
    double p = std::exp(-mean);
    double cumulative = p;
    const double u = uniform();
    std::uint32_t k = 0;
    while (u > cumulative && k < 1000) {
      ++k;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  }

  /// Raw 32 random bits.
  std::uint32_t next_u32() {
    if (buffered_ == 0) refill();
    return block_[--buffered_];
  }

 private:

  void refill() {
    block_ = Philox()(counter_, key_);
    counter_.v[3] += 1;  // the fourth word counts blocks within this stream
    buffered_ = 4;
  }

  Philox::key_type key_;
  Philox::ctr_type counter_;
  Philox::ctr_type block_{};
  int buffered_ = 0;
};

/// Mixes a 64-bit value (SplitMix64 finaliser): derives independent seeds for runs, replicates
/// and design points from a master seed.
constexpr std::uint64_t mix_seed(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

/// Seed of replicate/run `index` derived from `master`.
constexpr std::uint64_t derive_seed(std::uint64_t master, std::uint64_t index) {
  return mix_seed(master ^ mix_seed(index + 0x632BE59BD9B4E019ull));
}

}  // namespace shanzhi::sim
