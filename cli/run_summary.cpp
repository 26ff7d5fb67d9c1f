#include "cli/run_summary.hpp"

#include "sim/experiments/reported_precision.hpp"
#include "sim/parallel.hpp"

#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace shanzhi::cli {
namespace {

std::string number(double x, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
  return buffer;
}

const char* verdict(const sim::MetricInfo& m, double start, double end) {
  const double change = end - start;
  if (m.direction == sim::Direction::neutral || std::fabs(change) < 1e-9) return "";
  const bool better = (change > 0) == (m.direction == sim::Direction::higher_is_better);
  return better ? "  better" : "  worse";
}

}  // namespace

std::string display_value(const sim::MetricInfo& m, double x) { return sim::experiments::shown_value(x, m.unit); }

std::string display_value(const sim::MetricInfo& m, double x, double half_width) {
  return sim::experiments::shown_value(x, m.unit, half_width);
}

std::size_t peak_memory_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

void print_run_summary(std::ostream& out, const std::string& scenario_name, const gov::GovernanceModel& model,
                       double seconds, const std::filesystem::path& dir) {
  const auto& rec = model.recorder();
  const auto& layout = model.state().layout;
  const double years = model.horizon_weeks() / 52.0;
  out << "Scenario " << scenario_name << ": " << layout.resident_count << " residents in "
      << layout.communities.size() << " communities of " << layout.streets.size() << " streets; seed "
      << model.scenario().run.seed << "\n"
      << "Simulated " << model.burn_in_weeks() << " burn-in weeks + " << model.horizon_weeks() << " weeks ("
      << number(years, 1) << " years) in " << number(seconds, 2) << " s with " << sim::thread_count() << " threads\n\n";
  char line[256];
  std::snprintf(line, sizeof line, "  %-30s %14s %14s\n", "headline metric", "start", "end");
  out << line;
  for (std::size_t m = 0; m < rec.metrics().size(); ++m) {
    const auto& info = rec.metrics()[m];
    if (!info.headline) continue;
    const double start = rec.value(0, m);
    const double end = rec.final_value(m);
    std::snprintf(line, sizeof line, "  %-30s %14s %14s%s\n", info.name.c_str(), display_value(info, start).c_str(),
                  display_value(info, end).c_str(), verdict(info, start, end));
    out << line;
  }
  const double resident_weeks = static_cast<double>(layout.resident_count) * model.total_weeks();
  out << "\n  speed " << number(resident_weeks / seconds / 1e6, 1) << " million resident-weeks/s; peak memory "
      << number(static_cast<double>(peak_memory_bytes()) / (1 << 20), 0) << " MiB\n"
      << "  start = end of burn-in (pre-reform), end = after " << model.horizon_weeks() << " weeks\n"
      << "Results in " << dir.string() << "/ (timeseries.csv, outcomes.csv, breakdowns.csv, manifest.json)\n";
}

void print_phase_profile(std::ostream& out, const sim::Schedule& schedule, double total_seconds) {
  out << "\nTime by phase:\n";
  char line[256];
  for (const auto& phase : schedule.phases()) {
    std::snprintf(line, sizeof line, "  %-28s %-10s %8.3f s %5.1f%%  (%ld calls)\n", phase.name.c_str(),
                  std::string(sim::to_string(phase.cadence)).c_str(), phase.seconds,
                  100.0 * phase.seconds / total_seconds, phase.calls);
    out << line;
  }
}

}  // namespace shanzhi::cli
