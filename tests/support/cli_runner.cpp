#include "tests/support/cli_runner.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SHANZHI_SOURCE_DIR
#error "the test build must define SHANZHI_SOURCE_DIR (the repository root)"
#endif
#ifndef SHANZHI_BINARY
#error "the test build must define SHANZHI_BINARY (the path of the built shanzhi program)"
#endif

namespace shanzhi::cli_test {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), "cli_runner: " + what);
}

/// An unlinked-on-close temporary file for one captured stream.
class CaptureFile {
 public:
  CaptureFile() {
    std::string pattern = (fs::temp_directory_path() / "shanzhi_cli_capture_XXXXXX").string();
    fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);  // dup2 in the child clears the flag
    if (fd_ < 0) fail("cannot create a capture file");
    path_ = pattern;
  }
  ~CaptureFile() {
    if (fd_ >= 0) ::close(fd_);
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  CaptureFile(const CaptureFile&) = delete;
  CaptureFile& operator=(const CaptureFile&) = delete;

  int fd() const { return fd_; }
  std::string contents() const { return read_file(path_); }

 private:
  int fd_ = -1;
  fs::path path_;
};

/// Waits for `pid`, killing it once `time_limit` has passed. Returns the wait status.
int wait_with_limit(pid_t pid, std::chrono::seconds time_limit, bool& timed_out) {
  const auto deadline = std::chrono::steady_clock::now() + time_limit;
  auto pause = std::chrono::microseconds(500);
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0 && errno != EINTR) fail("waitpid failed");
    if (std::chrono::steady_clock::now() >= deadline && !timed_out) {
      timed_out = true;
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return status;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(20'000));
  }
}

}  // namespace

fs::path source_dir() { return fs::path(SHANZHI_SOURCE_DIR); }
fs::path shanzhi_binary() { return fs::path(SHANZHI_BINARY); }

std::string CliResult::describe() const {
  std::ostringstream text;
  if (timed_out) text << "timed out (killed)";
  else if (exited) text << "exit code " << exit_code;
  else text << "killed by signal " << signal << " (" << ::strsignal(signal) << ")";
  text << "\n--- stdout ---\n" << out << "--- stderr ---\n" << err << "--------------";
  return text.str();
}

CliResult run_shanzhi(const std::vector<std::string>& args, const fs::path& working_directory,
                      std::chrono::seconds time_limit) {
  return run_program(shanzhi_binary(), args, working_directory, time_limit);
}

CliResult run_program(const fs::path& program_path, const std::vector<std::string>& args,
                      const fs::path& working_directory, std::chrono::seconds time_limit) {
  // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
  const std::string program = program_path.string();
  const std::string directory = working_directory.string();
  std::vector<std::string> argument_copies;
  argument_copies.reserve(args.size() + 1);
  argument_copies.push_back(program);
  argument_copies.insert(argument_copies.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argument_copies) argv.push_back(a.data());
  argv.push_back(nullptr);

  CaptureFile out, err;
  const int null_input = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null_input < 0) fail("cannot open /dev/null");

  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(null_input);
    fail("fork failed");
  }
  if (pid == 0) {
    if (::dup2(null_input, STDIN_FILENO) < 0 || ::dup2(out.fd(), STDOUT_FILENO) < 0 ||
        ::dup2(err.fd(), STDERR_FILENO) < 0)
      ::_exit(126);
    if (::chdir(directory.c_str()) != 0) ::_exit(125);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);  // exec failed: the binary is missing or not executable
  }
  ::close(null_input);

  CliResult result;
  const int status = wait_with_limit(pid, time_limit, result.timed_out);
  if (WIFEXITED(status) && !result.timed_out) {
    result.exited = true;
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  result.out = out.contents();
  result.err = err.contents();
  return result;
}

TempDir::TempDir(std::string_view label) {
  static std::atomic<unsigned> counter{0};
  std::random_device entropy;
  const auto base = fs::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    path_ = base / ("shanzhi_" + std::string(label) + "_" + std::to_string(::getpid()) + "_" +
                    std::to_string(counter++) + "_" + std::to_string(entropy() % 1'000'000));
    std::error_code ec;
    if (fs::create_directory(path_, ec) && !ec) return;  // false when it already existed
  }
  throw std::runtime_error("cli_runner: cannot create a fresh directory under " + base.string());
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

void write_file(const fs::path& file, std::string_view bytes) {
  if (file.has_parent_path()) fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cli_runner: cannot write " + file.string());
}

std::vector<std::string> directory_entries(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string experiment_file(const std::string& name) {
  return (source_dir() / "scenarios" / "experiments" / name).string();
}

}  // namespace shanzhi::cli_test
