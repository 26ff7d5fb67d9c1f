#include "sim/experiments/results_store.hpp"

#include "sim/build_info.hpp"

#include <sqlite3.h>

#include <cmath>
#include <limits>
#include <map>
#include <system_error>
#include <type_traits>
#include <variant>

namespace shanzhi::sim::experiments {
namespace {

namespace fs = std::filesystem;

/// Identifies the layout below; a database with another value is not read as ours.
constexpr int schema_version = 1;

/// A writer waits this long for another process's transaction before giving up (two sweeps of
/// one database take turns; each transaction is one run, milliseconds long).
constexpr int busy_timeout_ms = 60'000;

constexpr const char* schema_sql = R"sql(
CREATE TABLE IF NOT EXISTS experiment (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  name            TEXT NOT NULL,
  file_path       TEXT NOT NULL,
  file_text       TEXT NOT NULL,
  canonical_text  TEXT NOT NULL,
  hash            TEXT NOT NULL,
  design_kind     TEXT NOT NULL,
  dimensions      INTEGER NOT NULL,
  base_samples    INTEGER NOT NULL,
  replicates      INTEGER NOT NULL,
  master_seed     INTEGER NOT NULL,
  shanzhi_version TEXT NOT NULL,
  git_commit      TEXT NOT NULL,
  created         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS source_files (
  position INTEGER PRIMARY KEY,
  path     TEXT NOT NULL,
  text     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS factors (
  position   INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,
  role       TEXT NOT NULL CHECK (role IN ('lever', 'uncertainty')),
  value_type TEXT NOT NULL CHECK (value_type IN ('real', 'integer', 'boolean', 'text'))
);
CREATE TABLE IF NOT EXISTS outcome_specs (
  position  INTEGER PRIMARY KEY,
  metric    TEXT NOT NULL,
  statistic TEXT NOT NULL,
  UNIQUE (metric, statistic)
);
CREATE TABLE IF NOT EXISTS points (
  point INTEGER PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS point_values (
  point INTEGER NOT NULL REFERENCES points (point),
  key   TEXT NOT NULL REFERENCES factors (key),
  value NOT NULL,  -- no declared type: reals, integers, booleans (0/1) and names kept as bound
  unit  REAL NOT NULL,
  PRIMARY KEY (point, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
  run          INTEGER PRIMARY KEY,
  point        INTEGER NOT NULL REFERENCES points (point),
  replicate    INTEGER NOT NULL,
  seed         INTEGER NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  wall_seconds REAL NOT NULL,
  error        TEXT,
  finished     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (point, replicate)
);
CREATE TABLE IF NOT EXISTS outcomes (
  run       INTEGER NOT NULL REFERENCES runs (run),
  metric    TEXT NOT NULL,
  statistic TEXT NOT NULL,
  value     REAL,
  PRIMARY KEY (run, metric, statistic)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS timeseries (
  run    INTEGER NOT NULL REFERENCES runs (run),
  metric TEXT NOT NULL,
  week   INTEGER NOT NULL,
  value  REAL,
  PRIMARY KEY (run, metric, week)
) WITHOUT ROWID;
)sql";

const char* const our_tables[] = {"experiment", "source_files", "factors", "outcome_specs", "points",
                                  "point_values", "runs", "outcomes", "timeseries"};

/// What went wrong, in words that say what to do about it.
std::string explain(int code, sqlite3* db) {
  const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  switch (code & 0xFF) {
    case SQLITE_FULL: return "the disk is full (" + detail + "); free some space and run the same command again";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "the database stayed locked by another process for over a minute (" + detail + ")";
    case SQLITE_READONLY: return "the database cannot be written (" + detail + ")";
    case SQLITE_CORRUPT: return "the database is damaged (" + detail + ")";
    case SQLITE_IOERR: return "an input/output error (" + detail + ")";
    case SQLITE_CANTOPEN: return "cannot open it (" + detail + ")";
    default: return detail;
  }
}

[[noreturn]] void fail(const fs::path& path, const std::string& doing, int code, sqlite3* db) {
  const std::string message = path.string() + ": " + doing + ": " + explain(code, db);
  if ((code & 0xFF) == SQLITE_CORRUPT)  // damaged input, not a failure of this command
    throw StoreRefused(path.string() + " is damaged (" + explain(code, db) +
                       "); restore it from a copy, or sweep into a new database with --db");
  if ((code & 0xFF) == SQLITE_NOTADB)
    throw StoreRefused(path.string() + " is not an SQLite database (" + explain(code, db) +
                       "); name a new file or an existing Shanzhi results database");
  throw StoreError(message);
}

/// One prepared statement; reset after every use so it can be run again.
class Statement {
 public:
  Statement(sqlite3* db, const fs::path& path, const char* sql) : db_(db), path_(path) {
    if (const int rc = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); rc != SQLITE_OK)
      fail(path_, "preparing a query", rc, db_);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value) { return check(sqlite3_bind_int64(stmt_, index, value)); }
  Statement& bind(int index, double value) {
    // NaN cannot be stored as a REAL; NULL is SQL's "no value" and reads back as NaN.
    if (std::isnan(value)) return check(sqlite3_bind_null(stmt_, index));
    return check(sqlite3_bind_double(stmt_, index, value));
  }
  Statement& bind(int index, const std::string& text) {
    return check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
  }
  Statement& bind(int index, std::string_view text) { return bind(index, std::string(text)); }
  Statement& bind(int index, const char* text) { return bind(index, std::string(text)); }
  Statement& bind_null(int index) { return check(sqlite3_bind_null(stmt_, index)); }
  Statement& bind(int index, const ParamValue& value) {
    return std::visit(
        [&](const auto& v) -> Statement& {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, bool>) return bind(index, std::int64_t{v});
          else return bind(index, v);
        },
        value);
  }

  /// Advances to the next row; false when there is none (and the statement is reset).
  bool next_row() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    sqlite3_reset(stmt_);
    if (rc != SQLITE_DONE) fail(path_, "reading or writing", rc, db_);
    return false;
  }
  /// Runs a statement that returns no rows.
  void run() {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) fail(path_, "writing", rc, db_);
  }

  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(stmt_, column);
  }
  std::string text(int column) const {
    const auto* bytes = sqlite3_column_text(stmt_, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string{};
  }
  bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  Statement& check(int rc) {
    if (rc != SQLITE_OK) fail(path_, "binding a value", rc, db_);
    return *this;
  }

  sqlite3* db_;
  fs::path path_;
  sqlite3_stmt* stmt_ = nullptr;
};

void execute(sqlite3* db, const fs::path& path, const char* sql, const std::string& doing) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK) fail(path, doing, rc, db);
}

