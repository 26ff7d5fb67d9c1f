#include "models/governance/experiments/sweep_runner.hpp"

#include "models/governance/experiments/experiment_runner.hpp"

#include <omp.h>

#include <atomic>
#include <chrono>

namespace shanzhi::gov {
namespace {

namespace ex = sim::experiments;

/// Failed runs whose errors a tally keeps; the rest are in the database.
constexpr std::size_t errors_kept = 5;

}  // namespace

std::vector<std::size_t> runs_to_do(const ex::ExperimentPlan& plan, const std::set<ex::RunKey>& finished,
                                    const ex::Shard& shard, std::optional<std::int64_t> limit) {
  std::vector<std::size_t> todo;
  const std::size_t replicates = plan.replicates;
  for (std::size_t position = 0; position < plan.run_count(); ++position) {
    if (limit && static_cast<std::int64_t>(todo.size()) >= *limit) break;
    if (shard.holds(position) && !finished.count({position / replicates, position % replicates})) todo.push_back(position);
  }
  return todo;
}

std::pair<std::size_t, std::size_t> shard_runs(const ex::ExperimentPlan& plan, const std::set<ex::RunKey>& finished,
                                               const ex::Shard& shard) {
  std::size_t in_shard = 0, done = 0;
  for (std::size_t position = 0; position < plan.run_count(); ++position) {
    if (!shard.holds(position)) continue;
    ++in_shard;
    done += finished.count({position / plan.replicates, position % plan.replicates});
  }
  return {in_shard, done};
}

void record_run(ex::ResultsStore& store, const ex::Experiment& experiment, const ex::RunPlan& run,
                const ex::RunOutcome& outcome, SweepTally& tally) {
  try {
    if (!store.record(run, outcome, experiment.outcomes)) {
      ++tally.recorded_elsewhere;
      return;
    }
  } catch (const ex::StoreError& e) {
    tally.store_error = e.what();
    return;
  }
  if (outcome.ok) {
    ++tally.ok;
    return;
  }
  ++tally.failed;
  if (tally.first_errors.size() < errors_kept)
    tally.first_errors.push_back("point " + std::to_string(run.point) + ", replicate " + std::to_string(run.replicate) +
                                 ": " + outcome.error);
}

bool finished_elsewhere(ex::ResultsStore& store, const ex::RunPlan& run, SweepTally& tally) {
  bool finished = false;
#pragma omp critical(shanzhi_results_store)
  {
    try {
      finished = !tally.store_error && store.has_run({run.point, run.replicate});
    } catch (const ex::StoreError&) {
      finished = false;  // the write that follows will report the problem
    }
    if (finished) ++tally.recorded_elsewhere;
  }
  return finished;
}

SweepTally run_sweep_locally(const std::vector<std::size_t>& todo, const ex::Experiment& experiment,
                             const ex::ExperimentPlan& plan, ex::ResultsStore& store, int threads, bool keep_timeseries,
                             const SweepProgress& on_done) {
  omp_set_max_active_levels(1);
  SweepTally tally;
  std::atomic<bool> stop{false};
  const auto start = std::chrono::steady_clock::now();
  const auto count = static_cast<std::int64_t>(todo.size());
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (std::int64_t i = 0; i < count; ++i) {
    if (stop.load()) continue;  // a store error: finish quickly, keep what is committed
    const auto run = plan.run(todo[static_cast<std::size_t>(i)]);
    if (finished_elsewhere(store, run, tally)) {
      // Under the store's lock, like every other report: the progress line is not thread-safe.
#pragma omp critical(shanzhi_results_store)
      if (on_done) on_done(tally.done());
      continue;
    }
    const auto outcome = run_plan(experiment.base, run, experiment.outcomes, keep_timeseries);
#pragma omp critical(shanzhi_results_store)
    {
      if (!tally.store_error) {
        record_run(store, experiment, run, outcome, tally);
        if (tally.store_error) stop = true;
        else if (on_done) on_done(tally.done());
      }
    }
  }
  tally.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return tally;
}

}  // namespace shanzhi::gov
