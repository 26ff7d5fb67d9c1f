// The examples README.md and docs/ show are real: under each "$ build/shanzhi ..." line of a code
// block, every output line shown must appear in the output of that command, run now. Times,
// rates and thread counts are compared as placeholders (they vary by machine); "  ..." lines
// stand for omitted output. A command that cannot be run as written (it assumes an edited file)
// says "# not checked: why" and is skipped. When the model or a printout changes, this test says
// which line drifted: rerun the command and paste its lines (and reread the prose around them).

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

struct ShownExample {
  std::string where;  ///< file:line, for the failure message
  std::string command;
  std::vector<std::string> output;
};

std::string trimmed_continuation(const std::string& line) {
  auto text = line;
  while (!text.empty() && (text.back() == '\\' || text.back() == ' ')) text.pop_back();
  return text;
}

/// Every "$ build/shanzhi" example in `doc` (a path under the source tree).
std::vector<ShownExample> examples_in(const std::string& doc) {
  const auto lines = lines_of(read_file(source_dir() / doc));
  std::vector<ShownExample> examples;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("$ build/shanzhi ", 0) != 0) continue;
    ShownExample e{doc + ":" + std::to_string(i + 1), trimmed_continuation(lines[i].substr(2)), {}};
    while (lines[i].size() && lines[i].back() == '\\' && i + 1 < lines.size())
      e.command += " " + trimmed_continuation(lines[++i]);
    for (++i; i < lines.size() && lines[i].rfind("```", 0) != 0; ++i)
      if (lines[i].find_first_not_of(" .") != std::string::npos) e.output.push_back(lines[i]);
    examples.push_back(std::move(e));
  }
  return examples;
}

/// A line with what varies from run to run made a placeholder: seconds, run rates, thread counts.
std::string normalised(const std::string& line) {
  static const std::regex seconds(R"(\b\d+(\.\d+)? s\b)"), rate(R"(\d+(\.\d+)? runs/min)"),
      threads(R"(\b\d+ threads?\b)");
  auto out = std::regex_replace(line, seconds, "<seconds>");
  out = std::regex_replace(out, rate, "<rate> runs/min");
  return std::regex_replace(out, threads, "<n> threads");
}

std::vector<std::string> words(const std::string& command) {
  std::istringstream in(command);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

/// Runs every checkable example of `doc` whose command contains `filter`, in order, from a fresh
/// folder with a copy of the shipped scenarios (results are written there, never into the source
/// tree). Examples of one document share the folder, as a reader following the page would.
void check_examples(const std::string& doc, const std::string& filter) {
  const auto examples = examples_in(doc);
  // A copy, not a link: an example may write into scenarios/ (calibrate --write-survey).
  TempDir dir("docs_example");
  fs::copy(source_dir() / "scenarios", dir / "scenarios", fs::copy_options::recursive);
  std::size_t checked = 0;
  for (const auto& e : examples) {
    if (e.command.find(filter) == std::string::npos || e.command.find("# not checked:") != std::string::npos) continue;
    INFO(e.where << ": " << e.command);
    auto args = words(e.command);
    args.erase(args.begin());  // build/shanzhi
    const auto result = run_shanzhi(args, dir.path(), std::chrono::seconds(600));
    INFO(result.describe());
    REQUIRE(result.exit_code == 0);
    std::vector<std::string> printed;
    for (const auto& line : lines_of(result.out)) printed.push_back(normalised(line));
    for (const auto& line : e.output) {
      CAPTURE(line);
      CHECK(std::find(printed.begin(), printed.end(), normalised(line)) != printed.end());
    }
    ++checked;
  }
  CHECK(checked > 0);
}

}  // namespace

TEST_CASE("README's examples are the output of the commands they show", "[cli][docs][slow]") {
  check_examples("README.md", "");
}

TEST_CASE("docs/experiments.md's examples are the output of the commands they show", "[cli][docs][slow]") {
  check_examples("docs/experiments.md", "");
}

TEST_CASE("docs/planning.md's optimization examples are the output of the commands they show", "[cli][docs][slow]") {
  check_examples("docs/planning.md", "optimize");
}

TEST_CASE("docs/planning.md's calibration examples are the output of the commands they show", "[cli][docs][slow]") {
  check_examples("docs/planning.md", "calibrate");
}