/// Rolls back an open transaction unless committed; errors on the way out are ignored because
/// the error that caused the rollback is the one to report.
class Transaction {
 public:
  Transaction(sqlite3* db, const fs::path& path) : db_(db), path_(path) {
    // IMMEDIATE takes the write lock now, so two processes never both read "not there yet" and
    // then collide at commit time.
    execute(db_, path_, "BEGIN IMMEDIATE", "starting a transaction");
  }
  ~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    execute(db_, path_, "COMMIT", "committing");
    open_ = false;
  }

 private:
  sqlite3* db_;
  const fs::path& path_;
  bool open_ = true;
};

std::string_view design_kind_name(DesignKind kind) {
  switch (kind) {
    case DesignKind::full_factorial: return "full_factorial";
    case DesignKind::latin_hypercube: return "lhs";
    case DesignKind::sobol: return "sobol";
    case DesignKind::morris: return "morris";
  }
  return "?";
}

DesignKind design_kind_from(const std::string& name) {
  for (auto kind : {DesignKind::full_factorial, DesignKind::latin_hypercube, DesignKind::sobol, DesignKind::morris})
    if (design_kind_name(kind) == name) return kind;
  throw StoreError("unknown design kind '" + name + "' in the experiment table");
}

/// How a factor's values are stored: the type of its first value (a factor's values share one).
std::string value_type(const Factor& factor) {
  if (!factor.is_list()) return factor.integer ? "integer" : "real";
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>) return "real";
        else if constexpr (std::is_same_v<T, std::int64_t>) return "integer";
        else if constexpr (std::is_same_v<T, bool>) return "boolean";
        else return "text";
      },
      factor.values.front());
}

ParamValue read_value(const Statement& row, int column, const std::string& type) {
  if (type == "real") return row.real(column);
  if (type == "integer") return row.integer(column);
  if (type == "boolean") return row.integer(column) != 0;
  return row.text(column);
}

