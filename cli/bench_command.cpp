// `shanzhi bench [SCENARIO]`: whole-run speed at several district sizes and thread counts, each
// run in its own child process so that its peak memory and CPU time are its own. Reports
// resident-weeks per second, seconds per simulated year and peak memory per resident; the
// phase micro-benchmarks are in bench/ (shanzhi_bench).

#include "cli/commands.hpp"
#include "models/governance/model.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"
#include "sim/parallel.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace shanzhi::cli {
namespace {

struct BenchOptions {
  std::string scenario = "scenarios/guangling.toml";
  std::vector<std::int64_t> sizes{10'000, 100'000, 1'000'000, 5'000'000};
  std::vector<int> threads{1, 2};
  std::vector<std::string> overrides;
  std::optional<std::int64_t> weeks;
  std::optional<std::int64_t> burn_in;
  std::string csv;
};

/// A district of about `residents` people: communities of the scenario's size or less, at most 12
/// per street (Guangling's layout), so that 1M and 5M residents differ only in how many there are.
std::vector<std::string> district_of(std::int64_t residents, std::int64_t community_size, std::int64_t compound_size) {
  const std::int64_t communities = std::max<std::int64_t>(1, (residents + community_size - 1) / community_size);
  const std::int64_t per_street = std::min<std::int64_t>(communities, 12);
  const std::int64_t streets = (communities + per_street - 1) / per_street;
  const std::int64_t each = std::llround(static_cast<double>(residents) / static_cast<double>(streets * per_street));
  std::vector<std::string> keys{"district.streets=" + std::to_string(streets),
                                "district.communities_per_street=" + std::to_string(per_street),
                                "district.residents_per_community=" + std::to_string(each)};
  if (each < compound_size) keys.push_back("district.residents_per_compound=" + std::to_string(each));
  return keys;
}

struct Measurement {
  std::int64_t residents = 0;
  int threads = 1;
  int weeks = 0;  ///< burn-in + recorded
  double setup_seconds = 0;
  double run_seconds = 0;      ///< wall time of the weekly loop
  double run_cpu_seconds = 0;  ///< user + system time of all threads during the weekly loop
  double peak_bytes = 0;       ///< the child's peak resident set
  std::string error;

