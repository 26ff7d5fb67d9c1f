#pragma once
// The search over lever settings, with pagmo2: CMA-ES for one objective, NSGA-II for several.
// It works in the unit hypercube [0, 1]^d (each lever's range mapped to [0, 1]), so one step
// size suits every lever whatever its unit. Both algorithms are seeded, and the fitness is a
// deterministic function of the candidate (common random numbers, fixed seeds), so the same
// file replays the same candidates in the same order: that is what lets an interrupted run
// resume from the results store.
//
// Why these methods: with CRN the simulated objective is a fixed sample-average approximation,
// not a fresh noisy draw at every call, so CMA-ES (rank-based, derivative-free, robust to the
// remaining ruggedness) converges on it; NSGA-II keeps a spread Pareto front for several
// objectives. Candidates of one NSGA-II generation (and every initial population) are evaluated
// as one batch, so their runs share the threads; CMA-ES evaluates one candidate at a time, and
// its scenario × replicate runs share the threads.

#include "sim/optimization/planning_file.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace shanzhi::sim::optimization {

/// Fitness (minimized, one value per objective) of a batch of candidates in [0, 1]^d.
using BatchFitness = std::function<std::vector<std::vector<double>>(const std::vector<std::vector<double>>&)>;

/// Runs the configured algorithm; returns the final population's candidates.
std::vector<std::vector<double>> run_search(const SearchSettings& settings, std::size_t dimensions,
                                            std::size_t objectives, std::uint64_t seed, const BatchFitness& fitness);

}  // namespace shanzhi::sim::optimization
