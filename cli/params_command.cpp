// `shanzhi params`: lists every scenario key, or prints docs/parameters.md.

#include "cli/commands.hpp"
#include "models/governance/spec/parameter_docs.hpp"
#include "models/governance/spec/parameter_schema.hpp"

#include <iomanip>
#include <iostream>
#include <memory>

namespace shanzhi::cli {

Command add_params_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("params", "List every scenario key with its default, range and unit");
  auto markdown = std::make_shared<bool>(false);
  auto levers_only = std::make_shared<bool>(false);
  cmd->add_flag("--markdown", *markdown, "Print the full reference (docs/parameters.md) as Markdown");
  cmd->add_flag("--levers", *levers_only, "Only the policy levers L1–L21");
  return {cmd, [markdown, levers_only] {
    if (*markdown) {
      std::cout << gov::parameters_markdown();
      return exit_ok;
    }
    for (const auto& e : gov::governance_schema().entries()) {
      const auto& i = e.info;
      if (*levers_only && !i.is_lever()) continue;
      std::cout << std::left << std::setw(46) << i.key << std::setw(14) << sim::format_value(i.default_value)
                << std::setw(22) << i.range_text() << (i.is_lever() ? "[" + i.lever + "] " : "") << i.meaning << "\n";
    }
    return exit_ok;
  }};
}

}  // namespace shanzhi::cli
