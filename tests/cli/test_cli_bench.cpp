// `shanzhi bench`: whole runs at several district sizes, each measured in its own process. The
// figures themselves are timings (not tested); what is tested is that the districts have the
// sizes asked for, the table and CSV hold one row per (size, threads), and bad input exits 2.

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

using namespace shanzhi::cli_test;

TEST_CASE("cli bench: one row per size and thread count with districts of the asked size", "[cli][bench]") {
  TempDir dir("bench");
  const auto csv = dir / "bench.csv";
  const auto r = run_shanzhi({"bench", "scenarios/small_district.toml", "--sizes", "1000,15000", "--threads", "1,2",
                              "--weeks", "3", "--burn-in", "1", "--csv", csv.string()});
  INFO(r.describe());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "1 burn-in + 3 weeks; each run in its own process"));
  const auto rows = lines_of(read_file(csv));
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].rfind("residents,threads,weeks,setup_seconds,run_wall_seconds,run_cpu_seconds,", 0) == 0);
  // small_district has communities of 3,000: 1,000 residents is one community of 1,000, and
  // 15,000 is 5 communities of 3,000 on one street.
  CHECK(rows[1].rfind("1000,1,4,", 0) == 0);
  CHECK(rows[2].rfind("1000,2,4,", 0) == 0);
  CHECK(rows[3].rfind("15000,1,4,", 0) == 0);
  CHECK(rows[4].rfind("15000,2,4,", 0) == 0);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    // peak bytes per resident: positive and far below a megabyte
    const auto per_resident = std::stod(rows[i].substr(rows[i].rfind(',') + 1));
    CHECK(per_resident > 0);
    CHECK(per_resident < 1e6);
  }
}

TEST_CASE("cli bench: bad sizes or keys exit with code 2", "[cli][bench]") {
  const auto too_small = run_shanzhi({"bench", "--sizes", "10", "--threads", "1"});
  INFO(too_small.describe());
  CHECK(too_small.exit_code == 2);
  const auto bad_key = run_shanzhi({"bench", "scenarios/small_district.toml", "--set", "district.stretes=2"});
  INFO(bad_key.describe());
  CHECK(bad_key.exit_code == 2);
  CHECK(contains(bad_key.err, "did you mean 'district.streets'"));
}