sqlite3* open_connection(const fs::path& path, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string reason = explain(rc, db);
    sqlite3_close(db);
    throw StoreError(path.string() + ": cannot open the results database: " + reason);
  }
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  return db;
}

int pragma_integer(sqlite3* db, const fs::path& path, const char* sql) {
  Statement query(db, path, sql);
  const int value = query.next_row() ? static_cast<int>(query.integer(0)) : 0;
  while (query.next_row()) {
  }
  return value;
}

/// Refuses a database that holds tables other than ours or another layout version.
void check_is_ours(sqlite3* db, const fs::path& path) {
  const int version = pragma_integer(db, path, "PRAGMA user_version");
  if (version == schema_version) return;
  if (version != 0)
    throw StoreRefused(path.string() + " is a results database of another layout (version " + std::to_string(version) +
                       ", this Shanzhi reads version " + std::to_string(schema_version) + ")");
  Statement tables(db, path, "SELECT name FROM sqlite_schema WHERE type = 'table'");
  while (tables.next_row()) {
    const auto name = tables.text(0);
    bool known = false;
    for (const char* ours : our_tables) known = known || name == ours;
    if (!known)
      throw StoreRefused(path.string() + " is an SQLite database, but not a Shanzhi results database (it has a table '" +
                         name + "'); name a new file with --db");
  }
}

/// Refuses a results database that is damaged: pages SQLite's quick_check finds broken, a table of
/// ours missing (CREATE TABLE IF NOT EXISTS would silently recreate it empty), or outcome values
/// that are not numbers (they would export as 0). Only for a database already marked as ours.
void check_intact(sqlite3* db, const fs::path& path) {
  if (pragma_integer(db, path, "PRAGMA user_version") != schema_version) return;  // new or empty file
  const std::string advice = "; restore it from a copy, or sweep into a new database with --db";
  {
    Statement check(db, path, "PRAGMA quick_check");
    std::string verdict = check.next_row() ? check.text(0) : "no answer";
    while (check.next_row()) {
    }
    if (verdict != "ok") throw StoreRefused(path.string() + " is damaged (SQLite quick_check: " + verdict + ")" + advice);
  }
  for (const char* table : our_tables) {
    Statement exists(db, path, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    exists.bind(1, std::string(table));
    const bool found = exists.next_row();
    if (found) exists.next_row();
    if (!found) throw StoreRefused(path.string() + " is damaged: its table '" + table + "' is missing" + advice);
  }
  Statement bad_values(db, path,
                       "SELECT count(*) FROM outcomes WHERE typeof(value) NOT IN ('real', 'integer', 'null')");
  const auto count = bad_values.next_row() ? bad_values.integer(0) : 0;
  while (bad_values.next_row()) {
  }
  if (count > 0)
    throw StoreRefused(path.string() + " is damaged: " + std::to_string(count) +
                       " outcome values are not numbers (text or binary where a number belongs)" + advice);
}

/// First line where two canonical texts differ, for the refusal message.
std::string first_difference(const std::string& stored, const std::string& now) {
  std::size_t a = 0, b = 0;
  while (a < stored.size() || b < now.size()) {
    const auto a_end = std::min(stored.find('\n', a), stored.size());
    const auto b_end = std::min(now.find('\n', b), now.size());
    const auto line_a = stored.substr(a, a_end - a), line_b = now.substr(b, b_end - b);
    if (line_a != line_b)
      return "\n  stored: " + (line_a.empty() ? "(nothing)" : line_a) + "\n  now:    " + (line_b.empty() ? "(nothing)" : line_b);
    a = a_end + 1;
    b = b_end + 1;
  }
  return "";
}

}  // namespace

