#pragma once
// Reading one number back from a results database in tests (sweeps, shards, MPI, fault injection).

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace shanzhi::test {

/// The first column of the first row of `sql` on the database file; nullopt when the file does
/// not exist yet (a sweep still starting) or the query fails. Waits up to 5 s on a database a
/// running sweep holds locked.
inline std::optional<std::int64_t> query_integer(const std::filesystem::path& db, const std::string& sql) {
  if (!std::filesystem::exists(db)) return std::nullopt;
  sqlite3* connection = nullptr;
  std::optional<std::int64_t> value;
  if (sqlite3_open_v2(db.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(connection, 5000);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
      value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
  }
  sqlite3_close(connection);
  return value;
}

}  // namespace shanzhi::test
