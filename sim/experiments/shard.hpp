#pragma once
// Splitting a sweep into shards for job arrays: shard i of n (0 <= i < n) holds every run whose
// position in the plan (point-major: (0,0), (0,1), ..., (1,0), ...) is i modulo n. Dealing runs
// out like cards keeps the shards equally costly when run cost varies along the design; each
// shard sweeps into its own database and `shanzhi merge` combines them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shanzhi::sim::experiments {

struct Shard {
  std::size_t index = 0;  ///< 0-based, below count
  std::size_t count = 1;

  bool holds(std::size_t run_position) const { return run_position % count == index; }
  /// "2/4"
  std::string text() const;
};

/// Reads "I/N" with 0 <= I < N. Throws std::invalid_argument naming what is wrong, e.g.
/// "shard 4/4: the index counts from 0, so it must be below 4".
Shard parse_shard(std::string_view text);

/// Where a shard's results go when no --db is given: results/experiments/NAME.shard-I-of-N.sqlite.
std::string shard_database(const std::string& experiment_name, const Shard& shard);

}  // namespace shanzhi::sim::experiments
