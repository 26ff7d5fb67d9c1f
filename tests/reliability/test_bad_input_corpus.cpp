// The bad-input corpus (tests/bad_inputs/): every file listed in expectations.txt is given to the
// commands that read it (`validate` and `run` for scenarios, `sweep` for experiments). Each must
// end normally (no signal, no sanitizer report), exit with the listed code, start stderr with the
// listed file:line:column, say the listed message, and leave no output behind when refused.
// Adding a case is adding a file and a row; see expectations.txt for the format.

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

struct Expectation {
  std::string file;     ///< under tests/bad_inputs/
  std::string kind;     ///< "scenario" or "experiment"
  int exit_code = 2;
  std::string where;    ///< prefix of stderr's first line
  std::string message;  ///< fragment of stderr
  int line = 0;         ///< line of expectations.txt, for failure messages
};

fs::path corpus_dir() { return source_dir() / "tests" / "bad_inputs"; }

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t bar; (bar = line.find(" | ", start)) != std::string::npos; start = bar + 3)
    fields.push_back(trimmed(line.substr(start, bar - start)));
  fields.push_back(trimmed(line.substr(start)));
  return fields;
}

std::vector<Expectation> read_expectations() {
  std::ifstream in(corpus_dir() / "expectations.txt");
  REQUIRE(in);
  std::vector<Expectation> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (trimmed(line).empty() || trimmed(line)[0] == '#') continue;
    const auto fields = split_fields(line);
    INFO("expectations.txt:" << number << ": " << line);
    REQUIRE(fields.size() == 5);
    REQUIRE((fields[1] == "scenario" || fields[1] == "experiment"));
    rows.push_back({fields[0], fields[1], std::stoi(fields[2]), fields[3], fields[4], number});
  }
  return rows;
}

/// The checks every invocation shares: it ended by itself, with the expected code and words.
void check_answer(const CliResult& r, const Expectation& e) {
  INFO(r.describe());
  REQUIRE(r.exited);  // not killed by a signal (a crash, an abort) and not hung
  CHECK(r.exit_code == e.exit_code);
  CHECK(r.err.rfind(e.where, 0) == 0);
  CHECK(contains(r.err, e.message));
  CHECK_FALSE(contains(r.err, "terminate called"));
  CHECK_FALSE(contains(r.err, "Sanitizer"));
  CHECK_FALSE(contains(r.err, "runtime error"));
}

void check_scenario(const Expectation& e) {
  const fs::path file = corpus_dir() / e.file;
  const auto folder = file.parent_path();
  const auto name = file.filename().string();
  {
    INFO("shanzhi validate " << e.file << " (expectations.txt:" << e.line << ")");
    check_answer(run_shanzhi({"validate", name}, folder), e);
  }
  TempDir out("bad_input_run");
  // Accepted files run for two weeks only: the point is that they run, not what they find.
  std::vector<std::string> args{"run", name, "--out", out.path().string(), "--quiet"};
  if (e.exit_code == 0) args.insert(args.end(), {"--weeks", "2", "--burn-in", "0"});
  const auto ran = run_shanzhi(args, folder);
  INFO("shanzhi run " << e.file << " (expectations.txt:" << e.line << ")");
  check_answer(ran, e);
  if (e.exit_code != 0) {
    CHECK(directory_entries(out.path()).empty());  // no partial output
  } else {
    CHECK(directory_entries(out.path()) ==
          std::vector<std::string>{"breakdowns.csv", "manifest.json", "outcomes.csv", "timeseries.csv"});
  }
}

void check_experiment(const Expectation& e) {
  const fs::path file = corpus_dir() / e.file;
  TempDir out("bad_input_sweep");
  const auto db = out / "results.sqlite";
  const auto r = run_shanzhi({"sweep", file.filename().string(), "--db", db.string()}, file.parent_path());
  INFO("shanzhi sweep " << e.file << " (expectations.txt:" << e.line << ")");
  check_answer(r, e);
  if (e.exit_code != 0) CHECK(directory_entries(out.path()).empty());  // no database, not even empty
}

}  // namespace

TEST_CASE("bad input corpus: every file gets its specific error and no output", "[reliability][bad_inputs]") {
  const auto rows = read_expectations();
  REQUIRE(rows.size() >= 60);
  for (const auto& row : rows) {
    DYNAMIC_SECTION(row.file) {
      if (row.kind == "scenario") check_scenario(row);
      else check_experiment(row);
    }
  }
}

TEST_CASE("bad input corpus: every file of the corpus has a row in expectations.txt", "[reliability][bad_inputs]") {
  std::set<std::string> listed;
  for (const auto& row : read_expectations()) listed.insert(row.file);
  for (const char* folder : {"scenarios", "experiments"}) {
    for (const auto& entry : fs::directory_iterator(corpus_dir() / folder)) {
      const auto name = std::string(folder) + "/" + entry.path().filename().string();
      INFO(name << " is in the corpus but expectations.txt does not say what shanzhi must answer");
      CHECK(listed.count(name) == 1);
    }
  }
}

// A file the user may not read. Root reads any file whatever its mode, and CI runs as root, so
// there the check drops to the user `nobody` with setpriv (util-linux, on every Debian system)
// for the one command; if even that is impossible the test says so and checks nothing.
TEST_CASE("bad input corpus: a scenario the user may not read is refused with the reason", "[reliability][bad_inputs]") {
  TempDir dir("bad_input_unreadable");
  fs::permissions(dir.path(), fs::perms::all);  // nobody must be able to enter the folder
  write_file(dir / "secret.toml", "[workforce]\npay_ratio = 0.9\n");
  fs::permissions(dir / "secret.toml", fs::perms::none);

  std::string command = shanzhi_binary().string() + " validate secret.toml 2>&1";
  if (::geteuid() == 0) {
    const bool can_drop = std::system("setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null") == 0 &&
                          std::system(("setpriv --reuid=65534 --regid=65534 --clear-groups test -x " +
                                       shanzhi_binary().string())
                                          .c_str()) == 0;
    if (!can_drop) {
      WARN("running as root and cannot run shanzhi as user nobody (setpriv failed or the build folder is "
           "closed to other users): the unreadable-file case is not checked here");
      return;
    }
    command = "setpriv --reuid=65534 --regid=65534 --clear-groups " + command;
  }
  command = "cd '" + dir.path().string() + "' && " + command;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string output;
  char buffer[512];
  while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  const int status = ::pclose(pipe);
  INFO(command << "\n" << output);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(output.rfind("secret.toml: error: cannot read scenario file: ", 0) == 0);
  CHECK(contains(output, "Permission denied"));
}
