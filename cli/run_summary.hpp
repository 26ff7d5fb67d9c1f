#pragma once
// The human summary printed after a run: headline metrics at the start and end of the
// recorded horizon, run time, speed and where the files are.

#include "models/governance/model.hpp"

#include <filesystem>
#include <ostream>
#include <string>

namespace shanzhi::cli {

void print_run_summary(std::ostream& out, const std::string& scenario_name, const gov::GovernanceModel& model,
                       double seconds, const std::filesystem::path& dir);

/// Wall time per model phase (from the schedule's timers).
void print_phase_profile(std::ostream& out, const sim::Schedule& schedule, double total_seconds);

/// A metric value as people read it: shares as percentages, money in ¥ millions, else 2 decimals.
std::string display_value(const sim::MetricInfo& metric, double value);
/// The same, rounded to what an uncertainty of ± `half_width` (in the metric's own units) supports
/// (sim/experiments/reported_precision.hpp), never more decimals than the plain form.
std::string display_value(const sim::MetricInfo& metric, double value, double half_width);

/// Peak resident memory of this process so far, in bytes.
std::size_t peak_memory_bytes();

}  // namespace shanzhi::cli
