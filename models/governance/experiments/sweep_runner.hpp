#pragma once
// Running a sweep's missing runs on this machine: each (point, replicate) the results database does
// not hold yet is run across OpenMP threads and committed on its own as it finishes, so a killed
// sweep loses only its runs in flight. `shanzhi sweep` (with its printout, shards and MPI) and the
// Python module's sweep() both run sweeps through here.

#include "sim/experiments/experiment.hpp"
#include "sim/experiments/results_store.hpp"
#include "sim/experiments/shard.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace shanzhi::gov {

/// What happened during one sweep.
struct SweepTally {
  std::size_t ok = 0;
  std::size_t failed = 0;
  std::size_t recorded_elsewhere = 0;  ///< finished by another process first; not stored twice
  std::vector<std::string> first_errors;  ///< of the first few failed runs (the rest are in the database)
  std::optional<std::string> store_error;
  double seconds = 0;
  std::size_t done() const { return ok + failed + recorded_elsewhere; }
};

/// Positions (in plan order) of the shard's runs still missing from the store, at most `limit`.
std::vector<std::size_t> runs_to_do(const sim::experiments::ExperimentPlan& plan,
                                    const std::set<sim::experiments::RunKey>& finished,
                                    const sim::experiments::Shard& shard, std::optional<std::int64_t> limit);

/// How many of the shard's runs (all runs without a shard) the plan has, and how many are finished.
std::pair<std::size_t, std::size_t> shard_runs(const sim::experiments::ExperimentPlan& plan,
                                               const std::set<sim::experiments::RunKey>& finished,
                                               const sim::experiments::Shard& shard);

/// Commits one finished run and counts it. Called by one thread at a time (the store's connection
/// is not shared between threads).
void record_run(sim::experiments::ResultsStore& store, const sim::experiments::Experiment& experiment,
                const sim::experiments::RunPlan& run, const sim::experiments::RunOutcome& outcome, SweepTally& tally);

/// True (and counted) when another process sweeping the same database has finished `run` since
/// this sweep started: one indexed lookup.
bool finished_elsewhere(sim::experiments::ResultsStore& store, const sim::experiments::RunPlan& run, SweepTally& tally);

/// Told the number of runs done so far, one call at a time (for a progress line).
using SweepProgress = std::function<void(std::size_t done)>;

/// Runs `todo` across `threads` OpenMP threads, each model on one thread (the runs are the
/// parallel work), committing each run as it finishes; stops early on a store error, keeping what
/// is committed. Results do not depend on the thread count.
SweepTally run_sweep_locally(const std::vector<std::size_t>& todo, const sim::experiments::Experiment& experiment,
                             const sim::experiments::ExperimentPlan& plan, sim::experiments::ResultsStore& store,
                             int threads, bool keep_timeseries, const SweepProgress& on_done = {});

}  // namespace shanzhi::gov
