#include "sim/experiments/results_merge.hpp"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <system_error>

namespace shanzhi::sim::experiments {
namespace {

namespace fs = std::filesystem;

/// One connection to the database being built; closes (and so releases its file) on scope exit.
class Connection {
 public:
  explicit Connection(const fs::path& path) : path_(path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      const std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw StoreError(path.string() + ": cannot open: " + reason);
    }
    sqlite3_busy_timeout(db_, 60'000);
  }
  ~Connection() { sqlite3_close(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void execute(const std::string& sql, const std::string& doing) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    const std::string detail = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    if (rc != SQLITE_OK) throw StoreError(path_.string() + ": " + doing + ": " + detail);
  }

  std::int64_t integer(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
      throw StoreError(path_.string() + ": " + sqlite3_errmsg(db_));
    const std::int64_t value = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0;
    sqlite3_finalize(statement);
    return value;
  }

 private:
  fs::path path_;
  sqlite3* db_ = nullptr;
};

/// A literal for SQL text: single quotes doubled.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

MergeInput describe_input(const fs::path& path, std::size_t& planned_runs) {
  const auto results = ResultsStore::open_read_only(path).read_all();
  MergeInput input;
  input.path = path;
  input.experiment = results.name;
  input.hash = results.hash;
  input.git_commit = results.git_commit;
  input.runs = results.runs.size();
  planned_runs = results.points.size() * results.replicates;
  return input;
}

void refuse_mixed_experiments(const std::vector<MergeInput>& inputs) {
  for (const auto& input : inputs)
    if (input.hash != inputs.front().hash) {
      std::string message = "these databases hold different experiments, so their results cannot be merged:";
      for (const auto& each : inputs)
        message += "\n  " + each.path.string() + ": experiment " + each.experiment + ", hash " + each.hash;
      message += "\nMerge only the shards of one experiment file (sweep --shard I/N of the same file).";
      throw StoreRefused(message);
    }
}

/// Copies the runs of `source` that `db` lacks, with their outcomes and time series, in one
/// transaction. Returns how many runs were added.
std::size_t copy_missing_runs(Connection& db, const fs::path& source) {
  db.execute("ATTACH DATABASE " + quoted(source.string()) + " AS source", "opening " + source.string());
  db.execute("BEGIN IMMEDIATE", "starting the merge");
  const std::int64_t last_run = db.integer("SELECT COALESCE(MAX(run), 0) FROM main.runs");
  db.execute(
      "INSERT INTO main.runs (point, replicate, seed, status, wall_seconds, error, finished) "
      "SELECT point, replicate, seed, status, wall_seconds, error, finished FROM source.runs s "
      "WHERE NOT EXISTS (SELECT 1 FROM main.runs m WHERE m.point = s.point AND m.replicate = s.replicate) "
      "ORDER BY point, replicate",
      "copying runs from " + source.string());
  // New rows got ids above last_run; outcomes and time series follow their run by (point, replicate).
  const std::string new_run_of_source_run =
      "JOIN source.runs s ON s.run = x.run JOIN main.runs m ON m.point = s.point AND m.replicate = s.replicate "
      "WHERE m.run > " + std::to_string(last_run);
  db.execute("INSERT INTO main.outcomes (run, metric, statistic, value) SELECT m.run, x.metric, x.statistic, x.value "
             "FROM source.outcomes x " + new_run_of_source_run,
             "copying outcomes from " + source.string());
  db.execute("INSERT INTO main.timeseries (run, metric, week, value) SELECT m.run, x.metric, x.week, x.value "
             "FROM source.timeseries x " + new_run_of_source_run,
             "copying time series from " + source.string());
  const auto added = static_cast<std::size_t>(db.integer("SELECT COUNT(*) FROM main.runs WHERE run > " + std::to_string(last_run)));
  db.execute("COMMIT", "committing the merge");
  db.execute("DETACH DATABASE source", "closing " + source.string());
  return added;
}

/// Flushes a file (or directory) to disk, so the rename below publishes complete data.
void sync_to_disk(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code error;
  return fs::exists(a, error) && fs::exists(b, error) && fs::equivalent(a, b, error);
}

}  // namespace

MergeReport merge_results(const fs::path& output, const std::vector<fs::path>& inputs) {
  if (inputs.empty()) throw StoreRefused("nothing to merge: name at least one input database");
  MergeReport report;
  std::error_code error;
  const bool output_exists = fs::exists(output, error);
  std::vector<fs::path> sources;
  if (output_exists) sources.push_back(output);
  for (const auto& input : inputs) {
    if (same_file(input, output))
      throw StoreRefused(input.string() + " is both an input and the output; name a new output file");
    sources.push_back(input);
  }
  for (const auto& source : sources) report.inputs.push_back(describe_input(source, report.planned_runs));
  refuse_mixed_experiments(report.inputs);
  for (const auto& input : report.inputs)
    report.commits_differ = report.commits_differ || input.git_commit != report.inputs.front().git_commit;

  // Build the merged database beside the output, then rename it into place.
  if (output.has_parent_path()) fs::create_directories(output.parent_path(), error);
  const fs::path temporary = output.parent_path() / ("." + output.filename().string() + ".merging-" + std::to_string(::getpid()));
  fs::remove(temporary, error);
  try {
    {
      Connection first(sources.front());
      // Fold a write-ahead log into the file first: the log of the old output must not outlive it.
      if (output_exists) first.execute("PRAGMA wal_checkpoint(TRUNCATE)", "checkpointing");
      first.execute("VACUUM INTO " + quoted(temporary.string()), "copying into " + temporary.string());
    }
    Connection merged(temporary);
    merged.execute("PRAGMA foreign_keys = ON", "enabling foreign keys");
    report.inputs.front().added = output_exists ? 0 : report.inputs.front().runs;
    for (std::size_t i = 1; i < sources.size(); ++i) report.inputs[i].added = copy_missing_runs(merged, sources[i]);
    report.total_runs = static_cast<std::size_t>(merged.integer("SELECT COUNT(*) FROM runs"));
    merged.execute("PRAGMA journal_mode = DELETE", "finishing");  // one self-contained file, no -wal beside it
  } catch (...) {
    fs::remove(temporary, error);
    throw;
  }
  sync_to_disk(temporary);
  fs::rename(temporary, output);
  if (output_exists)  // empty after the checkpoint; gone, so nothing pairs it with the new file
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(output.string() + suffix, error);
  sync_to_disk(output.has_parent_path() ? output.parent_path() : fs::path("."));
  return report;
}

}  // namespace shanzhi::sim::experiments
