// `shanzhi sweep EXPERIMENT`: runs every (point, replicate) of an experiment that its results
// database does not hold yet, in parallel across runs, committing each finished run on its own.
// Killing the process loses only the runs in flight; the same command resumes.

#include "cli/commands.hpp"
#include "cli/mpi_sweep.hpp"
#include "cli/progress.hpp"
#include "models/governance/experiments/experiment_runner.hpp"
#include "models/governance/experiments/sweep_runner.hpp"
#include "sim/build_info.hpp"
#include "sim/experiments/results_store.hpp"
#include "sim/experiments/shard.hpp"
#include "sim/experiments/sweep_footprint.hpp"
#include "sim/host_resources.hpp"
#include "sim/parallel.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

namespace shanzhi::cli {
namespace {

namespace ex = sim::experiments;
using Clock = std::chrono::steady_clock;

struct SweepOptions {
  std::string experiment;
  std::string db;
  int threads = 0;
  bool timeseries = false;
  bool skip_size_check = false;  ///< start even when the plan or database is estimated not to fit
  std::optional<std::int64_t> limit;
  std::optional<sim::experiments::Shard> shard;
};

/// "1 run", "2 runs", "0 runs".
std::string counted(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

using Tally = gov::SweepTally;

/// The runs on this machine's threads, with the progress line.
Tally run_in_parallel(const std::vector<std::size_t>& todo, const ex::Experiment& experiment,
                      const ex::ExperimentPlan& plan, ex::ResultsStore& store, int threads, bool keep_timeseries) {
  Progress progress(std::cout, todo.size(), ::isatty(STDOUT_FILENO) != 0);
  const auto tally = gov::run_sweep_locally(todo, experiment, plan, store, threads, keep_timeseries,
                                            [&](std::size_t done) { progress.update(done); });
  progress.finish();
  return tally;
}

/// The master's side of an MPI sweep: workers compute, this rank commits each result on arrival.
Tally run_on_workers(const std::vector<std::size_t>& todo, const ex::Experiment& experiment,
                     const ex::ExperimentPlan& plan, ex::ResultsStore& store, mpi::Session& session) {
  Tally tally;
  Progress progress(std::cout, todo.size(), ::isatty(STDOUT_FILENO) != 0);
  const auto start = Clock::now();
  session.hand_out(
      todo,
      [&](std::size_t position) {
        const bool elsewhere = gov::finished_elsewhere(store, plan.run(position), tally);
        if (elsewhere) progress.update(tally.done());
        return elsewhere;
      },
      [&](std::size_t position, ex::RunOutcome&& outcome) {
        if (tally.store_error) return false;
        gov::record_run(store, experiment, plan.run(position), outcome, tally);
        if (tally.store_error) return false;
        progress.update(tally.done());
        return true;
      });
  progress.finish();
  tally.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return tally;
}

std::string default_database(const ex::Experiment& experiment, const std::optional<ex::Shard>& shard) {
  if (shard) return ex::shard_database(experiment.name, *shard);
  return "results/experiments/" + experiment.name + ".sqlite";
}

/// "on 2 threads", "on 3 MPI worker ranks".
std::string workers_text(int threads, int mpi_workers) {
  if (mpi_workers > 0) return "on " + std::to_string(mpi_workers) + " MPI worker rank" + (mpi_workers == 1 ? "" : "s");
  return "on " + std::to_string(threads) + " thread" + (threads == 1 ? "" : "s");
}

void print_header(const ex::Experiment& experiment, const ex::ExperimentPlan& plan, const SweepOptions& o,
                  std::size_t in_shard, std::size_t finished, std::size_t todo, const std::string& db,
                  const std::string& workers) {
  std::cout << "Experiment " << experiment.name << ": " << counted(plan.point_count(), "point") << " x "
            << counted(static_cast<std::size_t>(experiment.replicates), "replicate") << " = "
            << counted(plan.run_count(), "run") << " (" << ex::to_string(plan.design.kind) << " design, "
            << counted(experiment.factors.size(), "factor") << ", " << counted(experiment.outcomes.size(), "outcome")
            << ")\n";
  if (o.shard) std::cout << "Shard " << o.shard->text() << ": " << counted(in_shard, "run") << " of this shard\n";
  std::cout << "Database " << db << ": " << counted(finished, "run") << " already finished; running " << todo << " now";
  if (todo > 0) std::cout << " " << workers;
  std::cout << "\n" << std::flush;
}

void print_summary(const Tally& tally, std::size_t skipped, std::size_t still_missing, const std::string& db,
                   const std::optional<ex::Shard>& shard) {
  const double minutes = tally.seconds / 60;
  std::cout << "Ran " << counted(tally.ok + tally.failed, "run") << " in " << duration_text(tally.seconds);
  if (minutes > 0 && tally.done() > 0) std::cout << " (" << rate_text(static_cast<double>(tally.done()) / minutes) << " runs/min)";
  std::cout << ": " << tally.ok << " ok, " << tally.failed << " failed\n";
  std::cout << "Skipped " << counted(skipped, "run") << " already in the database\n";
  if (tally.recorded_elsewhere > 0)
    std::cout << "Left to another process sweeping the same database: " << counted(tally.recorded_elsewhere, "run")
              << " (each run is stored once)\n";
  if (tally.failed > 0) {
    std::cout << counted(tally.failed, "run") << " failed; they are recorded with their errors and the sweep went on. First errors:\n";
    for (const auto& error : tally.first_errors) std::cout << "  " << error << "\n";
  }
  if (still_missing == 0 && shard)
    std::cout << "Shard " << shard->text() << " complete: every run of this shard is in " << db
              << "\nWhen every shard is done: shanzhi merge MERGED.sqlite SHARD.sqlite...\n";
  else if (still_missing == 0)
    std::cout << "Sweep complete: every run is in " << db << "\n";
  else
    std::cout << counted(still_missing, "run") << (still_missing == 1 ? " remains" : " remain")
              << "; run the same command again to continue\n";
  std::cout << "Next: shanzhi export " << db << " --csv FILE.csv   or   shanzhi analyze " << db << "\n";
}

/// The experiment and its plan, or the exit code and message of why they cannot be had.
struct Loaded {
  ex::Experiment experiment;
  ex::ExperimentPlan plan;
  std::string db;     ///< the results database
  int code = exit_ok;
  std::string error;  ///< printed by the master, or by a worker when only it failed
};

/// Bytes of the database (and its write-ahead log) being resumed; 0 when it does not exist yet.
double present_store_bytes(const std::string& db) {
  std::error_code error;
  double bytes = 0;
  for (const auto& file : {db, db + "-wal"})
    if (const auto size = std::filesystem::file_size(file, error); !error) bytes += static_cast<double>(size);
  return bytes;
}

/// Refuses (exit 2) a design whose plan would not fit in memory or whose database would not fit
/// where it goes, before the plan is built or a run starts. Only the master writes the database.
std::optional<std::string> refusal_to_fit(const ex::Experiment& experiment, const SweepOptions& o,
                                          const std::string& db, bool master) {
  const double timeseries_rows = o.timeseries ? gov::timeseries_rows_per_run(experiment.base) : 0;
  const double present = present_store_bytes(db);
  const auto footprint =
      ex::estimate_sweep_footprint(experiment, ex::planned_point_count(experiment), timeseries_rows, present > 0);
  const auto folder = std::filesystem::path(db).parent_path();
  return ex::footprint_refusal(experiment, footprint, sim::available_memory_bytes(),
                               master ? sim::available_file_bytes(folder) : std::nullopt, o.timeseries, present);
}

Loaded load(const SweepOptions& o, bool master) {
  Loaded loaded;
  try {
    loaded.experiment = gov::load_governance_experiment(o.experiment);
    loaded.db = o.db.empty() ? default_database(loaded.experiment, o.shard) : o.db;
    if (const auto refusal = o.skip_size_check ? std::nullopt : refusal_to_fit(loaded.experiment, o, loaded.db, master)) {
      loaded.code = exit_bad_input;
      loaded.error = "shanzhi sweep: " + *refusal;
      return loaded;
    }
    loaded.plan = ex::plan_experiment(loaded.experiment);
  } catch (const sim::ScenarioError& e) {
    loaded.code = exit_bad_input;
    loaded.error = e.what();
  } catch (const std::invalid_argument& e) {
    loaded.code = exit_bad_input;
    loaded.error = "shanzhi sweep: " + o.experiment + ": " + e.what();
  }
  return loaded;
}

/// MPI when an MPI launcher started this process and the build has MPI; nothing otherwise.
std::unique_ptr<mpi::Session> start_mpi_if_launched() {
  std::unique_ptr<mpi::Session> session;
  if (!mpi::launched_by_mpi_launcher()) return session;
  if (!mpi::built_with_mpi()) {
    std::cerr << "shanzhi sweep: warning: started by an MPI launcher, but this shanzhi was built without MPI; each "
                 "process sweeps on its own (each run is still stored once)\n";
    return session;
  }
  session = std::make_unique<mpi::Session>();
  return session;
}

/// A worker rank: computes what the master hands out; the master reports everything.
int serve_as_worker(mpi::Session& session, const SweepOptions& o, const Loaded& loaded) {
  if (const int code = session.from_master(exit_ok); code != exit_ok) return code;  // the master could not open the store
  sim::set_thread_count(o.threads > 0 ? o.threads : 1);  // one rank per core is the MPI custom
  session.serve([&](std::size_t position) {
    return gov::run_plan(loaded.experiment.base, loaded.plan.run(position), loaded.experiment.outcomes,
                         o.timeseries);
  });
  return exit_ok;
}

int sweep(const SweepOptions& o) {
  auto session = start_mpi_if_launched();
  const bool master = !session || session->is_master();
  const int mpi_workers = session ? session->size() - 1 : 0;

  const Loaded loaded = load(o, master);
  // Every rank reads the files; a worker that alone cannot (a node without them) says so itself.
  const int load_code = session ? session->largest_of(loaded.code) : loaded.code;
  const int master_load_code = session ? session->from_master(loaded.code) : loaded.code;
  if (master && loaded.code != exit_ok) std::cerr << loaded.error << "\n";
  if (!master && loaded.code != exit_ok && master_load_code == exit_ok)
    std::cerr << "shanzhi sweep (MPI rank " << session->rank() << "): " << loaded.error << "\n";
  if (load_code != exit_ok) return load_code;
  if (!master) return serve_as_worker(*session, o, loaded);

  const auto& experiment = loaded.experiment;
  const auto& plan = loaded.plan;
  for (const auto& w : experiment.warnings) std::cerr << w.format() << "\n";
  const std::string& db = loaded.db;
  const ex::Shard shard = o.shard.value_or(ex::Shard{});

  std::optional<ex::ResultsStore> store;
  std::set<ex::RunKey> finished;
  int open_code = exit_ok;
  try {
    if (plan.point_count() >= 100'000 && !std::filesystem::exists(db))
      std::cout << "Writing the design's " << plan.point_count() << " points to " << db << " ...\n" << std::flush;
    store.emplace(ex::ResultsStore::open_for_sweep(db, experiment, plan));
    finished = store->finished_runs();
  } catch (const ex::StoreRefused& e) {
    std::cerr << "shanzhi sweep: " << e.what() << "\n";
    open_code = exit_bad_input;
  } catch (const ex::StoreError& e) {
    std::cerr << "shanzhi sweep: " << e.what() << "\n";
    open_code = exit_failure;
  }
  if (session) session->from_master(open_code);
  if (open_code != exit_ok) return open_code;
  if (const auto commit = store->created_by_commit(); commit != sim::shanzhi_git_commit())
    std::cerr << "shanzhi sweep: warning: " << db << " was started by Shanzhi " << commit << "; this is "
              << sim::shanzhi_git_commit() << ". If the model changed, old and new runs differ.\n";

  const auto todo = gov::runs_to_do(plan, finished, shard, o.limit);
  const auto [in_shard, finished_in_shard] = gov::shard_runs(plan, finished, shard);
  sim::set_thread_count(o.threads);
  const int threads = std::max(1, std::min<int>(sim::thread_count(), static_cast<int>(todo.size())));
  print_header(experiment, plan, o, in_shard, finished_in_shard, todo.size(), db, workers_text(threads, mpi_workers));
  const Tally tally = mpi_workers > 0 ? run_on_workers(todo, experiment, plan, *store, *session)
                                      : run_in_parallel(todo, experiment, plan, *store, threads, o.timeseries);
  if (tally.store_error) {
    std::cerr << "shanzhi sweep: " << *tally.store_error << "\nThe " << tally.done()
              << " runs finished before are committed; run the same command again to resume.\n";
    return exit_failure;
  }
  const std::size_t missing = in_shard - finished_in_shard - tally.done();
  print_summary(tally, finished_in_shard, missing, db, o.shard);
  return exit_ok;
}

}  // namespace

Command add_sweep_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("sweep", "Run an experiment's design points and replicates into a results database");
  auto o = std::make_shared<SweepOptions>();
  cmd->add_option("experiment", o->experiment, "Experiment file (TOML), e.g. scenarios/experiments/purchase_lhs.toml")
      ->required();
  cmd->add_option("--db", o->db, "Results database (SQLite; default: results/experiments/NAME.sqlite)");
  cmd->add_option("--threads", o->threads, "Runs at the same time (default: all cores); results are identical")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--timeseries", o->timeseries, "Also store every metric of every recorded week of each run");
  cmd->add_flag("--skip-size-check", o->skip_size_check,
                "Start even when the plan's memory or the database's size is estimated not to fit (the estimate "
                "errs on the large side); a full disk then stops the sweep, and the same command resumes it");
  cmd->add_option("--limit", o->limit, "Run at most K of the missing runs, then stop (resume later)")
      ->check(CLI::Range(std::int64_t{0}, std::numeric_limits<std::int64_t>::max()))
      ->type_name("K");
  cmd->add_option_function<std::string>(
         "--shard", [o](const std::string& text) { o->shard = ex::parse_shard(text); },
         "Run only shard I of N (I = 0..N-1) into its own database, for job arrays; combine with `shanzhi merge`")
      ->type_name("I/N")
      ->check([](const std::string& text) {
        try {
          ex::parse_shard(text);
          return std::string();
        } catch (const std::invalid_argument& e) {
          return std::string(e.what());
        }
      });
  cmd->footer(
      "Each run's seed is derived from the master seed and its (point, replicate), so results do not\n"
      "depend on order, thread count or interruptions. Finished runs are committed one by one: after a\n"
      "crash or kill, the same command runs only what is missing. A run that fails (e.g. a design point\n"
      "whose weights do not sum to 1) is recorded with its error and the sweep goes on.\n"
      "Under MPI (mpirun -np K shanzhi sweep ...), rank 0 owns the database and hands runs to the K-1\n"
      "other ranks one at a time; --threads is then each worker's threads per run (default 1). See\n"
      "docs/cluster.md. " + std::string(mpi::built_with_mpi() ? "This build has MPI." : "This build has no MPI.") + "\n"
      "Exit codes: 0 the sweep ran (some runs may have failed: see the summary), 1 the database could\n"
      "not be written (finished runs stay committed), 2 bad input (experiment file, options, or a\n"
      "database that holds another experiment).");
  return {cmd, [o] { return sweep(*o); }};
}

}  // namespace shanzhi::cli
