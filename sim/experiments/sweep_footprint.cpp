#include "sim/experiments/sweep_footprint.hpp"

#include "sim/host_resources.hpp"

#include <algorithm>

namespace shanzhi::sim::experiments {
namespace {

// Bytes per row of the results database, measured on tiny_lhs (200,000 points of 2 factors:
// 24.8 MB; 120 runs with time series: 40 bytes per time-series row) and rounded up. Keys and
// names are stored in each row, so their lengths count.
constexpr double point_row_bytes = 16;
constexpr double point_value_row_bytes = 24;  // + the factor's key
constexpr double run_row_bytes = 80;
constexpr double outcome_row_bytes = 24;      // + the metric's and the statistic's names
constexpr double timeseries_row_bytes = 40;
constexpr double page_slack = 1.1;            // B-tree pages are not full

// Memory of the sweep's bookkeeping.
constexpr double matrix_cell_bytes = 8;       // one double per point and factor
constexpr double queued_run_bytes = 8;        // a position in the queue of missing runs
constexpr double finished_run_bytes = 48;     // a node of the set of finished runs (when resuming)

double design_bytes_in_store(const Experiment& experiment, std::size_t points) {
  double per_point = point_row_bytes;
  for (const auto& factor : experiment.factors) per_point += point_value_row_bytes + static_cast<double>(factor.key.size());
  return per_point * static_cast<double>(points) * page_slack;
}

double run_bytes_in_store(const Experiment& experiment, double timeseries_rows_per_run) {
  double per_run = run_row_bytes + timeseries_rows_per_run * timeseries_row_bytes;
  for (const auto& outcome : experiment.outcomes)
    per_run += outcome_row_bytes + static_cast<double>(outcome.label().size());
  return per_run * page_slack;
}

/// "design.samples" or "design.levels", whichever sizes this experiment's design.
std::string size_key(const Experiment& experiment) {
  return experiment.design.kind == DesignKind::full_factorial ? "design.levels (or fewer list values)"
                                                              : "design.samples";
}

}  // namespace

SweepFootprint estimate_sweep_footprint(const Experiment& experiment, std::size_t points,
                                        double timeseries_rows_per_run, bool resuming) {
  SweepFootprint footprint;
  footprint.points = points;
  footprint.runs = points * static_cast<std::size_t>(std::max<std::int64_t>(experiment.replicates, 1));
  const auto factors = static_cast<double>(experiment.factors.size());
  // The matrix, and as much again while it is built (a Sobol design draws 2 × factors columns,
  // a Latin hypercube one permutation of the points per factor).
  footprint.memory_bytes = 2 * static_cast<double>(points) * factors * matrix_cell_bytes +
                           static_cast<double>(footprint.runs) * (queued_run_bytes + (resuming ? finished_run_bytes : 0));
  footprint.design_store_bytes = design_bytes_in_store(experiment, points);
  footprint.store_bytes = footprint.design_store_bytes +
                          static_cast<double>(footprint.runs) * run_bytes_in_store(experiment, timeseries_rows_per_run);
  return footprint;
}

std::optional<std::string> footprint_refusal(const Experiment& experiment, const SweepFootprint& footprint,
                                             std::optional<std::uint64_t> memory_available,
                                             std::optional<std::uint64_t> file_bytes_available,
                                             bool keeps_timeseries, double store_bytes_present) {
  const std::string size = std::to_string(footprint.points) + " points x " + std::to_string(experiment.replicates) +
                           " replicate" + (experiment.replicates == 1 ? "" : "s") + " = " + std::to_string(footprint.runs) + " runs";
  const std::string shrink = "lower " + size_key(experiment) + " or replicates in " + experiment.path;
  if (memory_available && footprint.memory_bytes > static_cast<double>(*memory_available))
    return experiment.path + ": the plan of " + size + " (" + std::to_string(experiment.factors.size()) +
           " factors) needs about " + bytes_text(footprint.memory_bytes) + " of memory, but this process has " +
           bytes_text(static_cast<double>(*memory_available)) + " available; " + shrink +
           ", or run on a machine with more memory (--skip-size-check starts anyway)";
  // While the database is created, its design points are written twice (the write-ahead log,
  // then the database), so creation needs the design's bytes once more. A resumed sweep needs
  // only what its database does not hold yet.
  const double needed = store_bytes_present > 0
                            ? std::max(0.0, footprint.store_bytes - store_bytes_present)
                            : footprint.store_bytes + footprint.design_store_bytes;
  if (file_bytes_available && needed > static_cast<double>(*file_bytes_available))
    return experiment.path + ": the results database of " + size + " would grow to about " +
           bytes_text(footprint.store_bytes) + (keeps_timeseries ? " with --timeseries" : "") + " (" +
           bytes_text(needed) + (store_bytes_present > 0 ? " more to finish it" : " while it is created") + "), but only " +
           bytes_text(static_cast<double>(*file_bytes_available)) +
           " may be written there (free space, or the file-size limit of ulimit -f); " + shrink +
           (keeps_timeseries ? ", drop --timeseries" : "") + ", or choose a larger disk with --db (--skip-size-check starts anyway)";
  return std::nullopt;
}

}  // namespace shanzhi::sim::experiments
