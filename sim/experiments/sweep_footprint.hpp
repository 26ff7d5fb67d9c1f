#pragma once
// What a sweep will need before it starts: memory for its plan and the size of its results
// database when every run is stored. A design of 10 million points is legal, but on a laptop its
// plan or store may not fit; the sweep refuses it up front with the estimate and the keys to
// change, instead of aborting with bad_alloc or a full disk after hours of runs.

#include "sim/experiments/experiment.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace shanzhi::sim::experiments {

struct SweepFootprint {
  std::size_t points = 0;
  std::size_t runs = 0;
  /// Peak bytes of the sweep's own bookkeeping: the design matrix and the scratch of building
  /// it, the queue of missing runs and the set of finished ones. Excludes the model runs
  /// themselves (one scenario's memory per thread; see `shanzhi run`).
  double memory_bytes = 0;
  /// Bytes of the results database once every run is stored (points, runs, outcomes, and time
  /// series when kept), from measured bytes per SQLite row.
  double store_bytes = 0;
  /// The part of store_bytes that holds the design points (written when the database is made).
  double design_store_bytes = 0;
};

/// What a sweep of `experiment` over `points` design points needs. `timeseries_rows_per_run`
/// is 0 unless the sweep keeps time series (metrics × recorded weeks); `resuming` when its
/// database exists (the finished runs are then read into memory).
SweepFootprint estimate_sweep_footprint(const Experiment& experiment, std::size_t points,
                                        double timeseries_rows_per_run, bool resuming);

/// Why the sweep cannot fit, naming the estimate, what is available and the keys that shrink
/// it; nullopt when it fits (or when what is available is unknown). `store_bytes_present` is
/// the size of the database being resumed (0 for a new one): only the rest must fit.
std::optional<std::string> footprint_refusal(const Experiment& experiment, const SweepFootprint& footprint,
                                             std::optional<std::uint64_t> memory_available,
                                             std::optional<std::uint64_t> file_bytes_available,
                                             bool keeps_timeseries, double store_bytes_present);

}  // namespace shanzhi::sim::experiments
