// The examples README.md shows are real: each shown output line must appear, character for
// character, in the output of the command it shows, run now. When the model or the printout
// changes, this test says which line drifted; rerun the command and paste its lines.

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

using namespace shanzhi::cli_test;

namespace {

/// The output lines README.md shows under the line "$ COMMAND" (up to the end of its code
/// block), without the "  ..." lines that stand for omitted output.
std::vector<std::string> shown_output(const std::string& readme, const std::string& command) {
  const auto at = readme.find("$ " + command + "\n");
  REQUIRE(at != std::string::npos);
  const auto begin = at + command.size() + 3;
  const auto end = readme.find("```", begin);
  std::vector<std::string> lines;
  for (const auto& line : lines_of(readme.substr(begin, end - begin)))
    if (line.find_first_not_of(" .") != std::string::npos) lines.push_back(line);
  return lines;
}

std::vector<std::string> words(const std::string& command) {
  std::istringstream in(command);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

}  // namespace

TEST_CASE("README's compare example is the output of the command it shows", "[cli][docs][slow]") {
  const std::string command = "build/shanzhi compare scenarios/small_baseline.toml scenarios/small_district.toml -r 10";
  const auto shown = shown_output(read_file(source_dir() / "README.md"), command);
  REQUIRE(shown.size() >= 3);
  TempDir dir("readme_compare");
  auto args = words(command);
  args.erase(args.begin());  // the program
  args.insert(args.end(), {"--out", (dir / "out").string()});
  const auto result = run_shanzhi(args);
  INFO(result.describe());
  REQUIRE(result.exit_code == 0);
  const auto printed = lines_of(result.out);
  for (const auto& line : shown) {
    CAPTURE(line);
    CHECK(std::find(printed.begin(), printed.end(), line) != printed.end());
  }
}
