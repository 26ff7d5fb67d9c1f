// A sweep sizes itself before it starts. A design of 10 million points is legal, but its plan
// once cost 3 GB of memory (every run's settings copied) and a minute before the first run, and
// under a memory limit it ended in an uncaught bad_alloc. Now the plan is made on demand from the
// design matrix, the design's size is known without building it, and a sweep whose plan or
// database would not fit is refused with the estimate and the keys to change, before any work.

#include "models/governance/experiments/experiment_runner.hpp"
#include "sim/experiments/design.hpp"
#include "sim/experiments/sweep_footprint.hpp"
#include "sim/host_resources.hpp"
#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <string>

namespace ex = shanzhi::sim::experiments;
namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

/// An experiment on the tiny district with `samples` LHS points of the given factors.
std::string lhs_experiment(std::int64_t samples, const std::vector<std::string>& factor_keys, int replicates = 1) {
  std::string text = "[experiment]\nname = \"footprint\"\nbase = \"" + tiny_district() +
                     "\"\nweeks = 26\nreplicates = " + std::to_string(replicates) +
                     "\nseed = 3\n[design]\nkind = \"lhs\"\nsamples = " + std::to_string(samples) + "\n";
  for (const auto& key : factor_keys) text += "[[factor]]\nkey = \"" + key + "\"\nmin = 0\nmax = 0.9\n";
  return text + "[[outcome]]\nmetric = \"satisfaction_mean\"\n";
}

ex::Experiment load(const TempDir& dir, const std::string& text) {
  write_file(dir / "experiment.toml", text);
  return shanzhi::gov::load_governance_experiment((dir / "experiment.toml").string());
}

/// Runs `shanzhi sweep EXPERIMENT --db DB --limit 1 EXTRA...` under /bin/sh after `limit` (a
/// ulimit command, or empty), so the limit applies to the sweep alone.
CliResult sweep_under_limit(const std::string& limit, const fs::path& experiment, const fs::path& db,
                            const std::string& extra = "") {
  return run_program("/bin/sh",
                     {"-c", limit + "exec \"$0\" sweep \"$1\" --db \"$2\" --limit 1" + extra,
                      shanzhi_binary().string(), experiment.string(), db.string()},
                     source_dir(), std::chrono::seconds(300));
}

/// Sets a soft resource limit for the scope and puts the old one back.
class SoftLimit {
 public:
  SoftLimit(int resource, rlim_t value) : resource_(resource) {
    ::getrlimit(resource_, &saved_);
    rlimit changed = saved_;
    changed.rlim_cur = saved_.rlim_max == RLIM_INFINITY ? value : std::min(value, saved_.rlim_max);
    ::setrlimit(resource_, &changed);
  }
  ~SoftLimit() { ::setrlimit(resource_, &saved_); }
  SoftLimit(const SoftLimit&) = delete;
  SoftLimit& operator=(const SoftLimit&) = delete;

 private:
  int resource_;
  rlimit saved_{};
};

}  // namespace

TEST_CASE("A design's point count is known without building the design", "[experiments][footprint]") {
  const std::vector<std::size_t> all_ranges;
  for (const auto kind : {ex::DesignKind::full_factorial, ex::DesignKind::latin_hypercube, ex::DesignKind::sobol,
                          ex::DesignKind::morris}) {
    for (const std::size_t dimensions : {1u, 3u, 6u}) {
      ex::DesignSpec spec;
      spec.kind = kind;
      spec.samples = 17;
      spec.levels = 3;
      CAPTURE(ex::to_string(kind), dimensions);
      CHECK(ex::design_point_count(spec, dimensions, all_ranges) ==
            ex::build_design(spec, dimensions, all_ranges).point_count());
    }
  }
  // List factors set their own level counts in a full factorial.
  ex::DesignSpec factorial;
  factorial.kind = ex::DesignKind::full_factorial;
  factorial.levels = 4;
  CHECK(ex::design_point_count(factorial, 3, {2, 0, 5}) == 2 * 4 * 5);
  CHECK(ex::design_point_count(factorial, 3, {2, 0, 5}) == ex::build_design(factorial, 3, {2, 0, 5}).point_count());
  // Sizes over the limit are refused by the count, with the builder's own message.
  ex::DesignSpec sobol;
  sobol.kind = ex::DesignKind::sobol;
  sobol.samples = 2'000'000;
  CHECK_THROWS_WITH(ex::design_point_count(sobol, 4, {}), Catch::Contains("more than 10 million points"));
  factorial.levels = 1000;
  CHECK_THROWS_WITH(ex::design_point_count(factorial, 3, {}), Catch::Contains("more than 10 million points"));
}

