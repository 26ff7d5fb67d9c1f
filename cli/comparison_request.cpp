#include "cli/comparison_request.hpp"

#include "cli/progress.hpp"
#include "models/governance/spec/composed_policy.hpp"
#include "sim/parallel.hpp"

#include <chrono>
#include <iostream>

#include <unistd.h>

namespace shanzhi::cli {
namespace {

std::vector<std::string> overrides_for(const ComparisonRequest& r) {
  std::vector<std::string> all = r.overrides;
  if (r.weeks) all.push_back("run.weeks=" + std::to_string(*r.weeks));
  return all;
}

/// One policy argument: a scenario file, or several joined with '+' (their changes to the
/// baseline together).
gov::LoadedScenario load_policy(const std::string& argument, const gov::LoadedScenario& base,
                                const ComparisonRequest& r) {
  const auto parts = gov::policy_parts(argument);
  if (parts.size() == 1) return gov::load_governance_scenario(argument, overrides_for(r));
  return gov::compose_policy(base, parts, overrides_for(r));
}

/// The policies to compare: each argument, or the baseline itself when only --with is given;
/// --with's values on each. Throws sim::ScenarioError.
std::vector<gov::LoadedScenario> load_policies(const gov::LoadedScenario& base, const ComparisonRequest& r) {
  std::vector<gov::LoadedScenario> policies;
  for (const auto& argument : r.policies) policies.push_back(load_policy(argument, base, r));
  if (r.with.empty()) return policies;
  if (policies.empty()) policies.push_back(base);
  for (auto& policy : policies) policy = gov::with_changes(policy, r.with);
  return policies;
}

/// A policy on another district than the baseline's is allowed (a planner may mean it) but said.
void warn_if_other_district(const gov::LoadedScenario& base, const gov::LoadedScenario& policy,
                            const std::string& command) {
  const auto differences = gov::district_differences(base, policy);
  if (differences.empty()) return;
  std::cerr << command << ": warning: " << policy.document.name << " simulates another district than "
            << base.document.name << " (";
  for (std::size_t i = 0; i < differences.size() && i < 4; ++i) std::cerr << (i ? ", " : "") << differences[i];
  if (differences.size() > 4) std::cerr << ", and " << differences.size() - 4 << " more";
  std::cerr << "): the difference mixes the policy with the district. To compare the policy alone, build it on "
               "the baseline's district (extends = the baseline's file) or give both the same values with --set\n";
}

}  // namespace

void add_comparison_options(CLI::App& cmd, ComparisonRequest& r) {
  cmd.add_option("baseline", r.baseline, "Baseline scenario, e.g. scenarios/baseline.toml")->required();
  cmd.add_option("policy", r.policies,
                 "Policy scenario(s), e.g. scenarios/guangling.toml, or shipped policies joined with '+' "
                 "(their changes to the baseline together); with several, the baseline runs once per "
                 "replicate and each policy's results go to OUT/NAME/");
  cmd.add_option("--replicates,-r", r.replicates, "Paired replicates (default 10)")->check(CLI::Range(1, 10000));
  cmd.add_option("--seed", r.seed, "Master seed; replicate seeds derive from it (default 1)")
      ->check(CLI::Range(static_cast<std::int64_t>(0), static_cast<std::int64_t>(4'000'000'000'000'000'000)));
  cmd.add_option("--weeks", r.weeks, "Weeks after burn-in for both scenarios (overrides run.weeks)");
  cmd.add_option("--set", r.overrides, "Override a key in BOTH scenarios, e.g. --set district.streets=2")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  cmd.add_option("--with", r.with,
                 "Change a key in the policy (the baseline when no policy is named): a policy written on the "
                 "command line, e.g. --with purchase.budget_per_community_yuan=300000 (repeatable)")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  cmd.add_option("--threads", r.threads, "Threads (default: all cores); results are identical")
      ->check(CLI::Range(0, 1024));
  add_assumption_options(cmd, r.assumptions);
}

std::optional<LoadedComparison> load_comparison(const ComparisonRequest& r, const std::string& command) {
  if (r.policies.empty() && r.with.empty()) {
    std::cerr << command
              << ": name a policy scenario (POLICY, P1+P2 to combine shipped policies) or the changes "
                 "to compare with --with KEY=VALUE\n";
    return std::nullopt;
  }
  LoadedComparison loaded;
  try {
    loaded.base = gov::load_governance_scenario(r.baseline, overrides_for(r));
    loaded.policies = load_policies(loaded.base, r);
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return std::nullopt;
  }
  for (const auto& policy : loaded.policies) {
    for (const auto& w : policy.document.warnings) std::cerr << w.format() << "\n";
    warn_if_other_district(loaded.base, policy, command);
  }
  // Factors are checked before anything runs or any folder is made.
  if (r.assumptions.enabled()) {
    loaded.assumption_setup = prepare_assumptions(r.assumptions, loaded.base, loaded.policies);
    if (!loaded.assumption_setup) return std::nullopt;
  }
  return loaded;
}

ComparisonResults run_comparison(const ComparisonRequest& r, LoadedComparison& loaded) {
  const auto& policies = loaded.policies;
  sim::set_thread_count(r.threads);
  const std::size_t runs = (1 + policies.size()) * r.replicates;
  const std::string what = policies.size() > 1 ? std::to_string(policies.size()) + " policies" : policies.front().document.name;
  std::cout << "Comparing " << what << " against " << loaded.base.document.name << ": " << r.replicates
            << " paired replicates (common random numbers), " << runs << " runs on " << sim::thread_count()
            << " threads\n" << std::flush;
  const auto start = std::chrono::steady_clock::now();
  std::vector<gov::GovernanceParameters> policy_parameters;
  for (const auto& p : policies) policy_parameters.push_back(p.parameters);
  Progress progress(std::cerr, runs, ::isatty(STDERR_FILENO) != 0);
  ComparisonResults results;
  results.comparisons = gov::compare_scenarios(
      loaded.base.parameters, policy_parameters, r.replicates, static_cast<std::uint64_t>(r.seed),
      [&](std::size_t replicates_done) { progress.update(replicates_done * (1 + policies.size())); });
  progress.finish();
  results.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& c : results.comparisons) results.cost_effectiveness.push_back(gov::cost_effectiveness(c));
  if (loaded.assumption_setup)
    results.assumptions = run_assumptions(r.assumptions, std::move(*loaded.assumption_setup), loaded.base, policies,
                                          results.comparisons, static_cast<std::uint64_t>(r.seed));
  return results;
}

std::string comparison_label(const LoadedComparison& loaded) {
  const auto& policies = loaded.policies;
  const std::string policy = policies.size() > 1 ? std::to_string(policies.size()) + "-policies" : policies.front().document.name;
  return loaded.base.document.name + "-vs-" + policy;
}

std::int64_t community_count(const gov::LoadedScenario& scenario) {
  return scenario.parameters.district.streets * scenario.parameters.district.communities_per_street;
}

}  // namespace shanzhi::cli
