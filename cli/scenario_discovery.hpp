#pragma once
// `shanzhi analyze DB --prim OUTCOME --below|--above T`: scenario discovery on a sweep. The cases
// of interest are the design points whose mean over replicates of OUTCOME falls below (or rises
// above) T; PRIM (sim/experiments/prim.*) finds the box of factor ranges that holds them. Prints
// the chosen box, writes the peeling trajectory (NAME-prim.csv) and its coverage–density
// trade-off (NAME-prim.png); with --tree also the rules of a classification tree (NAME-tree.csv).

#include "sim/experiments/results_store.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace shanzhi::cli {

struct PrimRequest {
  std::string outcome;  ///< an outcome label, e.g. "satisfaction_mean/mean_last_year"
  std::optional<double> below;
  std::optional<double> above;
  double min_density = 0.8;  ///< the box read first: the largest coverage with at least this density
  bool tree = false;         ///< also a CART-style tree of the same cases (NAME-tree.csv)
  bool enabled() const { return !outcome.empty(); }
};

/// Why `request` cannot be run on `results`, or empty (checked before any work: exit 2).
std::string prim_request_problem(const PrimRequest& request, const sim::experiments::StoredResults& results);

/// Runs PRIM on the per-point means (`point_means[p]`, NaN for a point with no successful run,
/// left out), prints the box and writes STEM-prim.csv and STEM-prim.png into `folder`.
void discover_scenarios(const PrimRequest& request, const sim::experiments::StoredResults& results,
                        const std::vector<double>& point_means, const std::filesystem::path& folder,
                        const std::string& stem);

}  // namespace shanzhi::cli
