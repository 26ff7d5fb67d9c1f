#pragma once
// `shanzhi export DB --hdf5 FILE`: a sweep's results as HDF5 (Debian's libhdf5), column by
// column, for researchers whose sweeps are too large for CSV. h5py, pandas, R's rhdf5 and
// MATLAB read it. Layout (every dataset one value per finished run, in point/replicate order):
//
//   /                      attributes: experiment, shanzhi_version, git_commit, design,
//                          replicates, master_seed, layout_version
//   /runs/point            uint64      /runs/replicate   uint64
//   /runs/seed             uint64      /runs/ok          uint8 (1 ok, 0 failed)
//   /factors/KEY           float64 (numbers, switches as 0/1) or UTF-8 strings (choices)
//   /outcomes/METRIC/STATISTIC   float64, NaN for a failed run
//
// The file is written to a temporary name and renamed into place: whole or not at all.

#include "sim/experiments/results_store.hpp"

#include <filesystem>

namespace shanzhi::cli {

/// Writes `results` to `file`. Throws std::runtime_error naming the file when HDF5 cannot
/// write it.
void write_hdf5(const sim::experiments::StoredResults& results, const std::filesystem::path& file);

}  // namespace shanzhi::cli
