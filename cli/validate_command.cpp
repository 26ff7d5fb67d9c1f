// `shanzhi validate FILE...`: checks input files without running them. The kind of each file is
// read from its tables: [experiment] (sweep), [optimization] (optimize), [calibration]
// (calibrate), [lesson] (a lesson of shanzhi-viz), only [[factor]] tables (a factor file of
// `sample --params` and `compare --assumptions`), else a scenario.

#include "cli/commands.hpp"
#include "models/governance/experiments/experiment_runner.hpp"
#include "models/governance/lessons/lesson_file.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/experiments/factors.hpp"
#include "sim/optimization/planning_file.hpp"
#include "sim/scenario/file_text.hpp"

#include <toml++/toml.h>

#include <iostream>
#include <memory>

namespace shanzhi::cli {
namespace {

enum class FileKind { scenario, experiment, optimization, calibration, lesson, factors };

/// The kind of input file, from its top-level tables; a scenario when it cannot tell (the
/// scenario reader then reports what is wrong with the file).
FileKind kind_of(const std::string& file) {
  const auto text = sim::detail::read_scenario_text(file);
  if (text.problem) return FileKind::scenario;
  try {
    const auto root = toml::parse(text.text, file);
    if (root.contains("experiment")) return FileKind::experiment;
    if (root.contains("optimization")) return FileKind::optimization;
    if (root.contains("calibration")) return FileKind::calibration;
    if (root.contains("lesson")) return FileKind::lesson;
    if (root.contains("factor") && root.size() == 1) return FileKind::factors;
  } catch (const toml::parse_error&) {
  }
  return FileKind::scenario;
}

/// Checks one file; prints "FILE: ok (...)" or its problems. Returns the exit code.
int validate_file(const std::string& file, const std::vector<std::string>& overrides) {
  try {
    switch (kind_of(file)) {
      case FileKind::experiment: {
        const auto experiment = gov::load_governance_experiment(file);
        std::cout << file << ": ok (experiment '" << experiment.name << "', " << experiment.factors.size()
                  << " factors, " << experiment.outcomes.size() << " outcomes)\n";
        return exit_ok;
      }
      case FileKind::optimization: {
        const auto spec = sim::optimization::load_optimization(file, gov::experiment_schema());
        for (const auto& w : spec.warnings) std::cerr << w.format() << "\n";
        std::cout << file << ": ok (optimization '" << spec.setup.name << "', " << spec.setup.levers.size()
                  << " levers, " << spec.objectives.size() << " objectives)\n";
        return exit_ok;
      }
      case FileKind::calibration: {
        const auto spec = sim::optimization::load_calibration(file, gov::experiment_schema());
        for (const auto& w : spec.warnings) std::cerr << w.format() << "\n";
        std::cout << file << ": ok (calibration '" << spec.setup.name << "', " << spec.setup.levers.size()
                  << " parameters)\n";
        return exit_ok;
      }
      case FileKind::factors: {
        // Factor files also serve `sample --params` for other models: keys outside this model's
        // schema are a warning, not an error.
        const auto factors = sim::experiments::load_factor_file(file);
        const auto& schema = gov::governance_schema();
        for (const auto& factor : factors)
          if (!schema.find(factor.key))
            std::cerr << file << ": warning: key '" << factor.key
                      << "' is not a scenario key of the governance model (fine for `sample --params` of another model)\n";
        std::cout << file << ": ok (factor file, " << factors.size() << " factors)\n";
        return exit_ok;
      }
      case FileKind::lesson: {
        const auto lesson = gov::load_lesson(file);
        gov::check_lesson_combinations(lesson);
        int weeks = 0;
        for (const auto& step : lesson.steps) weeks += step.weeks;
        std::cout << file << ": ok (lesson '" << lesson.title_en << "', " << lesson.steps.size() << " steps, "
                  << weeks << " weeks, scenario " << lesson.scenario_path << ")\n";
        return exit_ok;
      }
      case FileKind::scenario: break;
    }
    const auto loaded = gov::load_governance_scenario(file, overrides);
    for (const auto& w : loaded.document.warnings) std::cerr << w.format() << "\n";
    std::cout << file << ": ok (" << loaded.document.values.size() << " keys set, scenario '" << loaded.document.name
              << "')\n";
    return exit_ok;
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
  } catch (const gov::LessonError& e) {
    std::cerr << e.what() << "\n";
  } catch (const std::invalid_argument& e) {
    std::cerr << file << ": " << e.what() << "\n";
  }
  return exit_bad_input;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "validate", "Check input files without running them: scenarios, experiment, optimization, calibration, factor and lesson files");
  auto files = std::make_shared<std::vector<std::string>>();
  auto overrides = std::make_shared<std::vector<std::string>>();
  cmd->add_option("files", *files, "Files (TOML): scenarios, or experiment / optimization / calibration / factor / lesson files")
      ->required();
  cmd->add_option("--set", *overrides, "Also check an override key=value on scenarios (repeatable)")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);  // one KEY=VALUE per --set, so `--set k=v FILE` keeps FILE
  return {cmd, [files, overrides] {
    int status = exit_ok;
    for (const auto& file : *files)
      if (validate_file(file, *overrides) != exit_ok) status = exit_bad_input;
    return status;
  }};
}

}  // namespace shanzhi::cli
