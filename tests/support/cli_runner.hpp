#pragma once
// Running the built `shanzhi` program from tests: arguments are passed to execv one by one (no
// shell, so no quoting problems), stdout and stderr are captured through temporary files, and
// the exit status says whether the program exited or was killed by a signal.
//
// Also scratch directories and whole-file reading and writing, which every CLI test needs.

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace shanzhi::cli_test {

/// The repository root (where scenarios/ and docs/ live) and the program under test, as the
/// build passes them to the test executable.
std::filesystem::path source_dir();
std::filesystem::path shanzhi_binary();

struct CliResult {
  bool exited = false;     ///< ended through exit(): neither killed by a signal nor timed out
  int exit_code = -1;      ///< exit status when `exited`, else -1
  int signal = 0;          ///< signal that ended the program, or 0
  bool timed_out = false;  ///< killed by the runner after the time limit
  std::string out;         ///< everything written to stdout
  std::string err;         ///< everything written to stderr

  /// One line for Catch2's INFO/CAPTURE: how it ended and what it printed.
  std::string describe() const;
};

/// Runs `shanzhi ARGS...` in `working_directory` with stdin from /dev/null. A program still
/// running after `time_limit` is killed (SIGKILL) and reported as timed out.
CliResult run_shanzhi(const std::vector<std::string>& args,
                      const std::filesystem::path& working_directory = source_dir(),
                      std::chrono::seconds time_limit = std::chrono::seconds(120));

/// Runs another program (e.g. mpirun) the same way: `program ARGS...`, no shell.
CliResult run_program(const std::filesystem::path& program, const std::vector<std::string>& args,
                      const std::filesystem::path& working_directory = source_dir(),
                      std::chrono::seconds time_limit = std::chrono::seconds(120));

/// A fresh, empty directory under the system temp directory, removed with its contents when
/// the object goes out of scope.
class TempDir {
 public:
  explicit TempDir(std::string_view label = "cli");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::filesystem::path& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

/// The exact bytes of a file (empty if it cannot be read).
std::string read_file(const std::filesystem::path& file);

/// Writes `bytes` exactly (NUL bytes and invalid UTF-8 included), creating parent directories.
void write_file(const std::filesystem::path& file, std::string_view bytes);

/// The names of the entries directly in `dir`, sorted; empty if it does not exist.
std::vector<std::string> directory_entries(const std::filesystem::path& dir);

/// True when `part` occurs in `text`.
bool contains(const std::string& text, const std::string& part);
/// The lines of `text`, without their newlines.
std::vector<std::string> lines_of(const std::string& text);
/// Path of a file in scenarios/experiments/, e.g. "tiny_district.toml".
std::string experiment_file(const std::string& name);
inline std::string tiny_district() { return experiment_file("tiny_district.toml"); }
inline std::string tiny_lhs() { return experiment_file("tiny_lhs.toml"); }

}  // namespace shanzhi::cli_test
