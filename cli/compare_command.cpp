// `shanzhi compare BASE POLICY`: paired replicates with common random numbers; prints, for each
// headline metric, baseline, policy and the difference with its 95% interval, and whether the
// number of replicates was enough; writes compare.csv, replicates.csv and compare.json.

#include "cli/commands.hpp"
#include "cli/output_directory.hpp"
#include "cli/run_summary.hpp"
#include "models/governance/comparison.hpp"
#include "models/governance/validation.hpp"
#include "sim/build_info.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/json_writer.hpp"
#include "sim/output/run_outputs.hpp"
#include "sim/parallel.hpp"

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>

namespace shanzhi::cli {
namespace {

struct CompareOptions {
  std::string baseline;
  std::string policy;
  std::size_t replicates = 10;
  std::int64_t seed = 1;
  std::optional<std::int64_t> weeks;
  std::vector<std::string> overrides;  ///< applied to both scenarios
  int threads = 0;
  std::string out;
  bool force = false;
  bool all_metrics = false;
};

void print_table(const gov::Comparison& c, const CompareOptions& o) {
  std::printf("\n  %-30s %10s %10s %26s  %s\n", "metric (mean of last year)", "baseline", "policy",
              "difference [95% CI]", "replicates");
  for (const auto& m : c.metrics) {
    if (!o.all_metrics && !m.metric.headline) continue;
    const auto& d = m.difference;
    auto show = [&](double x) { return display_value(m.metric, x); };
    const std::string interval = show(d.mean) + " [" + show(d.mean - d.half_width) + ", " + show(d.mean + d.half_width) + "]";
    std::printf("  %-30s %10s %10s %26s  %s\n", m.metric.name.c_str(), show(m.baseline_summary.mean).c_str(),
                show(m.policy_summary.mean).c_str(), interval.c_str(), gov::precision_verdict(m).c_str());
  }
}

std::string comparison_csv(const gov::Comparison& c) {
  std::string out;
  sim::append_csv_line(out, {"metric", "unit", "direction", "baseline_mean", "baseline_half_width", "policy_mean",
                             "policy_half_width", "difference", "difference_low", "difference_high", "replicates",
                             "verdict"});
  for (const auto& m : c.metrics) {
    const auto& d = m.difference;
    sim::append_csv_line(out, {m.metric.name, m.metric.unit, std::string(sim::to_string(m.metric.direction)),
                               sim::format_number(m.baseline_summary.mean), sim::format_number(m.baseline_summary.half_width),
                               sim::format_number(m.policy_summary.mean), sim::format_number(m.policy_summary.half_width),
                               sim::format_number(d.mean), sim::format_number(d.mean - d.half_width),
                               sim::format_number(d.mean + d.half_width), std::to_string(d.n), gov::precision_verdict(m)});
  }
  return out;
}

std::string replicates_csv(const gov::Comparison& c) {
  std::string out;
  sim::append_csv_line(out, {"replicate", "seed", "metric", "baseline", "policy", "difference"});
  for (std::size_t r = 0; r < c.replicates; ++r)
    for (const auto& m : c.metrics)
      sim::append_csv_line(out, {std::to_string(r), std::to_string(c.seeds[r]), m.metric.name,
                                 sim::format_number(m.baseline[r]), sim::format_number(m.policy[r]),
                                 sim::format_number(m.policy[r] - m.baseline[r])});
  return out;
}

std::string comparison_json(const CompareOptions& o, const gov::LoadedScenario& base, const gov::LoadedScenario& policy,
                            const gov::Comparison& c, double seconds) {
  sim::JsonWriter json;
  json.begin_object();
  json.key("shanzhi_version").value(std::string(sim::shanzhi_version()));
  json.key("git_commit").value(std::string(sim::shanzhi_git_commit()));
  json.key("command_line").value(invocation());
  json.key("replicates").value(static_cast<std::int64_t>(c.replicates));
  json.key("master_seed").value(std::to_string(o.seed));
  json.key("seeds").begin_array();
  for (auto s : c.seeds) json.value(std::to_string(s));
  json.end_array();
  json.key("statistic").value("mean over the last 52 recorded weeks");
  json.key("wall_seconds").value(seconds);
  for (const auto* scenario : {&base, &policy}) {
    json.key(scenario == &base ? "baseline" : "policy").begin_object();
    json.key("name").value(scenario->document.name);
    json.key("path").value(scenario->document.path);
    json.key("files").begin_array();
    for (const auto& [path, text] : scenario->document.sources) {
      json.begin_object();
      json.key("path").value(path);
      json.key("text").value(text);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_object();
  return json.str();
}

std::vector<std::string> overrides_for(const CompareOptions& o) {
  std::vector<std::string> all = o.overrides;
  if (o.weeks) all.push_back("run.weeks=" + std::to_string(*o.weeks));
  return all;
}

int compare(const CompareOptions& o) {
  gov::LoadedScenario base, policy;
  try {
    base = gov::load_governance_scenario(o.baseline, overrides_for(o));
    policy = gov::load_governance_scenario(o.policy, overrides_for(o));
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return exit_bad_input;
  }
  OutputDirectory out;
  try {
    out = prepare_output_directory(o.out, "compare-" + base.document.name + "-vs-" + policy.document.name, o.seed,
                                   o.force);
  } catch (const OutputRefused& e) {
    std::cerr << "shanzhi compare: " << e.what() << "\n";
    return exit_bad_input;
  }
  sim::set_thread_count(o.threads);
  std::cout << "Comparing " << policy.document.name << " against " << base.document.name << ": " << o.replicates
            << " paired replicates (common random numbers), " << 2 * o.replicates << " runs on "
            << sim::thread_count() << " threads\n";
  const auto start = std::chrono::steady_clock::now();
  const auto result = gov::compare_scenarios(base.parameters, policy.parameters, o.replicates,
                                             static_cast<std::uint64_t>(o.seed));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print_table(result, o);
  try {
    write_result_files(out.path, {{"compare.csv", comparison_csv(result)},
                                  {"replicates.csv", replicates_csv(result)},
                                  {"compare.json", comparison_json(o, base, policy, result, seconds)}});
  } catch (const std::exception& e) {
    std::cerr << "shanzhi compare: " << e.what() << "\n";
    return exit_failure;
  }
  std::cout << "\n  difference = policy − baseline, paired by seed; 'enough' = 95% interval within ±25% of the effect\n"
            << "Ran in " << std::fixed << std::setprecision(1) << seconds << " s. Results in " << out.path.string()
            << "/ (compare.csv, replicates.csv, compare.json)\n";
  return exit_ok;
}

}  // namespace

Command add_compare_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("compare", "Compare a policy scenario with a baseline (paired replicates, 95% CIs)");
  auto o = std::make_shared<CompareOptions>();
  cmd->add_option("baseline", o->baseline, "Baseline scenario, e.g. scenarios/baseline.toml")->required();
  cmd->add_option("policy", o->policy, "Policy scenario, e.g. scenarios/guangling.toml")->required();
  cmd->add_option("--replicates,-r", o->replicates, "Paired replicates (default 10)")->check(CLI::Range(1, 10000));
  cmd->add_option("--seed", o->seed, "Master seed; replicate seeds derive from it (default 1)")
      ->check(CLI::Range(static_cast<std::int64_t>(0), static_cast<std::int64_t>(4'000'000'000'000'000'000)));
  cmd->add_option("--weeks", o->weeks, "Weeks after burn-in for both scenarios (overrides run.weeks)");
  cmd->add_option("--set", o->overrides, "Override a key in BOTH scenarios, e.g. --set district.streets=2")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  cmd->add_option("--threads", o->threads, "Threads (default: all cores); results are identical")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--out", o->out, "Output directory (default: results/runs/compare-BASE-vs-POLICY-...)");
  cmd->add_flag("--force", o->force, "Overwrite results already in --out");
  cmd->add_flag("--all", o->all_metrics, "Print every metric, not only the headline ones");
  return {cmd, [o] { return compare(*o); }};
}

}  // namespace shanzhi::cli
