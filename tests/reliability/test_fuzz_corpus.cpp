// The fuzz targets' seed corpus (tests/fuzz/corpus/TARGET/) and every input a fuzzer ever found
// to crash Shanzhi (tests/fuzz/regressions/TARGET/) replayed through the same functions the
// libFuzzer programs call (fuzz/fuzz_inputs.hpp), in the ordinary build: a fixed bug stays fixed
// even where clang and libFuzzer are not available.

#include "fuzz/fuzz_inputs.hpp"
#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

/// Every regular file under tests/fuzz/{corpus,regressions}/TARGET, sorted.
std::vector<fs::path> inputs_of(const std::string& target) {
  std::vector<fs::path> files;
  for (const char* folder : {"corpus", "regressions"}) {
    const auto dir = source_dir() / "tests" / "fuzz" / folder / target;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void replay(const std::string& target, const std::function<void(std::string_view)>& input) {
  const auto files = inputs_of(target);
  REQUIRE_FALSE(files.empty());
  for (const auto& file : files) {
    INFO(file.string());
    const std::string bytes = read_file(file);
    CHECK_NOTHROW(input(bytes));
  }
}

}  // namespace

TEST_CASE("fuzz corpus: scenario inputs replay without an unexpected exception", "[reliability][fuzz]") {
  replay("scenario", shanzhi::fuzz::scenario_input);
}

TEST_CASE("fuzz corpus: experiment inputs replay without an unexpected exception", "[reliability][fuzz]") {
  replay("experiment", shanzhi::fuzz::experiment_input);
}

TEST_CASE("fuzz corpus: factor file inputs replay without an unexpected exception", "[reliability][fuzz]") {
  replay("factor_file", shanzhi::fuzz::factor_file_input);
}

TEST_CASE("fuzz corpus: CSV inputs replay without an unexpected exception", "[reliability][fuzz]") {
  replay("csv", shanzhi::fuzz::csv_input);
}

TEST_CASE("fuzz corpus: the harness's base scenario is valid so seeds reach past the base", "[reliability][fuzz]") {
  const auto& scratch = shanzhi::fuzz::Scratch::get();
  CHECK_NOTHROW(shanzhi::gov::load_governance_scenario(scratch.file("base.toml").string(), {}));
}
