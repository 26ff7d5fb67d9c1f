#pragma once
// The `shanzhi` subcommands. Each registers its options on a CLI11 app and returns the process
// exit code when run: 0 success, 1 a run failed, 2 bad input (scenario, options, or an output
// that would overwrite existing results).

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace shanzhi::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_bad_input = 2;

/// A registered subcommand and what to do when the user chose it.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> action;
};

/// The command line as typed, for run manifests.
void remember_invocation(int argc, char** argv);
const std::string& invocation();

Command add_run_command(CLI::App& app);
Command add_compare_command(CLI::App& app);
Command add_brief_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_params_command(CLI::App& app);
Command add_sample_command(CLI::App& app);
Command add_sweep_command(CLI::App& app);
Command add_export_command(CLI::App& app);
Command add_analyze_command(CLI::App& app);
Command add_plot_command(CLI::App& app);
Command add_merge_command(CLI::App& app);
Command add_bench_command(CLI::App& app);
Command add_optimize_command(CLI::App& app);
Command add_calibrate_command(CLI::App& app);

}  // namespace shanzhi::cli
