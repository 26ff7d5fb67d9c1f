#pragma once
// Where a run writes. Existing results are never overwritten without --force; the default
// directory is new for every run (results/runs/NAME-seedN-YYYYMMDD-HHMMSS), and results/latest
// points at the most recent default run.
//
// A new output directory appears whole or not at all: the files are written into a hidden
// sibling (.NAME.partial.XXXXXX) that is renamed into place once every file is complete
// (publish). A command that fails, or is killed, leaves no half directory under the name; the
// hidden sibling of a killed command stays for the user to remove. An existing directory (--force,
// or one the user made) is written in place, file by file, each file atomically.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace shanzhi::cli {

class OutputDirectory {
 public:
  std::filesystem::path path;     ///< where the results appear
  bool is_default = false;
  std::filesystem::path staging;  ///< where they are written until published; empty: in place

  /// The directory to write into now.
  const std::filesystem::path& writing() const { return staging.empty() ? path : staging; }

  OutputDirectory() = default;
  OutputDirectory(OutputDirectory&& other) noexcept { *this = std::move(other); }
  OutputDirectory& operator=(OutputDirectory&& other) noexcept;
  OutputDirectory(const OutputDirectory&) = delete;
  OutputDirectory& operator=(const OutputDirectory&) = delete;
  /// An unpublished staging directory is removed with everything in it.
  ~OutputDirectory();
};

/// The user's choice would lose results or cannot be used.
class OutputRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Returns the output directory, with a staging directory when it does not exist yet. Throws
/// OutputRefused when it already holds results and `force` is false, or when it cannot be created.
/// With `force`, temporaries a killed command left in it (NAME.tmp.*) are removed.
OutputDirectory prepare_output_directory(const std::string& requested, const std::string& scenario_name,
                                         std::int64_t seed, bool force);

/// Writes each (name, content) into `dir`, each file atomically. When one cannot be written (a
/// full disk, say), the files already written are removed as well, so a failed command leaves no
/// partial set of results that a rerun would refuse to overwrite. Rethrows the write's error.
void write_result_files(const std::filesystem::path& dir,
                        const std::vector<std::pair<std::string, std::string>>& files);

/// `files` with a UTF-8 byte-order mark before each CSV's text when `excel` (the --excel option):
/// common spreadsheet programs read a CSV without one in the system's legacy code page, which
/// garbles Chinese names. Other files, and every file without `excel`, are unchanged.
std::vector<std::pair<std::string, std::string>> for_spreadsheets(std::vector<std::pair<std::string, std::string>> files,
                                                                  bool excel);

/// For a command with its own rules on what may be overwritten (plot): `path`, staged when it does
/// not exist or is empty (a rename replaces an empty directory), else written in place.
OutputDirectory staged_output_directory(const std::filesystem::path& path);

/// Why `file` cannot be written as a result file, or empty: it is a directory, it exists and
/// `force` is false, or its folder is not a writable directory (created first when
/// `create_folder`). Checked before any work, so every command refuses an unusable output the
/// same way (exit 2); a write that fails later (a full disk) is a failure while running (exit 1).
std::string output_file_problem(const std::filesystem::path& file, bool force, bool create_folder);

/// Moves the staging directory into place (nothing to do when written in place). Throws
/// std::runtime_error when the name was taken meanwhile or the rename fails.
void publish(OutputDirectory& out);

/// Points results/latest at `dir` (a symlink; made afresh on every default-folder run).
/// Returns a warning to print when results/latest is a real file or folder (never removed) or
/// the link cannot be made; empty when the link now points at `dir`.
std::string point_latest_link(const std::filesystem::path& dir);

/// Current UTC time as 2026-11-25T18:30:00Z.
std::string utc_timestamp_iso8601();

}  // namespace shanzhi::cli
