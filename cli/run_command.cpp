// `shanzhi run SCENARIO`: one simulation, a short summary on the terminal, and timeseries.csv,
// outcomes.csv and manifest.json in the output directory.

#include "cli/commands.hpp"
#include "cli/output_directory.hpp"
#include "cli/run_summary.hpp"
#include "models/governance/model.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/output/run_outputs.hpp"
#include "sim/parallel.hpp"

#include <chrono>
#include <iostream>
#include <memory>

namespace shanzhi::cli {
namespace {

struct RunOptions {
  std::string scenario;
  std::vector<std::string> overrides;
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> weeks;
  std::optional<std::int64_t> burn_in;
  int threads = 0;
  std::string out;
  bool force = false;
  bool quiet = false;
  bool profile = false;
  std::string command_line;
};

/// --seed/--weeks/--burn-in are shorthands for --set run.KEY=N, validated the same way.
std::vector<std::string> all_overrides(const RunOptions& o) {
  std::vector<std::string> all = o.overrides;
  if (o.seed) all.push_back("run.seed=" + std::to_string(*o.seed));
  if (o.weeks) all.push_back("run.weeks=" + std::to_string(*o.weeks));
  if (o.burn_in) all.push_back("run.burn_in_weeks=" + std::to_string(*o.burn_in));
  return all;
}

sim::RunManifest make_manifest(const RunOptions& o, const gov::LoadedScenario& loaded, const gov::GovernanceModel& model,
                               double seconds, const std::string& started_at) {
  sim::RunManifest m;
  m.scenario_name = loaded.document.name;
  m.scenario_path = o.scenario;
  m.scenario_files = loaded.document.sources;
  for (const auto& [key, value] : sim::resolved_listing(loaded.document, gov::governance_schema(), loaded.parameters))
    m.parameters.push_back({key, value.first, value.second});
  m.overrides = all_overrides(o);
  m.seed = static_cast<std::uint64_t>(loaded.parameters.run.seed);
  m.weeks = model.horizon_weeks();
  m.burn_in_weeks = model.burn_in_weeks();
  m.threads = sim::thread_count();
  m.wall_seconds = seconds;
  m.started_at = started_at;
  m.command_line = o.command_line;
  return m;
}

int run(const RunOptions& o) {
  gov::LoadedScenario loaded;
  try {
    loaded = gov::load_governance_scenario(o.scenario, all_overrides(o));
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return exit_bad_input;
  }
  for (const auto& w : loaded.document.warnings) std::cerr << w.format() << "\n";

  OutputDirectory out;
  try {
    out = prepare_output_directory(o.out, loaded.document.name, loaded.parameters.run.seed, o.force);
  } catch (const OutputRefused& e) {
    std::cerr << "shanzhi run: " << e.what() << "\n";
    return exit_bad_input;
  }

  sim::set_thread_count(o.threads);
  const std::string started_at = utc_timestamp_iso8601();
  const auto start = std::chrono::steady_clock::now();
  gov::GovernanceModel model(loaded.parameters);
  model.run_to_end();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  try {
    write_result_files(out.writing(),
                       {{"timeseries.csv", sim::timeseries_csv(model.recorder())},
                        {"outcomes.csv", sim::outcomes_csv(model.recorder())},
                        {"breakdowns.csv", sim::breakdowns_csv(model.breakdowns())},
                        {"manifest.json", sim::manifest_json(make_manifest(o, loaded, model, seconds, started_at))}});
    publish(out);
  } catch (const std::exception& e) {
    std::cerr << "shanzhi run: " << e.what() << "\n";
    return exit_failure;
  }
  if (out.is_default)
    if (const auto warning = point_latest_link(out.path); !warning.empty()) std::cerr << "shanzhi run: " << warning << "\n";
  if (!o.quiet) print_run_summary(std::cout, loaded.document.name, model, seconds, out.path);
  if (o.profile) print_phase_profile(std::cout, model.schedule(), seconds);
  return exit_ok;
}

}  // namespace

Command add_run_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "Run one simulation of a scenario and write its results");
  auto o = std::make_shared<RunOptions>();
  cmd->add_option("scenario", o->scenario, "Scenario file (TOML), e.g. scenarios/guangling.toml")->required();
  cmd->add_option("--seed", o->seed, "Random seed (overrides run.seed); same seed, same results");
  cmd->add_option("--weeks", o->weeks, "Weeks to simulate after burn-in (overrides run.weeks)");
  cmd->add_option("--burn-in", o->burn_in, "Burn-in weeks with levers at pre-reform values (overrides run.burn_in_weeks)");
  cmd->add_option("--threads", o->threads, "Threads for parallel loops (default: all cores); results are identical")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--out", o->out, "Output directory (default: results/runs/NAME-seedN-TIME)");
  cmd->add_option("--set", o->overrides, "Override a scenario key, e.g. --set purchase.budget_per_community_yuan=300000")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);  // one KEY=VALUE per --set, so `--set k=v SCENARIO` keeps SCENARIO
  cmd->add_flag("--force", o->force, "Overwrite results already in --out");
  cmd->add_flag("--quiet", o->quiet, "Print nothing on success");
  cmd->add_flag("--profile", o->profile, "Also print the wall time of each model phase");
  return {cmd, [o] {
            o->command_line = invocation();
            return run(*o);
          }};
}

}  // namespace shanzhi::cli
