// `shanzhi merge OUT.db IN1.db IN2.db ...`: combines results databases of one experiment (the
// shards of a job array, sweeps run on different machines) into one, refusing databases of
// different experiments.

#include "cli/commands.hpp"
#include "sim/experiments/results_merge.hpp"

#include <iostream>
#include <memory>

namespace shanzhi::cli {
namespace {

namespace ex = sim::experiments;

struct MergeOptions {
  std::string output;
  std::vector<std::string> inputs;
};

void print_report(const ex::MergeReport& report, const std::string& output) {
  for (const auto& input : report.inputs)
    std::cout << "  " << input.path.string() << ": " << input.runs << " runs, " << input.added << " added\n";
  const auto& first = report.inputs.front();
  std::cout << "Merged " << report.inputs.size() << " databases of experiment " << first.experiment << " (hash "
            << first.hash << ") into " << output << ": " << report.total_runs << " of " << report.planned_runs
            << " runs\n";
  if (report.total_runs < report.planned_runs)
    std::cout << report.planned_runs - report.total_runs
              << " runs are missing; finish them with: shanzhi sweep EXPERIMENT --db " << output << "\n";
  if (report.commits_differ)
    std::cerr << "shanzhi merge: warning: the databases were made by different builds of Shanzhi; if the model "
                 "changed between them, their runs differ\n";
}

int merge(const MergeOptions& o) {
  std::vector<std::filesystem::path> inputs(o.inputs.begin(), o.inputs.end());
  try {
    print_report(ex::merge_results(o.output, inputs), o.output);
  } catch (const ex::StoreRefused& e) {
    std::cerr << "shanzhi merge: " << e.what() << "\nNothing was written.\n";
    return exit_bad_input;
  } catch (const ex::StoreError& e) {
    std::cerr << "shanzhi merge: " << e.what() << "\n" << o.output << " was not changed.\n";
    return exit_failure;
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "shanzhi merge: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace

Command add_merge_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("merge", "Combine results databases of one experiment (e.g. sweep shards) into one");
  auto o = std::make_shared<MergeOptions>();
  cmd->add_option("output", o->output, "Merged database to write (if it exists, its runs are kept)")->required();
  cmd->add_option("inputs", o->inputs, "Databases to merge, e.g. the shards of `sweep --shard I/N`")->required();
  cmd->footer(
      "Every database must hold the same experiment (the hash of its canonical text must agree);\n"
      "otherwise nothing is written. A run found in several inputs is kept once. The output is built\n"
      "in a temporary file and renamed into place when complete. Do not merge into a database that a\n"
      "sweep is writing at the same time.\n"
      "Exit codes: 0 merged, 1 a file could not be read or written, 2 bad input (missing file, not a\n"
      "results database, or different experiments).");
  return {cmd, [o] { return merge(*o); }};
}

}  // namespace shanzhi::cli
