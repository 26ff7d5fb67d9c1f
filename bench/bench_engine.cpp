// Micro-benchmarks of the engine's innermost operations: what one resident costs per week is
// mostly random-stream set-up, a few draws and the satisfaction equations, so these numbers
// bound what the weekly phases can reach.

#include "models/governance/phases/satisfaction.hpp"
#include "models/governance/state/workforce.hpp"
#include "sim/agent_table.hpp"
#include "sim/random.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <vector>

namespace {

using shanzhi::sim::RandomStream;
namespace gov = shanzhi::gov;

constexpr std::uint64_t bench_seed = 12345;
constexpr shanzhi::sim::Purpose bench_purpose = 2;

// ---------------------------------------------------------------------------------------------
// Random streams

/// The need-arrival pattern: a fresh stream per resident and week, then up to four float draws.
void BM_StreamAndFourFloats(benchmark::State& state) {
  std::uint32_t resident = 0;
  for (auto _ : state) {
    RandomStream rng(bench_seed, resident++, 7, bench_purpose);
    float sum = rng.uniform_float();
    sum += rng.uniform_float();
    sum += rng.uniform_float();
    sum += rng.uniform_float();
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StreamAndFourFloats);

/// Standard normals from one long stream: each takes two 53-bit uniforms, i.e. one whole
/// Philox block, plus a log, a sqrt and a cos.
void BM_NormalDraws(benchmark::State& state) {
  RandomStream rng(bench_seed, 0, 0, bench_purpose);
  for (auto _ : state) benchmark::DoNotOptimize(rng.normal());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalDraws);

/// The encounter pattern: a fresh stream and one normal (performance noise).
void BM_StreamAndOneNormal(benchmark::State& state) {
  std::uint32_t resident = 0;
  for (auto _ : state) {
    RandomStream rng(bench_seed, resident++, 7, bench_purpose);
    benchmark::DoNotOptimize(rng.normal(0.0, 8.0));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StreamAndOneNormal);

// ---------------------------------------------------------------------------------------------
// Satisfaction equations

/// Inputs of one encounter. A table of varied inputs keeps the compiler from folding the
/// equations into constants and exercises both signs of disconfirmation.
struct EncounterInputs {
  float quality, wait_weeks, fit, noise;
  float performance, expectation, normative;
};

constexpr std::size_t input_count = 1024;  // a power of two, so `i % input_count` is a mask

std::vector<EncounterInputs> make_encounter_inputs() {
  std::vector<EncounterInputs> inputs(input_count);
  RandomStream rng(bench_seed, 0, 0, 99);
  for (auto& x : inputs) {
    x.quality = rng.uniform_float();
    x.wait_weeks = 8.0f * rng.uniform_float();
    x.fit = 0.5f + 0.5f * rng.uniform_float();
    x.noise = static_cast<float>(rng.normal(0.0, 8.0));
    x.performance = 100.0f * rng.uniform_float();
    x.expectation = 100.0f * rng.uniform_float();
    x.normative = 100.0f * rng.uniform_float();
  }
  return inputs;
}

void BM_PerceivedPerformance(benchmark::State& state) {
  const gov::SatisfactionParameters params;
  const auto inputs = make_encounter_inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& x = inputs[i++ % input_count];
    benchmark::DoNotOptimize(gov::perceived_performance(params, x.quality, x.wait_weeks, 4.0f, x.fit, x.noise));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PerceivedPerformance);

void BM_EncounterSatisfaction(benchmark::State& state) {
  const gov::SatisfactionParameters params;
  const auto inputs = make_encounter_inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& x = inputs[i++ % input_count];
    benchmark::DoNotOptimize(gov::encounter_satisfaction(params, x.performance, x.expectation, x.normative));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EncounterSatisfaction);

// ---------------------------------------------------------------------------------------------
// Agent storage

/// Destroy one agent and create another in a table of `state.range(0)` workers (the turnover
/// pattern): slot reuse, generation bump and value-initialising every column of the slot.
void BM_AgentTableChurn(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  gov::Workers workers;
  workers.reserve(size);
  std::vector<gov::WorkerId> ids;
  for (std::size_t i = 0; i < size; ++i) ids.push_back(workers.create());

  // Leaving workers are spread over the table by a fixed odd stride, not taken in slot order.
  constexpr std::size_t stride = 7919;
  std::size_t victim = 0;
  for (auto _ : state) {
    victim = (victim + stride) % size;
    workers.destroy(ids[victim]);
    ids[victim] = workers.create();
    workers.columns.skill[ids[victim].index] = 0.4f;
  }
  benchmark::DoNotOptimize(workers.alive_count());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AgentTableChurn)->Arg(1'000)->Arg(100'000);

}  // namespace

// The one main() of shanzhi_bench, which also runs the benchmarks of bench_phases.cpp.
BENCHMARK_MAIN();
