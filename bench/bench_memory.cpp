// Memory bandwidth of this machine, STREAM-style (McCalpin's triad a[i] = b[i] + q·c[i] on
// arrays far larger than the caches), with 1 and 2 threads: the ceiling against which
// docs/performance.md compares the resident loop's bytes per second.

#include <omp.h>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <vector>

namespace {

/// 3 arrays of 16 M doubles = 384 MiB in all: nothing stays in cache between passes.
constexpr std::size_t triad_length = std::size_t{1} << 24;

void BM_StreamTriad(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  std::vector<double> a(triad_length, 0.0), b(triad_length, 1.0), c(triad_length, 2.0);
  const double q = 3.0;
  const auto n = static_cast<std::ptrdiff_t>(triad_length);
  for (auto _ : state) {
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::ptrdiff_t i = 0; i < n; ++i) a[static_cast<std::size_t>(i)] = b[static_cast<std::size_t>(i)] + q * c[static_cast<std::size_t>(i)];
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
  }
  // Bytes the program asks for (read b and c, write a); write-allocate traffic not counted, as in STREAM.
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(3 * sizeof(double) * triad_length));
  state.counters["threads"] = threads;
}
BENCHMARK(BM_StreamTriad)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
