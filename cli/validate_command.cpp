// `shanzhi validate FILE...`: checks scenario files without running them.

#include "cli/commands.hpp"
#include "models/governance/spec/validation.hpp"

#include <iostream>
#include <memory>

namespace shanzhi::cli {

Command add_validate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("validate", "Check scenario files: syntax, keys, types, ranges and combinations");
  auto files = std::make_shared<std::vector<std::string>>();
  auto overrides = std::make_shared<std::vector<std::string>>();
  cmd->add_option("files", *files, "Scenario files (TOML)")->required();
  cmd->add_option("--set", *overrides, "Also check an override key=value (repeatable)")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);  // one KEY=VALUE per --set, so `--set k=v FILE` keeps FILE
  return {cmd, [files, overrides] {
    int status = exit_ok;
    for (const auto& file : *files) {
      try {
        const auto loaded = gov::load_governance_scenario(file, *overrides);
        for (const auto& w : loaded.document.warnings) std::cerr << w.format() << "\n";
        std::cout << file << ": ok (" << loaded.document.values.size() << " keys set, scenario '"
                  << loaded.document.name << "')\n";
      } catch (const sim::ScenarioError& e) {
        std::cerr << e.what() << "\n";
        status = exit_bad_input;
      }
    }
    return status;
  }};
}

}  // namespace shanzhi::cli
