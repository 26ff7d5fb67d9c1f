#pragma once
// `shanzhi compare ... --assumptions FILE|default`: the comparison repeated at Latin-hypercube
// draws of the model's assumed numbers (sim/experiments/assumption_comparison.hpp), and with
// --why the assumptions that drive the effect (Morris on the effect). This file holds the options,
// the checks made before anything runs, the runs with their progress line, and the printed
// summary; assumption_outputs.* writes the files.

#include "models/governance/experiments/assumptions.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shanzhi::cli {

struct AssumptionOptions {
  std::string source;  ///< a factor file, or "default"; empty: no assumption draws
  std::size_t draws = 64;
  std::size_t replicates_per_draw = 3;
  std::string district = "small";  ///< small | scenario
  bool why = false;
  std::size_t why_trajectories = 10;
  bool enabled() const { return !source.empty(); }
};

/// Registers --assumptions, --draws, --draw-replicates, --assumption-district, --why and
/// --why-trajectories on `compare`; the others need --assumptions.
void add_assumption_options(CLI::App& compare, AssumptionOptions& options);

/// What is varied, and where the draws run.
struct AssumptionSetup {
  std::vector<sim::experiments::Factor> factors;
  std::string source;  ///< "default" or the factor file's path
  gov::AssumptionDistrict district = gov::AssumptionDistrict::small;
};

/// Reads the factors and checks them against the schema and the scenarios, before anything
/// runs. Prints every problem on stderr (file:line:column) and returns nullopt for exit code 2.
std::optional<AssumptionSetup> prepare_assumptions(const AssumptionOptions& options, const gov::LoadedScenario& base,
                                                   const std::vector<gov::LoadedScenario>& policies);

/// Everything the draws (and --why) found.
struct AssumptionResults {
  AssumptionSetup setup;
  sim::experiments::AssumptionComparison draws;
  /// The effect at the scenarios' own values (the seed interval's mean), [policy][metric]: the
  /// sign P(sign) refers to and the ranking the draws are checked against.
  std::vector<std::vector<double>> shown_effects;
  std::vector<sim::experiments::RankingAgreement> rankings;  ///< headline metrics; with several policies
  std::optional<sim::experiments::EffectDrivers> drivers;    ///< with --why
  sim::experiments::DriverPlan driver_plan;
  double seconds = 0;
};

/// Runs the draws (and the Morris design with --why), with a progress line on stderr.
AssumptionResults run_assumptions(const AssumptionOptions& options, AssumptionSetup setup,
                                  const gov::LoadedScenario& base, const std::vector<gov::LoadedScenario>& policies,
                                  const std::vector<gov::Comparison>& comparisons, std::uint64_t master_seed);

/// The printed summary: per policy the seed interval, both bands and P(sign) of each headline
/// metric (every metric with `all_metrics`), the ranking with several policies, the top drivers.
void print_assumptions(const AssumptionResults& results, const std::vector<gov::Comparison>& comparisons,
                       const std::vector<std::string>& policy_names, const std::string& baseline_name, bool all_metrics);

/// One line on where the draws ran, e.g. "the small district (2 streets × ...)".
std::string district_text(gov::AssumptionDistrict district);

/// True when drivers were asked for but could not be computed (a Morris point failed).
bool drivers_failed(const AssumptionResults& results);

}  // namespace shanzhi::cli