struct ResultsStore::Statements {
  Statements(sqlite3* db, const fs::path& path)
      : insert_run(db, path,
                   "INSERT INTO runs (point, replicate, seed, status, wall_seconds, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                   "ON CONFLICT (point, replicate) DO NOTHING"),
        insert_outcome(db, path, "INSERT INTO outcomes (run, metric, statistic, value) VALUES (?1, ?2, ?3, ?4)"),
        insert_timeseries(db, path, "INSERT INTO timeseries (run, metric, week, value) VALUES (?1, ?2, ?3, ?4)"),
        find_run(db, path, "SELECT 1 FROM runs WHERE point = ?1 AND replicate = ?2") {}
  Statement insert_run;
  Statement insert_outcome;
  Statement insert_timeseries;
  Statement find_run;
};

UnitDesign StoredResults::unit_design() const {
  UnitDesign design;
  design.kind = kind;
  design.dimensions = factors.size();
  design.base_samples = base_samples;
  for (const auto& point : points) design.unit.insert(design.unit.end(), point.unit.begin(), point.unit.end());
  return design;
}

ResultsStore::ResultsStore(fs::path path, sqlite3* db) : path_(std::move(path)), db_(db) {}

ResultsStore::ResultsStore(ResultsStore&& other) noexcept
    : path_(std::move(other.path_)), db_(std::exchange(other.db_, nullptr)), statements_(std::move(other.statements_)) {}

ResultsStore& ResultsStore::operator=(ResultsStore&& other) noexcept {
  if (this != &other) {
    statements_.reset();
    sqlite3_close(db_);
    path_ = std::move(other.path_);
    db_ = std::exchange(other.db_, nullptr);
    statements_ = std::move(other.statements_);
  }
  return *this;
}

ResultsStore::~ResultsStore() {
  statements_.reset();  // statements must be finalised before the connection closes
  sqlite3_close(db_);   // the last connection also checkpoints the WAL into the main file
}

namespace {

void insert_experiment(sqlite3* db, const fs::path& path, const Experiment& experiment, const ExperimentPlan& plan) {
  const std::string canonical = canonical_text(experiment);
  Statement row(db, path,
                "INSERT INTO experiment (id, name, file_path, file_text, canonical_text, hash, design_kind, dimensions, "
                "base_samples, replicates, master_seed, shanzhi_version, git_commit) "
                "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  row.bind(1, experiment.name).bind(2, experiment.path).bind(3, experiment.text).bind(4, canonical);
  row.bind(5, fnv1a_hex(canonical)).bind(6, design_kind_name(plan.design.kind));
  row.bind(7, static_cast<std::int64_t>(plan.design.dimensions));
  row.bind(8, static_cast<std::int64_t>(plan.design.base_samples));
  row.bind(9, experiment.replicates).bind(10, static_cast<std::int64_t>(experiment.master_seed));
  row.bind(11, shanzhi_version()).bind(12, shanzhi_git_commit());
  row.run();

  Statement source(db, path, "INSERT INTO source_files (position, path, text) VALUES (?1, ?2, ?3)");
  for (std::size_t i = 0; i < experiment.base.sources.size(); ++i)
    source.bind(1, static_cast<std::int64_t>(i)).bind(2, experiment.base.sources[i].first)
        .bind(3, experiment.base.sources[i].second).run();

  Statement factor(db, path, "INSERT INTO factors (position, key, role, value_type) VALUES (?1, ?2, ?3, ?4)");
  for (std::size_t j = 0; j < experiment.factors.size(); ++j) {
    const auto& f = experiment.factors[j];
    factor.bind(1, static_cast<std::int64_t>(j)).bind(2, f.key)
        .bind(3, f.role == FactorRole::lever ? "lever" : "uncertainty").bind(4, value_type(f)).run();
  }

  Statement outcome(db, path, "INSERT INTO outcome_specs (position, metric, statistic) VALUES (?1, ?2, ?3)");
  for (std::size_t k = 0; k < experiment.outcomes.size(); ++k)
    outcome.bind(1, static_cast<std::int64_t>(k)).bind(2, experiment.outcomes[k].metric)
        .bind(3, to_string(experiment.outcomes[k].statistic)).run();
}

void insert_points(sqlite3* db, const fs::path& path, const ExperimentPlan& plan) {
  Statement point(db, path, "INSERT INTO points (point) VALUES (?1)");
  Statement value(db, path, "INSERT INTO point_values (point, key, value, unit) VALUES (?1, ?2, ?3, ?4)");
  for (std::size_t p = 0; p < plan.point_count(); ++p) {
    point.bind(1, static_cast<std::int64_t>(p)).run();
    for (std::size_t j = 0; j < plan.factors.size(); ++j) {
      const double unit = plan.design.at(p, j);
      value.bind(1, static_cast<std::int64_t>(p)).bind(2, plan.factors[j].key).bind(3, plan.factors[j].value_at(unit))
          .bind(4, unit).run();
    }
  }
}

/// The stored hash, or empty when the database has no experiment yet.
std::pair<std::string, std::string> stored_identity(sqlite3* db, const fs::path& path) {
  Statement query(db, path, "SELECT hash, canonical_text FROM experiment WHERE id = 1");
  std::pair<std::string, std::string> identity;
  if (query.next_row()) identity = {query.text(0), query.text(1)};
  while (query.next_row()) {
  }
  return identity;
}

void refuse_other_experiment(sqlite3* db, const fs::path& path, const Experiment& experiment,
                             const std::string& stored_hash, const std::string& stored_canonical) {
  Statement query(db, path, "SELECT file_path, created FROM experiment WHERE id = 1");
  std::string stored_file, created;
  if (query.next_row()) stored_file = query.text(0), created = query.text(1);
  while (query.next_row()) {
  }
  const std::string canonical = canonical_text(experiment);
  throw StoreRefused(path.string() + " holds results of another experiment: " + stored_file + " (hash " +
                     stored_hash + ", created " + created + "), but " + experiment.path +
                     " with what it now asks for (base scenario, factors, outcomes, and for a calibration the "
                     "survey's targets) has hash " +
                     fnv1a_hex(canonical) + "." + first_difference(stored_canonical, canonical) +
                     "\nResuming would mix results of two experiments. Restore the file, or sweep into a new "
                     "database with --db.");
}

}  // namespace

ResultsStore ResultsStore::open_for_sweep(const fs::path& path, const Experiment& experiment, const ExperimentPlan& plan) {
  std::error_code ignored;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ignored);
  ResultsStore store(path, open_connection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  sqlite3* db = store.db_;
  check_is_ours(db, path);
  check_intact(db, path);
  // WAL: a commit appends to the log, readers (export, analyze, a progress check) never block the
  // sweep, and a kill at any moment leaves the database consistent.
  execute(db, path, "PRAGMA journal_mode = WAL", "switching to WAL mode");
  // NORMAL (not FULL) in WAL mode syncs only at checkpoints, not at every commit. A killed process
  // loses nothing that was committed (the log is in the operating system's hands); only a power
  // cut or OS crash can lose the last few commits, never corrupt the file, and those runs are
  // simply run again on resume. FULL would add an fsync per run for no gain a sweep needs.
  execute(db, path, "PRAGMA synchronous = NORMAL", "setting synchronous mode");
  execute(db, path, "PRAGMA foreign_keys = ON", "enabling foreign keys");

  Transaction setup(db, path);
  execute(db, path, schema_sql, "creating tables");
  const auto [hash, canonical] = stored_identity(db, path);
  if (hash.empty()) {
    insert_experiment(db, path, experiment, plan);
    insert_points(db, path, plan);
    execute(db, path, ("PRAGMA user_version = " + std::to_string(schema_version)).c_str(), "marking the layout");
  } else if (hash != fnv1a_hex(canonical_text(experiment))) {
    refuse_other_experiment(db, path, experiment, hash, canonical);
  }
  setup.commit();
  store.statements_ = std::make_unique<Statements>(db, store.path_);
  return store;
}

ResultsStore ResultsStore::open_read_only(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error))
    throw StoreRefused(path.string() + ": no such results database" +
                       (fs::exists(path, error) ? " (it is not a regular file)" : ""));
  // Read-write when the file allows it, though nothing is written: only a connection that may
  // write can tidy away the -wal and -shm files when it closes. Read-only media still work.
  sqlite3* db = nullptr;
  try {
    db = open_connection(path, SQLITE_OPEN_READWRITE);
  } catch (const StoreError&) {
    db = open_connection(path, SQLITE_OPEN_READONLY);
  }
  ResultsStore store(path, db);
  check_is_ours(store.db_, path);
  check_intact(store.db_, path);
  if (stored_identity(store.db_, path).first.empty())
    throw StoreRefused(path.string() + " holds no experiment yet (was its first sweep stopped while starting?)");
  return store;
}

