#pragma once
// The files of `compare --assumptions`, in the compare output directory (all of them carry a
// `policy` column, so one layout serves one policy and several):
//   assumptions.csv        per policy and metric: the effect with its seed interval, the median,
//                          10/90% and 2.5/97.5% quantiles across draws, P(sign), draws, replicates
//   assumption_draws.csv   per draw and policy: status, the sampled values, every metric's effect
//   assumption_bands.csv   per policy, recorded week and metric: the same quantiles week by week
//   ranking.csv            with several policies: per headline metric, the order and how often it holds
//   drivers.csv            with --why: per policy, metric and assumption, Morris μ*, μ, σ and rank
// and the `assumptions` member of each policy's compare.json.

#include "cli/compare_assumptions.hpp"
#include "sim/output/json_writer.hpp"

#include <string>
#include <utility>
#include <vector>

namespace shanzhi::cli {

/// (file name, content) of every assumption file, for write_result_files.
std::vector<std::pair<std::string, std::string>> assumption_files(const AssumptionResults& results,
                                                                  const std::vector<gov::Comparison>& comparisons,
                                                                  const std::vector<std::string>& policy_names);

/// Writes the `assumptions` member (key and object) of policy `policy`'s compare.json.
void assumptions_json(sim::JsonWriter& json, const AssumptionResults& results, std::size_t policy,
                      const gov::Comparison& comparison, const std::vector<std::string>& policy_names);

}  // namespace shanzhi::cli
