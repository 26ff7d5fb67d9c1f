// Counter-based random streams. Two kinds of checks:
//  - identity: a draw is a pure function of (seed, entity, tick, purpose, index), so reruns and
//    any thread count reproduce results, and changing any part of the key changes the numbers;
//  - distribution: each sampler has the mean, spread and shape it claims. Bounds are about five
//    standard errors (two-sided p ≈ 1e-6), loose enough never to flake yet tight enough to catch
//    a wrong constant, an off-by-one in a range or a biased transform.
//
// The seeds are fixed, so every run draws the same numbers: a failure here is a real change.

#include "sim/random.hpp"
#include "sim/random_batch.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <unordered_set>
#include <vector>

using shanzhi::sim::derive_seed;
using shanzhi::sim::mix_seed;
using shanzhi::sim::RandomStream;

namespace {

constexpr std::uint64_t test_seed = 20240611;
constexpr int million = 1'000'000;
/// Standard errors allowed before a statistic counts as wrong (two-sided p ≈ 6e-7).
constexpr double z_limit = 5.0;

struct Moments {
  double mean = 0;
  double variance = 0;
};

/// Mean and (population) variance of `n` values produced by `draw`, by Welford's update.
Moments moments_of(int n, const std::function<double()>& draw) {
  double mean = 0, m2 = 0;
  for (int i = 1; i <= n; ++i) {
    const double x = draw();
    const double delta = x - mean;
    mean += delta / i;
    m2 += delta * (x - mean);
  }
  return {mean, m2 / n};
}

std::vector<std::uint32_t> first_words(RandomStream stream, int count) {
  std::vector<std::uint32_t> words;
  for (int i = 0; i < count; ++i) words.push_back(stream.next_u32());
  return words;
}

/// Pearson correlation of two equally long samples.
double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

/// Quantile of the chi-square distribution with `dof` degrees of freedom at standard normal
/// score `z`, by the Wilson–Hilferty cube-root approximation (slightly conservative for small
/// dof; 0 where the approximation gives nothing positive).
double chi_square_quantile(int dof, double z) {
  const double k = dof;
  const double c = 2.0 / (9.0 * k);
  const double root = std::max(0.0, 1.0 - c + z * std::sqrt(c));
  return k * root * root * root;
}

/// Standard normal score of a one-sided tail probability of 1e-6.
constexpr double z_one_in_a_million = 4.753;

/// Pearson chi-square statistic of counts of below(bins) over `draws` draws from one stream
/// per entity (the model's pattern: many short streams), against the uniform distribution.
double chi_square_of_below(std::uint32_t bins, int draws) {
  std::vector<double> counts(bins, 0.0);
  for (int e = 0; e < draws; ++e) {
    RandomStream rng(test_seed, static_cast<std::uint32_t>(e), 3, 9);
    ++counts[rng.below(bins)];
  }
  const double expected = static_cast<double>(draws) / bins;
  double chi2 = 0;
  for (double c : counts) chi2 += (c - expected) * (c - expected) / expected;
  return chi2;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Identity of a stream

TEST_CASE("the same key always gives the same sequence", "[sim][random]") {
  const RandomStream stream(test_seed, 17, 5, 2);
  const auto a = first_words(stream, 100);
  const auto b = first_words(RandomStream(test_seed, 17, 5, 2), 100);
  CHECK(a == b);
  // The sequence does not repeat a 4-word block (the block counter advances).
  CHECK(std::vector<std::uint32_t>(a.begin(), a.begin() + 4) != std::vector<std::uint32_t>(a.begin() + 4, a.begin() + 8));
}

TEST_CASE("changing any part of the key changes the sequence", "[sim][random]") {
  const auto base = first_words(RandomStream(test_seed, 17, 5, 2), 8);
  CHECK(first_words(RandomStream(test_seed + 1, 17, 5, 2), 8) != base);
  CHECK(first_words(RandomStream(test_seed, 18, 5, 2), 8) != base);
  CHECK(first_words(RandomStream(test_seed, 17, 6, 2), 8) != base);
  CHECK(first_words(RandomStream(test_seed, 17, 5, 3), 8) != base);
  // Both halves of the 64-bit seed are part of the key.
  const std::uint64_t high_bit_only = test_seed ^ (std::uint64_t{1} << 40);
  CHECK(first_words(RandomStream(high_bit_only, 17, 5, 2), 8) != base);
  // Entity and tick occupy different counter words: swapping them is a different stream.
  CHECK(first_words(RandomStream(test_seed, 5, 17, 2), 8) != base);
}

TEST_CASE("streams are independent of the order in which they are drawn", "[sim][random]") {
  // Interleaving two streams (as two threads might) gives each the numbers it gives alone.
  RandomStream a(test_seed, 1, 0, 2), b(test_seed, 2, 0, 2);
  std::vector<std::uint32_t> a_words, b_words;
  for (int i = 0; i < 10; ++i) {
    a_words.push_back(a.next_u32());
    b_words.push_back(b.next_u32());
  }
  CHECK(a_words == first_words(RandomStream(test_seed, 1, 0, 2), 10));
  CHECK(b_words == first_words(RandomStream(test_seed, 2, 0, 2), 10));
}

TEST_CASE("the stream is Philox4x32-10 keyed by the seed — counter (entity — tick — purpose — block)",
          "[sim][random]") {
  // Known-answer test from Random123 (kat_vectors): zero counter and key. RandomStream hands out
  // each 4-word block last word first. Results of saved runs depend on this exact mapping.
  const auto words = first_words(RandomStream(0, 0, 0, 0), 4);
  CHECK(words == std::vector<std::uint32_t>{0x9b00dbd8u, 0xbc57ac4cu, 0xe169c58du, 0x6627e8d5u});

  r123::Philox4x32 philox;
  const r123::Philox4x32::ctr_type counter{{7, 11, 13, 1}};  // second block of the stream
  const r123::Philox4x32::key_type key{{0x89abcdefu, 0x01234567u}};
  const auto block = philox(counter, key);
  RandomStream stream(0x0123456789abcdefull, 7, 11, 13);
  for (int i = 0; i < 4; ++i) stream.next_u32();  // skip the first block
  CHECK(stream.next_u32() == block.v[3]);
  CHECK(stream.next_u32() == block.v[2]);
}

TEST_CASE("each sampler consumes a fixed number of words", "[sim][random]") {
  // Draw counts must not depend on values drawn earlier, or one changed probability would shift
  // every later number in the stream.
  auto word_after = [](const std::function<void(RandomStream&)>& use) {
    RandomStream rng(test_seed, 3, 4, 5);
    use(rng);
    return rng.next_u32();
  };
  const auto words = first_words(RandomStream(test_seed, 3, 4, 5), 9);
  CHECK(word_after([](RandomStream& r) { r.uniform_float(); }) == words[1]);
  CHECK(word_after([](RandomStream& r) { r.below(1000); }) == words[1]);
  CHECK(word_after([](RandomStream& r) { r.uniform(); }) == words[2]);
  CHECK(word_after([](RandomStream& r) { r.bernoulli(0.5); }) == words[2]);
  CHECK(word_after([](RandomStream& r) { r.exponential(1.0); }) == words[2]);
  CHECK(word_after([](RandomStream& r) { r.normal(); }) == words[4]);
  CHECK(word_after([](RandomStream& r) { r.normal(); r.normal(); }) == words[8]);
  CHECK(word_after([](RandomStream& r) { r.poisson(2.0); }) == words[2]);
}

// ---------------------------------------------------------------------------------------------
// Uniform samplers

TEST_CASE("uniform has mean 1/2 and variance 1/12 over a long stream", "[sim][random]") {
  RandomStream rng(test_seed, 0, 0, 1);
  const auto m = moments_of(million, [&] { return rng.uniform(); });
  CHECK(std::abs(m.mean - 0.5) < z_limit * std::sqrt(1.0 / 12.0 / million));
  CHECK(std::abs(m.variance - 1.0 / 12.0) < z_limit * std::sqrt(1.0 / 180.0 / million));
}

TEST_CASE("uniform has mean 1/2 and variance 1/12 across many one-draw streams", "[sim][random]") {
  std::uint32_t entity = 0;
  const auto m = moments_of(million, [&] { return RandomStream(test_seed, entity++, 7, 1).uniform(); });
  CHECK(std::abs(m.mean - 0.5) < z_limit * std::sqrt(1.0 / 12.0 / million));
  CHECK(std::abs(m.variance - 1.0 / 12.0) < z_limit * std::sqrt(1.0 / 180.0 / million));
}

TEST_CASE("uniform and uniform_float stay in (0 — 1) and reach both ends", "[sim][random]") {
  RandomStream rng(test_seed, 1, 0, 1);
  double low = 1, high = 0;
  float low_f = 1, high_f = 0;
  bool float_on_24_bit_grid = true;
  for (int i = 0; i < million; ++i) {
    const double u = rng.uniform();
    low = std::min(low, u);
    high = std::max(high, u);
    const float f = rng.uniform_float();
    low_f = std::min(low_f, f);
    high_f = std::max(high_f, f);
    const float scaled = f * 0x1.0p24f;
    float_on_24_bit_grid = float_on_24_bit_grid && scaled == std::floor(scaled);
  }
  CHECK(low >= 0.0);
  CHECK(high < 1.0);
  CHECK(low_f >= 0.0f);
  CHECK(high_f < 1.0f);
  // With a million draws the extremes lie within about 1e-5 of the ends.
  CHECK(low < 1e-4);
  CHECK(high > 1 - 1e-4);
  CHECK(low_f < 1e-4f);
  CHECK(high_f > 1 - 1e-4f);
  CHECK(float_on_24_bit_grid);
}

TEST_CASE("uniform_float has mean 1/2 and variance 1/12", "[sim][random]") {
  std::uint32_t entity = 0;
  const auto m = moments_of(million, [&] { return RandomStream(test_seed, entity++, 0, 2).uniform_float(); });
  CHECK(std::abs(m.mean - 0.5) < z_limit * std::sqrt(1.0 / 12.0 / million));
  CHECK(std::abs(m.variance - 1.0 / 12.0) < z_limit * std::sqrt(1.0 / 180.0 / million));
}

TEST_CASE("below(n) stays in (0 — n)", "[sim][random]") {
  RandomStream rng(test_seed, 2, 0, 1);
  for (std::uint32_t n : {1u, 2u, 3u, 7u, 1000u, 0x80000001u, 0xFFFFFFFFu}) {
    INFO("n = " << n);
    std::uint32_t largest = 0;
    for (int i = 0; i < 10'000; ++i) largest = std::max(largest, rng.below(n));
    CHECK(largest < n);
  }
  for (int i = 0; i < 1000; ++i) CHECK(rng.below(1) == 0);
}

TEST_CASE("below(n) is uniform over its n values (chi-square)", "[sim][random]") {
  for (std::uint32_t bins : {2u, 7u, 10u, 100u, 256u}) {
    INFO("n = " << bins);
    const double chi2 = chi_square_of_below(bins, million);
    const int dof = static_cast<int>(bins) - 1;
    CHECK(chi2 < chi_square_quantile(dof, z_one_in_a_million));
    // Counts far more even than chance allows would mean a sequence that is not random at all.
    CHECK(chi2 >= chi_square_quantile(dof, -z_one_in_a_million));
  }
}

// ---------------------------------------------------------------------------------------------
// Other distributions

TEST_CASE("normal has mean 0 and standard deviation 1 with normal tails", "[sim][random]") {
  std::uint32_t entity = 0;
  int beyond_two_sd = 0;
  const auto m = moments_of(million, [&] {
    const double x = RandomStream(test_seed, entity++, 0, 3).normal();
    beyond_two_sd += std::abs(x) > 2.0;
    return x;
  });
  CHECK(std::abs(m.mean) < z_limit * std::sqrt(1.0 / million));
  CHECK(std::abs(m.variance - 1.0) < z_limit * std::sqrt(2.0 / million));
  const double tail_share = 0.0455003;  // P(|Z| > 2)
  CHECK(std::abs(beyond_two_sd / double(million) - tail_share) <
        z_limit * std::sqrt(tail_share * (1 - tail_share) / million));
}

TEST_CASE("normal(mean — sd) shifts and scales the standard normal", "[sim][random]") {
  std::uint32_t entity = 0;
  const auto m = moments_of(million, [&] { return RandomStream(test_seed, entity++, 1, 3).normal(70.0, 12.0); });
  CHECK(std::abs(m.mean - 70.0) < z_limit * 12.0 / std::sqrt(million));
  CHECK(std::abs(m.variance - 144.0) < z_limit * 144.0 * std::sqrt(2.0 / million));
  // Same stream position, same standard normal: the transform is exactly mean + sd·z.
  RandomStream a(test_seed, 9, 9, 9), b(test_seed, 9, 9, 9);
  CHECK(a.normal(70.0, 12.0) == Approx(70.0 + 12.0 * b.normal()).epsilon(1e-15));
}

TEST_CASE("exponential(rate) is non-negative with mean and sd 1/rate", "[sim][random]") {
  for (double rate : {0.5, 2.0}) {
    INFO("rate = " << rate);
    std::uint32_t entity = 0;
    double smallest = 1;
    const auto m = moments_of(million, [&] {
      const double x = RandomStream(test_seed, entity++, 0, 4).exponential(rate);
      smallest = std::min(smallest, x);
      return x;
    });
    const double mean = 1.0 / rate;
    CHECK(smallest >= 0.0);
    CHECK(std::abs(m.mean - mean) < z_limit * mean / std::sqrt(million));
    // With fourth central moment 9/rate⁴, the sample variance has sd ≈ √8/rate² / √n.
    CHECK(std::abs(m.variance - mean * mean) < z_limit * std::sqrt(8.0) * mean * mean / std::sqrt(million));
  }
}

TEST_CASE("poisson has mean and variance equal to its mean", "[sim][random]") {
  // 0.1 and 2 are the model's range (inversion); 10 is inversion's long tail; 40 takes the normal
  // approximation above 30, whose variance is the mean plus 1/12 from rounding.
  for (double lambda : {0.1, 2.0, 10.0, 40.0}) {
    INFO("mean = " << lambda);
    std::uint32_t entity = 0;
    const auto m = moments_of(million, [&] {
      return static_cast<double>(RandomStream(test_seed, entity++, 0, 5).poisson(lambda));
    });
    CHECK(std::abs(m.mean - lambda) < z_limit * std::sqrt(lambda / million));
    // Sample variance of a Poisson has variance ≈ (λ + 2λ²)/n.
    const double rounding_variance = lambda > 30 ? 1.0 / 12.0 : 0.0;
    CHECK(std::abs(m.variance - (lambda + rounding_variance)) <
          z_limit * std::sqrt((lambda + 2 * lambda * lambda) / million));
  }
}

TEST_CASE("poisson puts the right mass on zero and handles a zero or negative mean", "[sim][random]") {
  std::uint32_t entity = 0;
  int zeros = 0;
  for (int i = 0; i < million; ++i) zeros += RandomStream(test_seed, entity++, 1, 5).poisson(2.0) == 0;
  const double p0 = std::exp(-2.0);
  CHECK(std::abs(zeros / double(million) - p0) < z_limit * std::sqrt(p0 * (1 - p0) / million));

  RandomStream rng(test_seed, 0, 0, 5);
  CHECK(rng.poisson(0.0) == 0);
  CHECK(rng.poisson(-1.0) == 0);
}

TEST_CASE("bernoulli(p) succeeds at rate p — never at 0 and always at 1", "[sim][random]") {
  for (double p : {0.001, 0.3, 0.9}) {
    INFO("p = " << p);
    std::uint32_t entity = 0;
    int successes = 0;
    for (int i = 0; i < million; ++i) successes += RandomStream(test_seed, entity++, 0, 6).bernoulli(p);
    CHECK(std::abs(successes / double(million) - p) < z_limit * std::sqrt(p * (1 - p) / million));
  }
  RandomStream rng(test_seed, 0, 0, 6);
  int at_zero = 0, at_one = 0;
  for (int i = 0; i < 100'000; ++i) {
    at_zero += rng.bernoulli(0.0);
    at_one += rng.bernoulli(1.0);
  }
  CHECK(at_zero == 0);
  CHECK(at_one == 100'000);
}

// ---------------------------------------------------------------------------------------------
// Independence between streams and seeds

TEST_CASE("adjacent entities — ticks and purposes give uncorrelated draws", "[sim][random]") {
  constexpr int n = 100'000;
  const double limit = z_limit / std::sqrt(n);  // sd of a sample correlation is ≈ 1/√n
  std::vector<double> here(n), next_entity(n), next_tick(n), next_purpose(n), second_draw(n);
  for (int e = 0; e < n; ++e) {
    const auto entity = static_cast<std::uint32_t>(e);
    RandomStream rng(test_seed, entity, 10, 2);
    here[e] = rng.uniform();
    second_draw[e] = rng.uniform();
    next_entity[e] = RandomStream(test_seed, entity + 1, 10, 2).uniform();
    next_tick[e] = RandomStream(test_seed, entity, 11, 2).uniform();
    next_purpose[e] = RandomStream(test_seed, entity, 10, 3).uniform();
  }
  CHECK(std::abs(correlation(here, next_entity)) < limit);
  CHECK(std::abs(correlation(here, next_tick)) < limit);
  CHECK(std::abs(correlation(here, next_purpose)) < limit);
  CHECK(std::abs(correlation(here, second_draw)) < limit);
}

TEST_CASE("mix_seed and derive_seed give distinct seeds for consecutive indices", "[sim][random]") {
  constexpr std::uint64_t count = 100'000;
  for (std::uint64_t master : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{42}, test_seed}) {
    INFO("master = " << master);
    std::unordered_set<std::uint64_t> mixed, derived;
    bool any_equal_to_master = false;
    for (std::uint64_t i = 0; i < count; ++i) {
      mixed.insert(mix_seed(master + i));
      const std::uint64_t seed = derive_seed(master, i);
      derived.insert(seed);
      any_equal_to_master = any_equal_to_master || seed == master;
    }
    CHECK(mixed.size() == count);
    CHECK(derived.size() == count);
    CHECK_FALSE(any_equal_to_master);
    CHECK(mix_seed(master) != master);
  }
  // Different masters give different replicate seeds for the same index.
  CHECK(derive_seed(1, 0) != derive_seed(2, 0));
  CHECK(derive_seed(1, 5) != derive_seed(5, 1));
  // Usable at compile time (seed tables can be constexpr).
  STATIC_REQUIRE(mix_seed(0) != 0);
}

TEST_CASE("derived seeds have balanced bits", "[sim][random]") {
  // Each of the 64 bits should be set in about half of consecutive derived seeds; a weak mixer
  // leaves low or high bits stuck for small indices.
  constexpr int count = 100'000;
  std::array<int, 64> set_count{};
  for (int i = 0; i < count; ++i) {
    const std::uint64_t seed = derive_seed(7, static_cast<std::uint64_t>(i));
    for (int bit = 0; bit < 64; ++bit) set_count[static_cast<std::size_t>(bit)] += (seed >> bit) & 1u;
  }
  const double limit = z_limit * std::sqrt(0.25 * count);
  for (int bit = 0; bit < 64; ++bit) {
    INFO("bit " << bit);
    CHECK(std::abs(set_count[static_cast<std::size_t>(bit)] - count / 2.0) < limit);
  }
}

TEST_CASE("Four first blocks at once equal four scalar Philox blocks", "[sim][random]") {
  for (const std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{0xFFFFFFFFFFFFFFFFull},
                                   std::uint64_t{0x123456789ABCDEFull}}) {
    for (const std::uint32_t first : {0u, 5u, 1'000'003u, 0xFFFFFFF0u}) {
      for (const std::uint32_t tick : {0u, 17u, 0xFFFFFFFFu}) {
        const auto blocks = shanzhi::sim::first_blocks_of_four(seed, first, tick, 3);
        for (std::uint32_t lane = 0; lane < 4; ++lane)
          CHECK(blocks[lane] == shanzhi::sim::RandomStream::first_block(seed, first + lane, tick, 3));
      }
    }
  }
}

TEST_CASE("A stream started from its first block draws what the stream computes itself", "[sim][random]") {
  const auto blocks = shanzhi::sim::first_blocks_of_four(42, 100, 7, 9);
  for (std::uint32_t lane = 0; lane < 4; ++lane) {
    shanzhi::sim::RandomStream computed(42, 100 + lane, 7, 9);
    shanzhi::sim::RandomStream given(42, 100 + lane, 7, 9, blocks[lane]);
    for (int draw = 0; draw < 11; ++draw) CHECK(computed.next_u32() == given.next_u32());  // past the first block
  }
  // for_each_entity_stream visits every entity once, in order, each with its own stream.
  std::vector<std::uint32_t> visited;
  shanzhi::sim::for_each_entity_stream(42, 3, 14, 7, 9, [&](std::uint32_t i, shanzhi::sim::RandomStream& stream) {
    visited.push_back(i);
    shanzhi::sim::RandomStream own(42, i, 7, 9);
    CHECK(stream.next_u32() == own.next_u32());
    CHECK(stream.uniform() == own.uniform());
  });
  CHECK(visited == std::vector<std::uint32_t>{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
}
