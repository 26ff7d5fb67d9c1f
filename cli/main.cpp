// shanzhi: the command-line front end of the Shanzhi community-governance simulator.

#include "cli/commands.hpp"
#include "sim/build_info.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/file_text.hpp"

#include <iostream>
#include <new>
#include <string>

namespace {

/// CLI11 answers a mistyped command with "A subcommand is required"; say what was wrong instead.
int reject_unknown_command(int argc, char** argv, const std::vector<shanzhi::cli::Command>& commands) {
  if (argc < 2 || argv[1][0] == '-') return 0;
  std::vector<std::string> names;
  for (const auto& command : commands) {
    if (command.app->get_name() == argv[1]) return 0;
    names.push_back(command.app->get_name());
  }
  std::cerr << "shanzhi: unknown command '" << shanzhi::sim::detail::printable(argv[1]) << "'";
  if (const auto guess = shanzhi::sim::nearest_key(argv[1], names); !guess.empty())
    std::cerr << "; did you mean '" << guess << "'?";
  std::cerr << " (commands:";
  for (const auto& name : names) std::cerr << " " << name;
  std::cerr << "; see shanzhi --help)\n";
  return shanzhi::cli::exit_bad_input;
}

/// CLI11 takes an empty value (`--weeks ''`) as no value and goes on with the default; refuse it.
int reject_empty_arguments(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    const bool empty_after_equals = argument.rfind("--", 0) == 0 && argument.back() == '=';
    if (!argument.empty() && !empty_after_equals) continue;
    std::cerr << "shanzhi: an empty argument";
    if (empty_after_equals) std::cerr << " in '" << argument << "'";
    else if (i > 1) std::cerr << " after '" << argv[i - 1] << "'";
    std::cerr << ": give a value (see shanzhi --help)\n";
    return shanzhi::cli::exit_bad_input;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace shanzhi;
  cli::remember_invocation(argc, argv);
  CLI::App app{"Shanzhi (善治): agent-based simulator of community governance.\n"
               "Residents, social organisations, enterprises and government interact week by week; see how\n"
               "purchase of services and burden-reduction policies change resident satisfaction.",
               "shanzhi"};
  app.set_version_flag("--version", std::string("shanzhi ") + std::string(sim::shanzhi_version()) + " (" +
                                        std::string(sim::shanzhi_git_commit()) + ")");
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 run failed, 2 bad input (scenario, options, or existing results).\n"
             "Run `shanzhi COMMAND --help` for each command's options.");

  const std::vector<cli::Command> commands{
      cli::add_run_command(app),
      cli::add_compare_command(app),
      cli::add_brief_command(app),
      cli::add_validate_command(app),
      cli::add_params_command(app),
      cli::add_sample_command(app),
      cli::add_sweep_command(app),
      cli::add_export_command(app),
      cli::add_analyze_command(app),
      cli::add_plot_command(app),
      cli::add_merge_command(app),
      cli::add_bench_command(app),
      cli::add_optimize_command(app),
      cli::add_calibrate_command(app),
  };

  if (const int status = reject_unknown_command(argc, argv, commands); status != 0) return status;
  if (const int status = reject_empty_arguments(argc, argv); status != 0) return status;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return cli::exit_bad_input;
  }
  // A command reports the faults it expects itself; anything that still escapes is said plainly and
  // ends with exit 1, never with an abort and a core dump.
  try {
    for (const auto& command : commands)
      if (command.app->parsed()) return command.action();
  } catch (const std::bad_alloc&) {
    std::cerr << "shanzhi: out of memory (the run, design or file is larger than this machine holds)\n";
    return cli::exit_failure;
  } catch (const std::exception& e) {
    std::cerr << "shanzhi: " << e.what() << "\n";
    return cli::exit_failure;
  }
  return cli::exit_bad_input;
}
