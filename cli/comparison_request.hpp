#pragma once
// What `compare` and `brief` share: the scenarios and policies named on the command line (files,
// P1+P2 compositions, --with changes), how many paired replicates to run, and the optional
// assumption draws; then loading and checking all of it, and running the paired comparison with
// its progress line. Each command adds its own outputs (compare's CSVs, brief's HTML).

#include "cli/compare_assumptions.hpp"
#include "models/governance/experiments/comparison.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/experiments/cost_effectiveness.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shanzhi::cli {

struct ComparisonRequest {
  std::string baseline;
  std::vector<std::string> policies;  ///< one or more, each compared with the baseline
  std::size_t replicates = 10;
  std::int64_t seed = 1;
  std::optional<std::int64_t> weeks;
  std::vector<std::string> overrides;  ///< applied to both scenarios
  std::vector<std::string> with;       ///< KEY=VALUE applied to the policy (the baseline when none is named)
  int threads = 0;
  AssumptionOptions assumptions;
};

/// Registers BASE, POLICY..., -r, --seed, --weeks, --set, --with, --threads and the assumption
/// options on `command`.
void add_comparison_options(CLI::App& command, ComparisonRequest& request);

/// The scenarios, checked, and the assumption factors when asked for.
struct LoadedComparison {
  gov::LoadedScenario base;
  std::vector<gov::LoadedScenario> policies;
  std::optional<AssumptionSetup> assumption_setup;
};

/// Loads and checks everything before anything runs. Prints errors (file:line:column) and
/// warnings on stderr with `command` as their prefix; nullopt means exit code 2.
std::optional<LoadedComparison> load_comparison(const ComparisonRequest& request, const std::string& command);

/// What the runs found.
struct ComparisonResults {
  std::vector<gov::Comparison> comparisons;                      ///< one per policy
  std::vector<sim::experiments::CostEffectiveness> cost_effectiveness;  ///< one per policy
  std::optional<AssumptionResults> assumptions;
  double seconds = 0;  ///< the paired replicates' wall time (without the assumption draws)
};

/// Runs the paired replicates (and the assumption draws), saying what runs and how far it is.
/// Throws what the assumption draws throw.
ComparisonResults run_comparison(const ComparisonRequest& request, LoadedComparison& loaded);

/// "guangling-vs-purchase" or "guangling-vs-3-policies", for default output folders.
std::string comparison_label(const LoadedComparison& loaded);

/// The district's number of communities (streets × communities per street).
std::int64_t community_count(const gov::LoadedScenario& scenario);

}  // namespace shanzhi::cli
