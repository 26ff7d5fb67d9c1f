// `shanzhi calibrate CAL.toml --data SURVEY.csv`: fits the calibration file's parameters to survey
// data (sim/optimization/calibration.hpp documents the distance and the intervals), with every
// run kept in an SQLite results store so an interrupted calibration resumes. Writes
// NAME-parameters.csv, NAME-fit.csv and NAME-fit.png.

#include "cli/commands.hpp"
#include "cli/planning_figures.hpp"
#include "models/governance/experiments/experiment_runner.hpp"
#include "models/governance/experiments/objectives.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/build_info.hpp"
#include "sim/optimization/calibration.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"
#include "sim/parallel.hpp"
#include "sim/random.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

namespace shanzhi::cli {
namespace {

namespace fs = std::filesystem;
namespace ex = sim::experiments;
namespace opt = sim::optimization;
using sim::format_number;

struct CalibrateOptions {
  std::string file;
  std::string data;
  std::string db;
  std::string out;
  int threads = 0;
  std::vector<std::string> truth;  ///< KEY=VALUE: write synthetic data instead of fitting
  std::string write_survey;
};

std::string number(double value) { return std::isnan(value) ? "" : format_number(value); }

std::string short_number(double value) {
  if (std::isnan(value)) return "NA";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

std::string parameters_csv(const opt::CalibrationResult& result) {
  std::string out;
  sim::append_csv_line(out, {"key", "value", "se", "ci_low", "ci_high", "min", "max"});
  for (const auto& p : result.parameters)
    sim::append_csv_line(out, {sim::csv_field(p.key), number(p.value), number(p.se), number(p.low), number(p.high),
                               number(p.min), number(p.max)});
  return out;
}

std::string fit_csv(const std::vector<opt::SurveyRow>& survey, const opt::CalibrationResult& result) {
  std::string out;
  sim::append_csv_line(out, {"target", "observed", "se", "model_mean", "model_sd", "z"});
  for (std::size_t i = 0; i < survey.size(); ++i)
    sim::append_csv_line(out, {sim::csv_field(survey[i].target.label()), number(survey[i].value), number(survey[i].se),
                               number(result.targets[i].model_mean), number(result.targets[i].model_sd),
                               number(result.targets[i].residual_z)});
  return out;
}

/// Observed ± 1.96 se against the fitted model, on a standardized axis so metrics of different
/// units share one figure: every target is shown as (value − observed) / se.
fs::path draw_fit(const fs::path& dir, const std::string& name, const std::vector<opt::SurveyRow>& survey,
                  const opt::CalibrationResult& result, std::int64_t replicates) {
  std::ostringstream data;
  data << "# index label observed se model model_se (replicate sd / sqrt(replicates))\n";
  for (std::size_t i = 0; i < survey.size(); ++i)
    data << i << " \"" << survey[i].target.label() << "\" " << format_number(survey[i].value) << ' '
         << format_number(survey[i].se) << ' ' << format_number(result.targets[i].model_mean) << ' '
         << format_number(result.targets[i].model_sd / std::sqrt(static_cast<double>(replicates))) << '\n';
  const std::string script =
      "set title 'Calibration " + gnuplot_text(name) + ": model against survey, in survey standard errors'\n"
      "set ylabel '(value − observed) / se'\nset xtics rotate by 25 right\nset bmargin 12\nset lmargin 22\n"
      "set key outside top center horizontal\nset rmargin 6\n"
      "set xrange [-0.5:" + std::to_string(survey.size()) + "-0.5]\n"
      "plot '" + name + "-fit.dat' using 1:(0):(1.96):xtic(2) with yerrorbars pt 7 lc rgb '#333333' title 'survey ± 1.96 se', \\\n"
      "     '' using 1:(($5-$3)/$4):(1.96*$6/$4) with yerrorbars pt 5 ps 1.2 lc rgb '#c0392b' title 'model mean ± 1.96 se of the mean (" +
      std::to_string(replicates) + " replicates)'\n";
  return draw_figure(dir, name + "-fit", data.str(), script);
}

void print_result(const std::vector<opt::SurveyRow>& survey, const opt::CalibrationResult& result) {
  std::cout << "Fitted parameters (95% intervals, Gauss–Newton at the minimum):\n";
  for (const auto& p : result.parameters)
    std::cout << "  " << p.key << " = " << short_number(p.value) << "  se " << short_number(p.se) << "  ["
              << short_number(p.low) << ", " << short_number(p.high) << "]"
              << (std::isnan(p.se) ? "  (not identified by these data)" : "") << "\n";
  std::cout << "Fit (distance D = " << short_number(result.distance) << " over " << survey.size() << " targets):\n";
  for (std::size_t i = 0; i < survey.size(); ++i)
    std::cout << "  " << survey[i].target.label() << ": observed " << short_number(survey[i].value) << " (se "
              << short_number(survey[i].se) << "), model " << short_number(result.targets[i].model_mean) << ", z "
              << short_number(result.targets[i].residual_z) << "\n";
}

/// `--truth` settings, checked like --set values (scenario keys, ranges).
ex::Settings truth_settings(const std::vector<std::string>& assignments, const sim::ScenarioDocument& base) {
  sim::ScenarioDocument document = base;
  document.values.clear();
  const auto schema = gov::experiment_schema();
  for (const auto& assignment : assignments) sim::apply_override(document, assignment, schema.parameters);
  ex::Settings settings;
  for (const auto& [key, value] : document.values) settings.emplace_back(key, value.first);
  return settings;
}

/// The survey the model gives at the --truth values, with the template's survey noise.
int write_synthetic_survey(const CalibrateOptions& o, const opt::CalibrationSpec& spec,
                           const std::vector<opt::SurveyRow>& survey) {
  ex::Settings truth;
  try {
    truth = truth_settings(o.truth, spec.setup.base);
    gov::parameters_with(spec.setup.base, truth);
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return exit_bad_input;
  }
  sim::set_thread_count(o.threads);
  constexpr std::size_t truth_replicates = 10;
  try {
    const auto rows = opt::synthetic_survey(truth, survey, truth_replicates, sim::derive_seed(spec.setup.master_seed, 0x7472757468ull),
                                            gov::target_runner(spec.setup.base), sim::thread_count());
    sim::write_file_atomically(o.write_survey, opt::survey_csv(rows));
  } catch (const std::exception& e) {
    std::cerr << "shanzhi calibrate: " << e.what() << "\n";
    return exit_failure;
  }
  std::cout << "Wrote " << o.write_survey << ": " << survey.size() << " targets of " << o.data
            << " as the model gives them at";
  for (const auto& a : o.truth) std::cout << " " << a;
  std::cout << " (mean of " << truth_replicates << " runs plus survey noise of each row's se)\n";
  return exit_ok;
}

int calibrate(const CalibrateOptions& o) {
  if (o.truth.empty() != o.write_survey.empty()) {
    std::cerr << "shanzhi calibrate: --truth and --write-survey go together (generate synthetic data at the --truth values)\n";
    return exit_bad_input;
  }
  opt::CalibrationSpec spec;
  std::vector<opt::SurveyRow> survey;
  try {
    const auto schema = gov::experiment_schema();
    spec = opt::load_calibration(o.file, schema);
    gov::parameters_with(spec.setup.base, {});
    survey = opt::read_survey(o.data, schema.metrics, spec.statistic);
    // Breakdown rows are checked against one short probe run before any real run.
    if (auto problems = gov::unrecorded_targets(spec.setup.base, opt::survey_targets(survey)); !problems.empty())
      throw sim::ScenarioError(std::move(problems));
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return exit_bad_input;
  }
  for (const auto& w : spec.warnings) std::cerr << w.format() << "\n";
  if (!o.write_survey.empty()) return write_synthetic_survey(o, spec, survey);
  const fs::path db = o.db.empty() ? fs::path("results/calibrate") / (spec.setup.name + ".sqlite") : fs::path(o.db);
  const fs::path out = o.out.empty() ? fs::path("results/calibrate") / spec.setup.name : fs::path(o.out);
  std::optional<ex::ResultsStore> store;
  try {
    store.emplace(ex::ResultsStore::open_for_sweep(db, opt::store_experiment(spec.setup, opt::survey_targets(survey), 1),
                                                   ex::ExperimentPlan{}));
  } catch (const ex::StoreRefused& e) {
    std::cerr << "shanzhi calibrate: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const ex::StoreError& e) {
    std::cerr << "shanzhi calibrate: " << e.what() << "\n";
    return exit_failure;
  }
  sim::set_thread_count(o.threads);
  const int threads = sim::thread_count();
  std::cout << "Calibration " << spec.setup.name << ": " << spec.setup.levers.size() << " parameters, " << survey.size()
            << " survey targets, CMA-ES with population " << spec.setup.search.population << " for "
            << spec.setup.search.generations << " generations, " << spec.setup.replicates << " CRN replicates, "
            << threads << " thread" << (threads == 1 ? "" : "s") << "\nDatabase " << db.string() << "\n";
  const auto start = std::chrono::steady_clock::now();
  std::size_t shown = 0;
  const opt::CalibrationProgress progress = [&](std::size_t evaluations, double best) {
    if (evaluations < shown + 20) return;
    shown = evaluations;
    std::cout << "  " << evaluations << " evaluations, best distance " << short_number(best) << "\n" << std::flush;
  };
  opt::CalibrationResult result;
  try {
    result = opt::calibrate(spec, survey, *store, gov::target_runner(spec.setup.base), threads, progress);
  } catch (const ex::StoreError& e) {
    std::cerr << "shanzhi calibrate: " << e.what() << "\nThe runs finished before are committed; run the same command again to resume.\n";
    return exit_failure;
  }
  for (const auto& error : result.errors) std::cerr << "shanzhi calibrate: a run failed: " << error << "\n";
  if (result.parameters.empty()) {
    std::cerr << "shanzhi calibrate: no parameter setting could be evaluated (every run failed)\n";
    return exit_failure;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << result.evaluations << " evaluations: " << result.runs_simulated << " runs simulated, "
            << result.runs_from_store << " taken from the database, in " << short_number(seconds) << " s\n";
  print_result(survey, result);
  try {
    fs::create_directories(out);
    const std::string name = spec.setup.name;
    sim::write_file_atomically(out / (name + "-parameters.csv"), parameters_csv(result));
    sim::write_file_atomically(out / (name + "-fit.csv"), fit_csv(survey, result));
    const auto png = draw_fit(out, name, survey, result, spec.setup.replicates);
    std::cout << "Wrote " << (out / (name + "-parameters.csv")).string() << " " << (out / (name + "-fit.csv")).string()
              << " " << png.string() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "shanzhi calibrate: writing the report: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace

Command add_calibrate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("calibrate", "Fit parameters to survey data (weighted squared error in survey SEs)");
  auto o = std::make_shared<CalibrateOptions>();
  cmd->add_option("file", o->file, "Calibration file (TOML), e.g. scenarios/calibrate/tiny_recovery.toml")->required();
  cmd->add_option("--data", o->data, "Survey CSV: metric,breakdown,key,value,se")->required();
  cmd->add_option("--db", o->db, "Results database (SQLite; default: results/calibrate/NAME.sqlite)");
  cmd->add_option("--out", o->out, "Report folder (default: results/calibrate/NAME/)");
  cmd->add_option("--threads", o->threads, "Runs at the same time (default: all cores); results are identical")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--truth", o->truth, "KEY=VALUE (repeatable): with --write-survey, the parameter values to generate data at")
      ->type_name("KEY=VALUE");
  cmd->add_option("--write-survey", o->write_survey,
                  "Instead of fitting, write FILE: --data's rows with the values the model gives at --truth plus survey noise")
      ->type_name("FILE");
  cmd->footer("Exit codes: 0 done, 1 runs or writing failed, 2 bad input (files, options, or a database of\n"
              "another calibration).");
  return {cmd, [o] { return calibrate(*o); }};
}

}  // namespace shanzhi::cli