std::set<RunKey> ResultsStore::finished_runs() const {
  Statement query(db_, path_, "SELECT point, replicate FROM runs");
  std::set<RunKey> finished;
  while (query.next_row())
    finished.emplace(static_cast<std::size_t>(query.integer(0)), static_cast<std::size_t>(query.integer(1)));
  return finished;
}

bool ResultsStore::has_run(const RunKey& run) const {
  auto& find = statements_->find_run;
  find.bind(1, static_cast<std::int64_t>(run.first)).bind(2, static_cast<std::int64_t>(run.second));
  const bool found = find.next_row();
  if (found) find.next_row();  // only one row can match: this ends and resets the statement
  return found;
}

bool ResultsStore::record(const RunPlan& plan, const RunOutcome& outcome, const std::vector<OutcomeSpec>& outcomes) {
  auto& s = *statements_;
  Transaction transaction(db_, path_);
  s.insert_run.bind(1, static_cast<std::int64_t>(plan.point)).bind(2, static_cast<std::int64_t>(plan.replicate));
  s.insert_run.bind(3, static_cast<std::int64_t>(plan.seed)).bind(4, outcome.ok ? "ok" : "failed");
  s.insert_run.bind(5, outcome.wall_seconds);
  if (outcome.ok) s.insert_run.bind_null(6);
  else s.insert_run.bind(6, outcome.error);
  s.insert_run.run();
  if (sqlite3_changes(db_) == 0) return false;  // another process recorded this run first
  const std::int64_t run = sqlite3_last_insert_rowid(db_);
  for (std::size_t k = 0; k < outcome.values.size() && k < outcomes.size(); ++k)
    s.insert_outcome.bind(1, run).bind(2, outcomes[k].metric).bind(3, to_string(outcomes[k].statistic))
        .bind(4, outcome.values[k]).run();
  if (outcome.timeseries) {
    const auto& recorder = *outcome.timeseries;
    for (std::size_t m = 0; m < recorder.metrics().size(); ++m)
      for (std::size_t row = 0; row < recorder.row_count(); ++row)
        s.insert_timeseries.bind(1, run).bind(2, recorder.metrics()[m].name)
            .bind(3, std::int64_t{recorder.week_of_row(row)}).bind(4, recorder.value(row, m)).run();
  }
  transaction.commit();
  return true;
}

