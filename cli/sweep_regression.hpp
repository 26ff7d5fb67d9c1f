#pragma once
// `shanzhi analyze DB --regression`: the regression summary of each outcome of a sweep
// (standardised regression coefficients with 95% intervals and R², sim/experiments/
// regression_summary.*), printed and written to NAME-regression.csv.

#include "sim/experiments/results_store.hpp"

#include <string>
#include <vector>

namespace shanzhi::cli {

/// `point_means[k][p]`: outcome k's mean at point p (NaN without a successful run). Returns the
/// CSV text (output, factor, src, low, high, r_squared, points); outcomes that cannot be fitted
/// are said on stderr and left out.
std::string regression_summaries(const sim::experiments::StoredResults& results,
                                 const std::vector<std::vector<double>>& point_means);

}  // namespace shanzhi::cli
