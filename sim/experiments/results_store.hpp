#pragma once
// The results of one experiment in one SQLite database, safe against the process being killed at
// any moment: every finished run is committed in its own transaction, so a kill loses only the
// runs in flight, and a UNIQUE (point, replicate) constraint makes a duplicate run impossible
// even when two processes sweep the same database.
//
// Tables (documented for researchers who query the file directly in docs/experiments.md):
//   experiment     one row: name, the experiment file's path and text, its canonical text and
//                  hash (canonical_text, fnv1a_hex), design kind and sizes, replicates, master
//                  seed, Shanzhi version and git commit, creation time
//   source_files   the base scenario files as read (main file first)
//   factors        position, scenario key, role (lever/uncertainty), value type
//   outcome_specs  position, metric, statistic
//   points         one row per design point
//   point_values   (point, key) → the factor's value and its unit-hypercube coordinate: a long
//                  table, so any number of factors needs no schema change
//   runs           run id, point, replicate, seed, status ok/failed, wall seconds, error text,
//                  finished time (UTC); UNIQUE (point, replicate)
//   outcomes       (run, metric, statistic) → value; NULL when the metric was NaN
//   timeseries     (run, metric, week) → value, only for sweeps run with --timeseries

#include "sim/experiments/experiment.hpp"

#include <filesystem>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace shanzhi::sim::experiments {

/// The database cannot be read or written (I/O error, full disk, locked too long).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The file is not this experiment's results: another experiment, or not a results database.
/// Nothing was written to it.
class StoreRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// (point, replicate): the identity of a run.
using RunKey = std::pair<std::size_t, std::size_t>;

/// A stored run as export and analysis see it.
struct StoredRun {
  std::int64_t id = 0;
  std::size_t point = 0;
  std::size_t replicate = 0;
  std::uint64_t seed = 0;
  bool ok = false;
  double wall_seconds = 0;
  std::string error;
  std::string finished;        ///< ISO-8601 UTC
  std::vector<double> values;  ///< one per outcome spec; NaN when missing (failed runs)
};

struct StoredFactor {
  std::string key;
  std::string role;  ///< "lever" or "uncertainty"
};

/// Everything a database holds except time series, in point/replicate order.
struct StoredResults {
  std::string name;
  std::string file_path;
  std::string file_text;
  std::string hash;
  std::string shanzhi_version;
  std::string git_commit;
  std::string created;
  DesignKind kind = DesignKind::latin_hypercube;
  std::size_t base_samples = 0;
  std::size_t replicates = 1;
  std::uint64_t master_seed = 0;
  std::vector<StoredFactor> factors;
  std::vector<OutcomeSpec> outcomes;
  std::vector<DesignPoint> points;
  std::vector<StoredRun> runs;

  /// The design in the unit hypercube, rebuilt from the stored coordinates.
  UnitDesign unit_design() const;
};

/// Factor `j`'s value in every finished run, in run order, when every value is a number (switches
/// as 0/1); nullopt for a factor that takes names.
std::optional<std::vector<double>> numeric_factor_by_run(const StoredResults& results, std::size_t j);

/// The factors (their indices) whose value is a number at every design point: those a numeric
/// analysis (regression, PRIM) can take; a factor that takes names is left out.
std::vector<std::size_t> numeric_factors(const StoredResults& results);

class ResultsStore {
 public:
  /// Opens `path` for sweeping `experiment`, creating the database (and its folder) with the
  /// experiment and its design points on first use. Throws StoreRefused when the file holds
  /// another experiment (the message names both files and both hashes) or is not a results
  /// database, StoreError when it cannot be opened or written.
  static ResultsStore open_for_sweep(const std::filesystem::path& path, const Experiment& experiment,
                                     const ExperimentPlan& plan);
  /// Opens an existing database for reading. Throws StoreRefused when it is missing or not a
  /// results database.
  static ResultsStore open_read_only(const std::filesystem::path& path);

  ResultsStore(ResultsStore&& other) noexcept;
  ResultsStore& operator=(ResultsStore&& other) noexcept;
  ResultsStore(const ResultsStore&) = delete;
  ResultsStore& operator=(const ResultsStore&) = delete;
  ~ResultsStore();

  /// Every (point, replicate) with a finished run, ok or failed.
  std::set<RunKey> finished_runs() const;

  /// Whether (point, replicate) has a finished run now; lets concurrent sweeps of one database
  /// skip each other's runs instead of computing them twice.
  bool has_run(const RunKey& run) const;

  /// Records one finished run, its outcomes and (when present) its time series in one
  /// transaction. Returns false and writes nothing when (point, replicate) is already recorded
  /// (another process finished it first). Throws StoreError when the write fails; the runs
  /// committed before stay.
  bool record(const RunPlan& plan, const RunOutcome& outcome, const std::vector<OutcomeSpec>& outcomes);

  /// Adds a design point found while running (an optimizer's candidate policy): the points of a
  /// sweep are fixed when its store is created, those of an optimization are not. Does nothing
  /// when the point's index is already stored. Throws StoreError when the write fails.
  void add_point(const DesignPoint& point);

  /// Git commit of the build that created the database.
  std::string created_by_commit() const;

  StoredResults read_all() const;

  const std::filesystem::path& path() const { return path_; }

 private:
  struct Statements;
  ResultsStore(std::filesystem::path path, sqlite3* db);

  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Statements> statements_;  ///< prepared once: record() runs once per run
};

}  // namespace shanzhi::sim::experiments