  double resident_weeks() const { return static_cast<double>(residents) * weeks; }
};

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

/// In the child: builds and runs the model, then writes "residents weeks setup run cpu" to `fd`.
[[noreturn]] void measure_in_child(const BenchOptions& o, std::vector<std::string> overrides, int threads, int fd) {
  std::ostringstream line;
  try {
    const auto loaded = gov::load_governance_scenario(o.scenario, overrides);
    sim::set_thread_count(threads);
    const auto start = std::chrono::steady_clock::now();
    gov::GovernanceModel model(loaded.parameters);
    const auto built = std::chrono::steady_clock::now();
    const double cpu_before = cpu_seconds();
    model.run_to_end();
    const double cpu = cpu_seconds() - cpu_before;
    const auto end = std::chrono::steady_clock::now();
    const auto& d = loaded.parameters.district;
    line.precision(17);
    line << d.streets * d.communities_per_street * d.residents_per_community << " " << model.total_weeks() << " "
         << std::chrono::duration<double>(built - start).count() << " "
         << std::chrono::duration<double>(end - built).count() << " " << cpu << "\n";
  } catch (const sim::ScenarioError& e) {
    line << "error " << e.what();
  } catch (const std::exception& e) {
    line << "error " << e.what();
  }
  const auto text = line.str();
  [[maybe_unused]] const auto written = ::write(fd, text.data(), text.size());
  ::_exit(0);
}

Measurement measure(const BenchOptions& o, std::int64_t residents, int threads, const gov::GovernanceParameters& base) {
  auto overrides = district_of(residents, base.district.residents_per_community, base.district.residents_per_compound);
  overrides.insert(overrides.end(), o.overrides.begin(), o.overrides.end());
  if (o.weeks) overrides.push_back("run.weeks=" + std::to_string(*o.weeks));
  if (o.burn_in) overrides.push_back("run.burn_in_weeks=" + std::to_string(*o.burn_in));
  Measurement m;
  m.threads = threads;
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("cannot create a pipe");
  std::cout << std::flush;
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("cannot fork a measuring process");
  if (pid == 0) {
    ::close(pipe_fds[0]);
    measure_in_child(o, overrides, threads, pipe_fds[1]);
  }
  ::close(pipe_fds[1]);
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  m.peak_bytes = static_cast<double>(usage.ru_maxrss) * 1024.0;  // Linux reports kilobytes
  if (text.rfind("error ", 0) == 0) {
    m.error = text.substr(6);
    return m;
  }
  if (!WIFEXITED(status) || text.empty()) {
    m.error = "the measuring process died (out of memory?)";
    return m;
  }
  std::istringstream in(text);
  in >> m.residents >> m.weeks >> m.setup_seconds >> m.run_seconds >> m.run_cpu_seconds;
  return m;
}

std::string row_text(const Measurement& m) {
  char line[256];
  const double years = m.weeks / 52.0;
  std::snprintf(line, sizeof line, "%10lld %7d %6d %8.2f %9.2f %9.2f %12.2f %10.3f %10.3f %8.0f %9.0f",
                static_cast<long long>(m.residents), m.threads, m.weeks, m.setup_seconds, m.run_seconds,
                m.run_cpu_seconds, m.resident_weeks() / m.run_seconds / 1e6, m.run_seconds / years,
                m.run_cpu_seconds / years, m.peak_bytes / (1024.0 * 1024.0), m.peak_bytes / static_cast<double>(m.residents));
  return line;
}

constexpr const char* table_header =
    " residents threads  weeks  setup_s run_wall_s  run_cpu_s  Mres-wk/s(w) wall_s/yr   cpu_s/yr peak_MiB  B/resident";

std::string csv_of(const std::vector<Measurement>& rows) {
  std::string text;
  sim::append_csv_line(text, {"residents", "threads", "weeks", "setup_seconds", "run_wall_seconds", "run_cpu_seconds",
                              "resident_weeks_per_second", "wall_seconds_per_simulated_year",
                              "cpu_seconds_per_simulated_year", "peak_bytes", "peak_bytes_per_resident"});
  for (const auto& m : rows) {
    if (!m.error.empty()) continue;
    const double years = m.weeks / 52.0;
    sim::append_csv_line(text, {std::to_string(m.residents), std::to_string(m.threads), std::to_string(m.weeks),
                                sim::format_number(m.setup_seconds), sim::format_number(m.run_seconds),
                                sim::format_number(m.run_cpu_seconds),
                                sim::format_number(m.resident_weeks() / m.run_seconds),
                                sim::format_number(m.run_seconds / years), sim::format_number(m.run_cpu_seconds / years),
                                sim::format_number(m.peak_bytes),
                                sim::format_number(m.peak_bytes / static_cast<double>(m.residents))});
  }
  return text;
}

int bench(const BenchOptions& o) {
  gov::LoadedScenario base;
  try {  // check the scenario and --set once, in this process, with clear errors
    auto overrides = o.overrides;
    if (o.weeks) overrides.push_back("run.weeks=" + std::to_string(*o.weeks));
    if (o.burn_in) overrides.push_back("run.burn_in_weeks=" + std::to_string(*o.burn_in));
    base = gov::load_governance_scenario(o.scenario, overrides);
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return exit_bad_input;
  }
  std::cout << "shanzhi bench: " << o.scenario << ", " << base.parameters.run.burn_in_weeks << " burn-in + "
            << base.parameters.run.weeks << " weeks; each run in its own process\n"
            << table_header << "\n";
  std::vector<Measurement> rows;
  for (const auto size : o.sizes)
    for (const int threads : o.threads) {
      rows.push_back(measure(o, size, threads, base.parameters));
      if (!rows.back().error.empty()) {
        std::cerr << "shanzhi bench: " << size << " residents, " << threads << " threads: " << rows.back().error << "\n";
        return exit_failure;
      }
      std::cout << row_text(rows.back()) << "\n" << std::flush;
    }
  std::cout << "Mres-wk/s(w): million resident-weeks per second of wall time in the weekly loop (set-up excluded);\n"
               "wall_s/yr, cpu_s/yr: seconds per simulated year (CPU = user + system of all threads);\n"
               "peak: the measuring process's peak resident set (whole process, set-up included).\n";
  if (!o.csv.empty()) {
    try {
      sim::write_file_atomically(o.csv, csv_of(rows));
    } catch (const std::exception& e) {
      std::cerr << "shanzhi bench: " << e.what() << "\n";
      return exit_failure;
    }
  }
  return exit_ok;
}

}  // namespace

Command add_bench_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("bench", "Measure whole-run speed and memory at several district sizes and thread counts");
  auto o = std::make_shared<BenchOptions>();
  cmd->add_option("scenario", o->scenario, "Scenario to scale (default: scenarios/guangling.toml)");
  cmd->add_option("--sizes", o->sizes, "Residents per run, comma separated (default 10000,100000,1000000,5000000)")
      ->delimiter(',')
      ->check(CLI::Range(std::int64_t{50}, std::int64_t{100'000'000}));
  cmd->add_option("--threads", o->threads, "Thread counts to measure, comma separated (default 1,2)")
      ->delimiter(',')
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--weeks", o->weeks, "Weeks after burn-in (default: the scenario's)");
  cmd->add_option("--burn-in", o->burn_in, "Burn-in weeks (default: the scenario's)");
  cmd->add_option("--set", o->overrides, "Override a scenario key (as in `shanzhi run`)")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  cmd->add_option("--csv", o->csv, "Also write the table as CSV");
  cmd->footer(
      "District sizes are set through district.streets, communities_per_street and residents_per_community:\n"
      "communities of at most the scenario's size, 12 per street. Timings are only as quiet as the machine;\n"
      "the CPU columns are less sensitive to other load than the wall columns. See docs/performance.md.");
  return {cmd, [o] { return bench(*o); }};
}

}  // namespace shanzhi::cli
