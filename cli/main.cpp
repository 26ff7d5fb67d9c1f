// shanzhi: the command-line front end of the Shanzhi community-governance simulator.

#include "cli/commands.hpp"
#include "sim/build_info.hpp"

#include <iostream>
#include <string>

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
      cli::add_validate_command(app),
      cli::add_params_command(app),
  };

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
  for (const auto& command : commands)
    if (command.app->parsed()) return command.action();
  return cli::exit_bad_input;
}
