// `shanzhi sample` through the built program: the CSV it writes for each design, and bad input
// refused with exit code 2 and a message that says where.

#include "sim/experiments/csv_table.hpp"
#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;
using shanzhi::sim::experiments::read_numeric_csv;

namespace {

const std::string ishigami_params = "scenarios/experiments/ishigami_params.toml";

std::vector<std::string> sample_args(const std::vector<std::string>& design, const std::string& params,
                                     const fs::path& out) {
  std::vector<std::string> args{"sample", "--design"};
  args.insert(args.end(), design.begin(), design.end());
  args.insert(args.end(), {"--params", params, "--out", out.string()});
  return args;
}

void expect_bad_input(const CliResult& r, const std::string& says) {
  INFO(r.describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, says));
  CHECK_FALSE(contains(r.err, "terminate called"));
}

}  // namespace

TEST_CASE("shanzhi sample writes one row per design point for each design", "[experiments][sample]") {
  TempDir dir("sample");
  struct Expected {
    std::vector<std::string> design;
    std::size_t rows;
  };
  const std::vector<Expected> cases{
      {{"sobol", "--n", "64"}, 64 * (3 + 2)},
      {{"lhs", "--n", "25", "--seed", "3"}, 25},
      {{"morris", "--n", "10", "--levels", "6"}, 10 * (3 + 1)},
      {{"factorial", "--levels", "3"}, 27},
      {{"factorial"}, 64},  // the default of 4 levels
  };
  for (const auto& c : cases) {
    const auto out = dir / ("x_" + c.design[0] + std::to_string(c.rows) + ".csv");
    const auto r = run_shanzhi(sample_args(c.design, ishigami_params, out));
    INFO(c.design[0] << "\n" << r.describe());
    REQUIRE(r.exited);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "Wrote " + std::to_string(c.rows) + " points"));
    const auto table = read_numeric_csv(out);
    CHECK(table.columns == std::vector<std::string>{"x1", "x2", "x3"});
    CHECK(table.rows.size() == c.rows);
    for (const auto& row : table.rows)
      for (const double x : row) {
        CHECK(x >= -3.141592653589793);
        CHECK(x <= 3.141592653589793);
      }
  }
}

TEST_CASE("shanzhi sample is deterministic and writes list values as given", "[experiments][sample]") {
  TempDir dir("sample_values");
  write_file(dir / "p.toml",
             "[[factor]]\nkey = \"rule\"\nvalues = [\"fifo\", \"priority\"]\n\n"
             "[[factor]]\nkey = \"budget\"\nmin = 0\nmax = 400000\nrole = \"lever\"\n");
  const auto first = run_shanzhi(sample_args({"lhs", "--n", "8", "--seed", "5"}, (dir / "p.toml").string(), dir / "a.csv"));
  const auto again = run_shanzhi(sample_args({"lhs", "--n", "8", "--seed", "5"}, (dir / "p.toml").string(), dir / "b.csv"));
  INFO(first.describe());
  REQUIRE(first.exit_code == 0);
  REQUIRE(again.exit_code == 0);
  const auto text = read_file(dir / "a.csv");
  CHECK(text == read_file(dir / "b.csv"));
  CHECK(text.rfind("rule,budget\n", 0) == 0);
  CHECK(contains(text, "fifo,"));
  CHECK(contains(text, "priority,"));
}

TEST_CASE("shanzhi sample refuses a bad parameter file with file line and column", "[experiments][sample]") {
  TempDir dir("sample_bad");
  write_file(dir / "bad.toml", "[[factor]]\nkey = \"x\"\nmin = 2\nmax = 1\n");
  const auto out = dir / "x.csv";
  const auto r = run_shanzhi(sample_args({"lhs", "--n", "4"}, (dir / "bad.toml").string(), out));
  expect_bad_input(r, (dir / "bad.toml").string() + ":4:7: error: key 'x': max (1) must be greater than min (2)");
  CHECK_FALSE(fs::exists(out));

  write_file(dir / "typo.toml", "[[factor]]\nkey = \"x\"\nmni = 0\nmax = 1\n");
  expect_bad_input(run_shanzhi(sample_args({"lhs", "--n", "4"}, (dir / "typo.toml").string(), out)),
                   "typo.toml:3:1: error: unknown field 'mni' in [[factor]]");
  expect_bad_input(run_shanzhi(sample_args({"lhs", "--n", "4"}, (dir / "absent.toml").string(), out)),
                   "absent.toml: error: cannot read parameter file: no such file");
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("shanzhi sample refuses bad options and an existing output without --force", "[experiments][sample]") {
  TempDir dir("sample_options");
  const auto out = dir / "x.csv";
  expect_bad_input(run_shanzhi(sample_args({"sobol"}, ishigami_params, out)), "--n is required for a sobol design");
  expect_bad_input(run_shanzhi(sample_args({"lhs", "--n", "0"}, ishigami_params, out)), "--n must be at least 1");
  expect_bad_input(run_shanzhi(sample_args({"morris", "--n", "4", "--levels", "1"}, ishigami_params, out)),
                   "--levels must be at least 2");
  expect_bad_input(run_shanzhi(sample_args({"factorial", "--n", "4"}, ishigami_params, out)),
                   "--n does not apply to a full factorial");
  expect_bad_input(run_shanzhi(sample_args({"lhs", "--n", "4", "--levels", "3"}, ishigami_params, out)),
                   "--levels applies only to the morris and factorial designs");
  expect_bad_input(run_shanzhi(sample_args({"saltelli", "--n", "4"}, ishigami_params, out)), "saltelli");
  expect_bad_input(run_shanzhi(sample_args({"sobol", "--n", "9000000"}, ishigami_params, out)), "10 million");
  expect_bad_input(run_shanzhi(sample_args({"lhs", "--n", "4"}, ishigami_params, dir / "no_such_dir" / "x.csv")),
                   "does not exist");
  CHECK(directory_entries(dir.path()).empty());

  REQUIRE(run_shanzhi(sample_args({"lhs", "--n", "4"}, ishigami_params, out)).exit_code == 0);
  const auto before = read_file(out);
  expect_bad_input(run_shanzhi(sample_args({"lhs", "--n", "5"}, ishigami_params, out)),
                   "already exists; use --force to overwrite it");
  CHECK(read_file(out) == before);
  auto forced = sample_args({"lhs", "--n", "5"}, ishigami_params, out);
  forced.push_back("--force");
  REQUIRE(run_shanzhi(forced).exit_code == 0);
  CHECK(read_numeric_csv(out).rows.size() == 5);
  CHECK(directory_entries(dir.path()) == std::vector<std::string>{"x.csv"});  // no temporary left behind
}

TEST_CASE("shanzhi sample warns when a Sobol N is not a power of two", "[experiments][sample]") {
  TempDir dir("sample_warn");
  const auto r = run_shanzhi(sample_args({"sobol", "--n", "100"}, ishigami_params, dir / "x.csv"));
  INFO(r.describe());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "not a power of two"));
  CHECK(contains(r.err, "64 or 128"));
}
