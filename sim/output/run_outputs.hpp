#pragma once
// Files a run writes: timeseries.csv, outcomes.csv and manifest.json. Every file is written to a
// temporary name in the same directory and renamed into place, so a crash never leaves a
// half-written file behind.

#include "sim/metrics.hpp"
#include "sim/parameters.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace shanzhi::sim {

/// One resolved parameter for the manifest: key, value and where the value came from.
struct ResolvedParameter {
  std::string key;
  ParamValue value;
  SourceLocation source;
};

/// Everything the manifest records about a run.
struct RunManifest {
  std::string scenario_name;
  std::string scenario_path;
  std::vector<std::pair<std::string, std::string>> scenario_files;  ///< (path, text), main first
  std::vector<ResolvedParameter> parameters;
  std::vector<std::string> overrides;  ///< the --set arguments as typed
  std::uint64_t seed = 0;
  int weeks = 0;            ///< recorded weeks after burn-in
  int burn_in_weeks = 0;
  int threads = 0;
  double wall_seconds = 0;
  std::string started_at;   ///< ISO-8601 UTC
  std::string command_line;
};

/// Writes `content` to `path` atomically (temporary file + rename). Throws std::runtime_error
/// with the path and the system's reason on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// One row per recorded week, one column per metric; numbers in shortest round-trip form so the
/// same run always gives the same bytes.
std::string timeseries_csv(const MetricRecorder& recorder);
/// One row per metric: final value, mean over the last 52 recorded weeks, unit, direction.
std::string outcomes_csv(const MetricRecorder& recorder);
std::string manifest_json(const RunManifest& manifest);

/// Shortest decimal text that reads back to exactly `value` ("nan"/"inf" spelled out).
std::string format_number(double value);

}  // namespace shanzhi::sim