TEST_CASE("A sweep's footprint grows with its points - factors - replicates and time series", "[experiments][footprint]") {
  TempDir dir("footprint");
  const auto one = load(dir, lhs_experiment(1000, {"admin.leakage"}));
  const auto three = load(dir, lhs_experiment(1000, {"admin.leakage", "admin.task_cut_share", "district.living_alone_share_of_elderly"}, 4));
  const auto small = ex::estimate_sweep_footprint(one, 1000, 0, false);
  CHECK(small.points == 1000);
  CHECK(small.runs == 1000);
  // The design matrix alone is 8 bytes per point and factor.
  CHECK(small.memory_bytes >= 1000 * 8);
  const auto ten_million = ex::estimate_sweep_footprint(one, 10'000'000, 0, false);
  CHECK(ten_million.memory_bytes == Approx(small.memory_bytes * 10'000).epsilon(1e-9));
  CHECK(ten_million.store_bytes == Approx(small.store_bytes * 10'000).epsilon(1e-9));
  // Measured: 10 million points of purchase.budget_per_community_yuan made a database of
  // 787 MB (the key is stored in every row); the estimate is within a factor of 1.5 of it and
  // not below.
  const auto measured = load(dir, lhs_experiment(1000, {"purchase.budget_per_community_yuan"}));
  const auto estimated = ex::estimate_sweep_footprint(measured, 10'000'000, 0, false).design_store_bytes;
  CHECK(estimated >= 0.787e9);
  CHECK(estimated <= 1.5 * 0.787e9);
  CHECK(ten_million.design_store_bytes < estimated);  // a shorter key
  CHECK(ten_million.store_bytes > ten_million.design_store_bytes);  // and the runs' rows

  const auto wide = ex::estimate_sweep_footprint(three, 1000, 0, false);
  CHECK(wide.runs == 4000);
  CHECK(wide.memory_bytes > small.memory_bytes);
  CHECK(wide.store_bytes > small.store_bytes);
  const double rows = shanzhi::gov::timeseries_rows_per_run(one.base);
  CHECK(rows > 27);  // every metric of week 0 and 26 recorded weeks
  const auto with_series = ex::estimate_sweep_footprint(one, 1000, rows, false);
  CHECK(with_series.store_bytes >= small.store_bytes + 1000 * rows * 30);
  // Resuming reads the finished runs into memory.
  CHECK(ex::estimate_sweep_footprint(one, 1000, 0, true).memory_bytes > small.memory_bytes);
}

TEST_CASE("A sweep that does not fit is refused with the estimate and the keys to change", "[experiments][footprint]") {
  TempDir dir("footprint_refusal");
  const auto experiment = load(dir, lhs_experiment(10'000'000, {"admin.leakage"}));
  const auto footprint = ex::estimate_sweep_footprint(experiment, 10'000'000, 0, false);
  const std::uint64_t plenty = 1ull << 50;
  CHECK_FALSE(ex::footprint_refusal(experiment, footprint, plenty, plenty, false, 0));
  CHECK_FALSE(ex::footprint_refusal(experiment, footprint, std::nullopt, std::nullopt, false, 0));  // unknown: no guess

  const auto memory = ex::footprint_refusal(experiment, footprint, 50'000'000, plenty, false, 0);
  REQUIRE(memory);
  CHECK_THAT(*memory, Catch::Contains("10000000 points x 1 replicate = 10000000 runs") &&
                          Catch::Contains("of memory") && Catch::Contains("50 MB available") &&
                          Catch::Contains("design.samples") && Catch::Contains("experiment.toml"));

  const auto disk = ex::footprint_refusal(experiment, footprint, plenty, 100'000'000, true, 0);
  REQUIRE(disk);
  CHECK_THAT(*disk, Catch::Contains("would grow to about") && Catch::Contains("100 MB may be written") &&
                        Catch::Contains("drop --timeseries") && Catch::Contains("--db"));
  // A resumed database needs only what it does not hold yet; a new one needs its design twice
  // while it is created (the write-ahead log).
  const auto room = static_cast<std::uint64_t>(footprint.store_bytes * 1.2);
  CHECK(ex::footprint_refusal(experiment, footprint, plenty, room, false, 0));
  CHECK_FALSE(ex::footprint_refusal(experiment, footprint, plenty, room, false, footprint.store_bytes * 0.5));
}

TEST_CASE("Available memory and file size count the process limits", "[experiments][footprint]") {
  {
    SoftLimit file_size(RLIMIT_FSIZE, 1 << 20);
    const auto bytes = shanzhi::sim::available_file_bytes(std::filesystem::temp_directory_path());
    REQUIRE(bytes);
    CHECK(*bytes <= (1u << 20));
  }
  const auto unlimited = shanzhi::sim::available_file_bytes(std::filesystem::temp_directory_path() / "no" / "such");
  REQUIRE(unlimited);  // the nearest existing folder's disk
  CHECK(*unlimited > (1u << 20));

  rlimit now{};
  ::getrlimit(RLIMIT_AS, &now);
  if (now.rlim_cur == RLIM_INFINITY) {
    // 256 MB above what the process maps now (an ASan build maps terabytes of shadow memory).
    std::ifstream status("/proc/self/status");
    std::string line;
    rlim_t mapped = 0;
    while (std::getline(status, line))
      if (line.rfind("VmSize:", 0) == 0) mapped = std::stoull(line.substr(7)) * 1024;
    REQUIRE(mapped > 0);
    SoftLimit address_space(RLIMIT_AS, mapped + (rlim_t{256} << 20));
    const auto memory = shanzhi::sim::available_memory_bytes();
    REQUIRE(memory);
    CHECK(*memory <= (std::uint64_t{256} << 20));
  }
  CHECK(shanzhi::sim::bytes_text(787'341'312) == "787 MB");
  CHECK(shanzhi::sim::bytes_text(5.8e9) == "5.8 GB");
  CHECK(shanzhi::sim::bytes_text(512) == "512 bytes");
}

TEST_CASE("sweep refuses a design whose database would not fit before any work", "[cli][sweep][footprint]") {
  // 10 million points of one factor make a database of about 800 MB; the shell limits each file
  // this sweep writes to 50 MB (ulimit -f, in 512-byte blocks for dash).
  TempDir dir("footprint_cli");
  write_file(dir / "huge.toml", lhs_experiment(10'000'000, {"admin.leakage"}));
  const auto start = std::chrono::steady_clock::now();
  const auto result = sweep_under_limit("ulimit -f 102400; ", dir / "huge.toml", dir / "huge.sqlite");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO(result.describe());
  CHECK(result.exited);
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "would grow to about"));
  CHECK(contains(result.err, "may be written there"));
  CHECK(contains(result.err, "design.samples"));
  CHECK_FALSE(std::filesystem::exists(dir / "huge.sqlite"));
  CHECK(seconds < 30);  // refused from the design's size, not after building it (generous for ASan)
}

TEST_CASE("sweep plans a million-point design without materialising its runs", "[cli][sweep][footprint]") {
  // The plan used to hold every point's and run's settings: 1.3 kB a point (3 GB for 10 million
  // points of one factor), so this design needed about 1.3 GB. Under an address-space limit of
  // 400 MB, only the design matrix and the queue remain; the design is written to the database
  // and one run is made. Sanitizer builds reserve terabytes of address space, so there the limit
  // cannot be set and the plain run stands.
  TempDir dir("footprint_plan");
  write_file(dir / "wide.toml", lhs_experiment(1'000'000, {"admin.leakage", "admin.task_cut_share"}));
  const std::string limit =
#if defined(__SANITIZE_ADDRESS__)
      "";
#else
      "ulimit -v 400000; ";  // 400 MB of address space (the program with its libraries maps about 200 MB)
#endif
  const auto result = sweep_under_limit(limit, dir / "wide.toml", dir / "wide.sqlite", " --threads 1");
  INFO(result.describe());
  CHECK(result.exited);
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "1000000 points x 1 replicate = 1000000 runs"));
  CHECK(contains(result.out, "Writing the design's 1000000 points"));
  CHECK(contains(result.out, "999999 runs remain"));
}
