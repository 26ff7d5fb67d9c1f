#pragma once
// Where a run writes. Existing results are never overwritten without --force; the default
// directory is new for every run (results/runs/NAME-seedN-YYYYMMDD-HHMMSS), and results/latest
// points at the most recent default run.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace shanzhi::cli {

struct OutputDirectory {
  std::filesystem::path path;
  bool is_default = false;
};

/// The user's choice would lose results or cannot be used.
class OutputRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Creates (if needed) and returns the output directory. Throws OutputRefused when it already
/// holds results and `force` is false, or when it cannot be created.
OutputDirectory prepare_output_directory(const std::string& requested, const std::string& scenario_name,
                                         std::int64_t seed, bool force);

/// Writes each (name, content) into `dir`, each file atomically. When one cannot be written (a
/// full disk, say), the files already written are removed as well, so a failed command leaves no
/// partial set of results that a rerun would refuse to overwrite. Rethrows the write's error.
void write_result_files(const std::filesystem::path& dir,
                        const std::vector<std::pair<std::string, std::string>>& files);

/// Points results/latest at `dir` (a symlink; made afresh on every default-folder run).
/// Returns a warning to print when results/latest is a real file or folder (never removed) or
/// the link cannot be made; empty when the link now points at `dir`.
std::string point_latest_link(const std::filesystem::path& dir);

/// Current UTC time as 2026-11-25T18:30:00Z.
std::string utc_timestamp_iso8601();

}  // namespace shanzhi::cli
