#pragma once
// The governance model in a paired comparison (sim/experiments/paired_comparison.hpp): which
// metrics are compared, how one replicate of every arm is run, and the cost-effectiveness of a
// policy in the model's own terms.

#include "models/governance/spec/parameters.hpp"
#include "sim/experiments/cost_effectiveness.hpp"
#include "sim/experiments/paired_comparison.hpp"

#include <cstdint>
#include <vector>

namespace shanzhi::gov {

using sim::experiments::Comparison;
using sim::experiments::MetricComparison;
using sim::experiments::RunSeries;

/// The metrics compared: the model's declared metrics, then the derived ones (comparison.cpp),
/// in the column order of every RunSeries the model produces.
std::vector<sim::MetricInfo> compared_metrics();

/// Runs each of `arms` (element 0 the baseline) with `seed` and returns their series.
std::vector<RunSeries> run_arms(const std::vector<GovernanceParameters>& arms, std::uint64_t seed);

/// Runs `replicates` paired replicates (seeds derived from `master_seed`) of both scenarios,
/// spreading runs over threads; results do not depend on the thread count.
Comparison compare_scenarios(const GovernanceParameters& baseline, const GovernanceParameters& policy,
                             std::size_t replicates, std::uint64_t master_seed);

/// The same for several policies against one baseline: the baseline runs once per replicate and
/// is shared, so each result equals compare_scenarios(baseline, policies[i], ...) exactly.
/// `on_done` hears of each finished replicate (for a progress line).
std::vector<Comparison> compare_scenarios(const GovernanceParameters& baseline,
                                          const std::vector<GovernanceParameters>& policies, std::size_t replicates,
                                          std::uint64_t master_seed,
                                          const sim::experiments::ReplicateDone& on_done = {});

/// The spending cost-effectiveness is measured against: the full public cost (every funding
/// instrument, the workforce's pay, awards, training and licensing, and the reforms' running
/// costs; docs/model.md, Public cost), not only the instruments' budget_spent_year.
inline constexpr const char* cost_effectiveness_spending_metric = "public_cost_spent_year";

/// Mean satisfaction against the full public cost a year: per ¥1m and per ¥100 a resident, read
/// by quadrant (a saving is satisfaction lost per ¥ saved, never a gain).
sim::experiments::CostEffectiveness cost_effectiveness(const Comparison& comparison);

}  // namespace shanzhi::gov
