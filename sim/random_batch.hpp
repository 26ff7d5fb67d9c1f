#pragma once
// The first Philox4x32-10 block of four streams at once: entities e, e+1, e+2, e+3 with the same
// (seed, tick, purpose). Weekly passes over residents draw one stream per resident, and most
// residents use only that stream's first block; computing four blocks on SSE2 lanes gives the
// same bits as four scalar Philox calls (tests/sim/test_random.cpp checks them) in a third of
// the instructions. A RandomStream started from such a block (random.hpp) continues exactly as
// one that computed it itself.

#include "sim/random.hpp"

#include <array>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace shanzhi::sim {

/// blocks[lane] is the first block of entity first_entity + lane's stream.
using FourBlocks = std::array<RandomStream::Block, 4>;

#if defined(__SSE2__)

namespace detail {

/// Per 32-bit lane: low and high words of lane × multiplier.
inline void mulhilo_lanes(__m128i lanes, __m128i multiplier, __m128i& lo, __m128i& hi) {
  const __m128i even = _mm_mul_epu32(lanes, multiplier);                    // lanes 0 and 2, 64-bit
  const __m128i odd = _mm_mul_epu32(_mm_srli_epi64(lanes, 32), multiplier);  // lanes 1 and 3
  const __m128i even_sorted = _mm_shuffle_epi32(even, _MM_SHUFFLE(3, 1, 2, 0));  // lo0 lo2 hi0 hi2
  const __m128i odd_sorted = _mm_shuffle_epi32(odd, _MM_SHUFFLE(3, 1, 2, 0));    // lo1 lo3 hi1 hi3
  lo = _mm_unpacklo_epi32(even_sorted, odd_sorted);
  hi = _mm_unpackhi_epi32(even_sorted, odd_sorted);
}

}  // namespace detail

inline FourBlocks first_blocks_of_four(std::uint64_t seed, std::uint32_t first_entity, std::uint32_t tick,
                                       Purpose purpose) {
  // Word-major: c0 holds word 0 of the four counters, and so on (the fourth word is 0: block 0).
  __m128i c0 = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(first_entity)), _mm_set_epi32(3, 2, 1, 0));
  __m128i c1 = _mm_set1_epi32(static_cast<int>(tick));
  __m128i c2 = _mm_set1_epi32(static_cast<int>(purpose));
  __m128i c3 = _mm_setzero_si128();
  auto k0 = static_cast<std::uint32_t>(seed), k1 = static_cast<std::uint32_t>(seed >> 32);
  const __m128i m0 = _mm_set1_epi32(static_cast<int>(0xD2511F53u));  // PHILOX_M4x32_0
  const __m128i m1 = _mm_set1_epi32(static_cast<int>(0xCD9E8D57u));  // PHILOX_M4x32_1
  for (int round = 0; round < 10; ++round) {
    if (round > 0) {  // the key is bumped before every round but the first
      k0 += 0x9E3779B9u;  // PHILOX_W32_0
      k1 += 0xBB67AE85u;  // PHILOX_W32_1
    }
    __m128i lo0, hi0, lo1, hi1;
    detail::mulhilo_lanes(c0, m0, lo0, hi0);
    detail::mulhilo_lanes(c2, m1, lo1, hi1);
    const __m128i next0 = _mm_xor_si128(_mm_xor_si128(hi1, c1), _mm_set1_epi32(static_cast<int>(k0)));
    const __m128i next2 = _mm_xor_si128(_mm_xor_si128(hi0, c3), _mm_set1_epi32(static_cast<int>(k1)));
    c0 = next0;
    c1 = lo1;
    c2 = next2;
    c3 = lo0;
  }
  alignas(16) std::uint32_t words[4][4];
  _mm_store_si128(reinterpret_cast<__m128i*>(words[0]), c0);
  _mm_store_si128(reinterpret_cast<__m128i*>(words[1]), c1);
  _mm_store_si128(reinterpret_cast<__m128i*>(words[2]), c2);
  _mm_store_si128(reinterpret_cast<__m128i*>(words[3]), c3);
  FourBlocks blocks;
  for (int lane = 0; lane < 4; ++lane)
    for (int word = 0; word < 4; ++word) blocks[lane][word] = words[word][lane];
  return blocks;
}

#else  // no SSE2: four scalar blocks, the same bits

inline FourBlocks first_blocks_of_four(std::uint64_t seed, std::uint32_t first_entity, std::uint32_t tick,
                                       Purpose purpose) {
  FourBlocks blocks;
  for (std::uint32_t lane = 0; lane < 4; ++lane)
    blocks[lane] = RandomStream::first_block(seed, first_entity + lane, tick, purpose);
  return blocks;
}

#endif

/// Calls body(i, stream) for every i in [first, end), in order, where stream is the stream of
/// (seed, i, tick, purpose): first blocks come four at a time, the rest one at a time.
template <class Body>
void for_each_entity_stream(std::uint64_t seed, std::uint32_t first, std::uint32_t end, std::uint32_t tick,
                            Purpose purpose, Body&& body) {
  std::uint32_t i = first;
  for (; end - i >= 4 && i < end; i += 4) {
    const FourBlocks blocks = first_blocks_of_four(seed, i, tick, purpose);
    for (std::uint32_t lane = 0; lane < 4; ++lane) {
      RandomStream stream(seed, i + lane, tick, purpose, blocks[lane]);
      body(i + lane, stream);
    }
  }
  for (; i < end; ++i) {
    RandomStream stream(seed, i, tick, purpose);
    body(i, stream);
  }
}

}  // namespace shanzhi::sim
