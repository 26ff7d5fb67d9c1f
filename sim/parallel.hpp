#pragma once
// Thread control for OpenMP loops. Loops over residents are split into blocks whose boundaries
// do not depend on the thread count (a community, or a fixed-size chunk), and per-block partial
// sums are combined in block order, so floating-point results are identical with any number of
// threads.

#include <omp.h>

namespace shanzhi::sim {

/// Sets the number of threads used by parallel loops (0 = OpenMP's default).
inline void set_thread_count(int threads) {
  if (threads > 0) omp_set_num_threads(threads);
}

inline int thread_count() { return omp_get_max_threads(); }

/// Calls body(block) for block in [0, blocks) in parallel; `body` must only write state that
/// belongs to its block. Dynamic scheduling balances blocks of unequal cost.
template <class Body>
void parallel_for_blocks(int blocks, Body&& body) {
#pragma omp parallel for schedule(dynamic, 1)
  for (int b = 0; b < blocks; ++b) body(b);
}

}  // namespace shanzhi::sim