void ResultsStore::add_point(const DesignPoint& point) {
  Transaction transaction(db_, path_);
  Statement insert_point(db_, path_, "INSERT INTO points (point) VALUES (?1) ON CONFLICT (point) DO NOTHING");
  insert_point.bind(1, static_cast<std::int64_t>(point.index)).run();
  if (sqlite3_changes(db_) == 0) return;  // already there (the transaction rolls back: nothing to undo)
  Statement value(db_, path_, "INSERT INTO point_values (point, key, value, unit) VALUES (?1, ?2, ?3, ?4)");
  for (std::size_t j = 0; j < point.settings.size(); ++j)
    value.bind(1, static_cast<std::int64_t>(point.index)).bind(2, point.settings[j].first)
        .bind(3, point.settings[j].second).bind(4, point.unit[j]).run();
  transaction.commit();
}

std::string ResultsStore::created_by_commit() const {
  Statement query(db_, path_, "SELECT git_commit FROM experiment WHERE id = 1");
  std::string commit = query.next_row() ? query.text(0) : "";
  while (query.next_row()) {
  }
  return commit;
}

namespace {

void read_experiment_row(sqlite3* db, const fs::path& path, StoredResults& out) {
  Statement row(db, path,
                "SELECT name, file_path, file_text, hash, shanzhi_version, git_commit, created, design_kind, "
                "base_samples, replicates, master_seed FROM experiment WHERE id = 1");
  if (!row.next_row()) throw StoreRefused(path.string() + " holds no experiment");
  out.name = row.text(0);
  out.file_path = row.text(1);
  out.file_text = row.text(2);
  out.hash = row.text(3);
  out.shanzhi_version = row.text(4);
  out.git_commit = row.text(5);
  out.created = row.text(6);
  out.kind = design_kind_from(row.text(7));
  out.base_samples = static_cast<std::size_t>(row.integer(8));
  out.replicates = static_cast<std::size_t>(row.integer(9));
  out.master_seed = static_cast<std::uint64_t>(row.integer(10));
  while (row.next_row()) {
  }
}

/// Factors in position order; returns each factor's value type.
std::vector<std::string> read_factor_rows(sqlite3* db, const fs::path& path, StoredResults& out) {
  Statement row(db, path, "SELECT key, role, value_type FROM factors ORDER BY position");
  std::vector<std::string> types;
  while (row.next_row()) {
    out.factors.push_back({row.text(0), row.text(1)});
    types.push_back(row.text(2));
  }
  return types;
}

void read_outcome_specs(sqlite3* db, const fs::path& path, StoredResults& out) {
  Statement row(db, path, "SELECT metric, statistic FROM outcome_specs ORDER BY position");
  while (row.next_row()) {
    OutcomeSpec spec;
    spec.metric = row.text(0);
    spec.statistic = statistic_named(row.text(1)).value_or(Statistic::final);
    out.outcomes.push_back(std::move(spec));
  }
}

void read_points(sqlite3* db, const fs::path& path, const std::vector<std::string>& types, StoredResults& out) {
  Statement row(db, path,
                "SELECT v.point, v.value, v.unit FROM point_values v JOIN factors f ON f.key = v.key "
                "ORDER BY v.point, f.position");
  const std::size_t d = out.factors.size();
  while (row.next_row()) {
    const auto index = static_cast<std::size_t>(row.integer(0));
    if (out.points.empty() || out.points.back().index != index) out.points.push_back({index, {}, {}});
    auto& point = out.points.back();
    const std::size_t j = point.settings.size();
    if (j >= d) throw StoreError(path.string() + ": point " + std::to_string(index) + " has too many values");
    point.settings.emplace_back(out.factors[j].key, read_value(row, 1, types[j]));
    point.unit.push_back(row.real(2));
  }
}

void read_runs(sqlite3* db, const fs::path& path, StoredResults& out) {
  std::map<std::string, std::size_t> position;
  for (std::size_t k = 0; k < out.outcomes.size(); ++k) position[out.outcomes[k].label()] = k;
  std::map<std::int64_t, std::size_t> index_of_run;
  Statement run(db, path,
                "SELECT run, point, replicate, seed, status, wall_seconds, error, finished FROM runs "
                "ORDER BY point, replicate");
  while (run.next_row()) {
    StoredRun r;
    r.id = run.integer(0);
    r.point = static_cast<std::size_t>(run.integer(1));
    r.replicate = static_cast<std::size_t>(run.integer(2));
    r.seed = static_cast<std::uint64_t>(run.integer(3));
    r.ok = run.text(4) == "ok";
    r.wall_seconds = run.real(5);
    r.error = run.text(6);
    r.finished = run.text(7);
    r.values.assign(out.outcomes.size(), std::numeric_limits<double>::quiet_NaN());
    index_of_run[r.id] = out.runs.size();
    out.runs.push_back(std::move(r));
  }
  Statement value(db, path, "SELECT run, metric, statistic, value FROM outcomes");
  while (value.next_row()) {
    const auto run_at = index_of_run.find(value.integer(0));
    const auto spec_at = position.find(value.text(1) + "/" + value.text(2));
    if (run_at != index_of_run.end() && spec_at != position.end())
      out.runs[run_at->second].values[spec_at->second] = value.real(3);
  }
}

}  // namespace

