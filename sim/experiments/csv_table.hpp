#pragma once
// Reading a numeric table from CSV: a header line of column names, then rows of finite numbers
// (the X and Y files of `shanzhi analyze --x X.csv --y Y.csv`, written by any tool).
//
// Accepted: RFC 4180 quoting (names or numbers may be quoted), "\n" or "\r\n" line ends, a UTF-8
// byte-order mark, blank lines (skipped), spaces around cells, a leading '+'. Refused, with
// file:line:column: a missing, unreadable, empty or binary file; an empty or repeated column
// name; a row with more or fewer fields than the header; an empty or non-numeric cell; NaN or
// infinity; a number outside the range of a double; a header with no rows. Up to 10 problems are
// reported at once. Any sequence of bytes gives either a table or an error, never a crash.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shanzhi::sim::experiments {

struct NumericTable {
  std::vector<std::string> columns;        ///< header names, in file order
  std::vector<std::vector<double>> rows;   ///< each row has columns.size() values

  /// Position of the column called `name`, or nullopt.
  std::optional<std::size_t> column_index(std::string_view name) const;
  /// The values of one column, top to bottom.
  std::vector<double> column(std::size_t index) const;
};

/// Reads and checks a CSV file; throws sim::ScenarioError listing the problems.
NumericTable read_numeric_csv(const std::filesystem::path& path);

/// The same for text already in memory; `name` stands for the file in messages.
NumericTable parse_numeric_csv(std::string_view text, const std::string& name);

}  // namespace shanzhi::sim::experiments