StoredResults ResultsStore::read_all() const {
  StoredResults out;
  // One read transaction: a sweep writing at the same time cannot make the parts disagree.
  execute(db_, path_, "BEGIN", "starting a read");
  try {
    read_experiment_row(db_, path_, out);
    const auto types = read_factor_rows(db_, path_, out);
    read_outcome_specs(db_, path_, out);
    read_points(db_, path_, types, out);
    read_runs(db_, path_, out);
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  execute(db_, path_, "COMMIT", "ending a read");
  return out;
}

std::optional<std::vector<double>> numeric_factor_by_run(const StoredResults& results, std::size_t j) {
  std::vector<double> values;
  values.reserve(results.runs.size());
  for (const auto& run : results.runs) {
    const auto number = numeric_value(results.points.at(run.point).settings[j].second);
    if (!number) return std::nullopt;
    values.push_back(*number);
  }
  return values;
}

std::vector<std::size_t> numeric_factors(const StoredResults& results) {
  std::vector<std::size_t> columns;
  for (std::size_t j = 0; j < results.factors.size(); ++j) {
    bool all = true;
    for (const auto& point : results.points) all = all && numeric_value(point.settings[j].second).has_value();
    if (all) columns.push_back(j);
  }
  return columns;
}

}  // namespace shanzhi::sim::experiments
