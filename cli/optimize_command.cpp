// `shanzhi optimize OPT.toml`: the best policies (one objective) or the Pareto front (several)
// over the levers an optimization file names, under a budget, optionally robust to sampled
// uncertainties. Every run goes into an SQLite results store, so the same command resumes an
// interrupted optimization; the report re-evaluates each reported policy with fresh replicates.
// Writes NAME-policies.csv, NAME-scenarios.csv (with uncertainties) and PNG figures.

#include "cli/commands.hpp"
#include "cli/planning_figures.hpp"
#include "models/governance/experiments/experiment_runner.hpp"
#include "models/governance/experiments/objectives.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/build_info.hpp"
#include "sim/optimization/optimizer.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"
#include "sim/parallel.hpp"

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

struct OptimizeOptions {
  std::string file;
  std::string db;
  std::string out;
  int threads = 0;
};

std::string number(double value) { return std::isnan(value) ? "" : format_number(value); }

std::string short_number(double value) {
  if (std::isnan(value)) return "NA";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, std::fabs(value) >= 1000 ? "%.0f" : "%.4g", value);
  return buffer;
}

std::string direction_word(const opt::Objective& objective) { return objective.maximize ? "max" : "min"; }

std::string policies_csv(const opt::OptimizationSpec& spec, const opt::OptimizationReport& report) {
  const bool robust = report.scenarios.size() > 1;
  std::vector<std::string> header{"rank", "evaluation"};
  for (const auto& lever : spec.setup.levers) header.push_back(sim::csv_field(lever.key));
  for (const auto& objective : spec.objectives) {
    const auto label = sim::csv_field(objective.target.label());
    for (const char* suffix : {"", "_low", "_high", "_search"}) header.push_back(label + suffix);
    if (robust) header.push_back(label + "_max_regret");
  }
  if (spec.budget.active)
    for (const char* suffix : {"", "_low", "_high"}) header.push_back(sim::csv_field("cost:" + spec.budget.cost.label()) + suffix);
  header.insert(header.end(), {"within_budget", "replicates", "scenarios"});
  std::string out;
  sim::append_csv_line(out, header);
  for (std::size_t p = 0; p < report.policies.size(); ++p) {
    const auto& policy = report.policies[p];
    const auto& evaluation = report.evaluations[policy.evaluation];
    std::vector<std::string> row{std::to_string(p + 1), std::to_string(policy.evaluation)};
    for (const auto& [key, value] : evaluation.result.levers) row.push_back(sim::csv_field(sim::format_value(value)));
    for (std::size_t o = 0; o < spec.objectives.size(); ++o) {
      const auto& i = policy.objectives[o];
      row.insert(row.end(), {number(i.value), number(i.low), number(i.high), number(evaluation.score.values[o])});
      if (robust) row.push_back(number(policy.max_regret[o]));
    }
    if (spec.budget.active) row.insert(row.end(), {number(policy.cost.value), number(policy.cost.low), number(policy.cost.high)});
    row.insert(row.end(), {policy.within_budget ? "true" : "false", std::to_string(spec.report_replicates),
                           std::to_string(report.scenarios.size())});
    sim::append_csv_line(out, row);
  }
  return out;
}

std::string scenarios_csv(const opt::OptimizationSpec& spec, const opt::OptimizationReport& report) {
  std::vector<std::string> header{"rank", "scenario"};
  for (const auto& u : spec.setup.uncertainties) header.push_back(sim::csv_field(u.key));
  header.insert(header.end(), {"objective", "search_mean", "regret", "report_mean", "report_low", "report_high"});
  std::string out;
  sim::append_csv_line(out, header);
  for (std::size_t p = 0; p < report.policies.size(); ++p) {
    const auto& policy = report.policies[p];
    for (std::size_t s = 0; s < report.scenarios.size(); ++s)
      for (std::size_t o = 0; o < spec.objectives.size(); ++o) {
        std::vector<std::string> row{std::to_string(p + 1), std::to_string(s)};
        for (const auto& [key, value] : report.scenarios.settings[s]) row.push_back(sim::csv_field(sim::format_value(value)));
        const auto& m = policy.scenario_report[o][s];
        row.insert(row.end(), {sim::csv_field(spec.objectives[o].target.label()), number(policy.scenario_values[o][s]),
                               number(policy.regret[o][s]), number(m.mean), number(m.mean - m.half_width),
                               number(m.mean + m.half_width)});
        sim::append_csv_line(out, row);
      }
  }
  return out;
}

fs::path draw_front(const fs::path& dir, const std::string& name, const opt::OptimizationSpec& spec,
                    const opt::OptimizationReport& report) {
  std::ostringstream data;
  data << "# all evaluations (search replicates): objective 1, objective 2\n";
  for (const auto& e : report.evaluations)
    if (!std::isnan(e.score.values[0]) && !std::isnan(e.score.values[1]))
      data << format_number(e.score.values[0]) << ' ' << format_number(e.score.values[1]) << '\n';
  data << "\n\n# reported policies, re-evaluated: x x_low x_high y y_low y_high rank\n";
  for (std::size_t p = 0; p < report.policies.size(); ++p) {
    const auto& a = report.policies[p].objectives[0];
    const auto& b = report.policies[p].objectives[1];
    data << format_number(a.value) << ' ' << format_number(a.low) << ' ' << format_number(a.high) << ' '
         << format_number(b.value) << ' ' << format_number(b.low) << ' ' << format_number(b.high) << ' ' << p + 1 << '\n';
  }
  const auto label = [&](std::size_t o) {
    return gnuplot_text(spec.objectives[o].target.label() + " (" + direction_word(spec.objectives[o]) + ")");
  };
  const std::string script =
      "set title '" + gnuplot_text(spec.setup.name) + ": Pareto front (95% intervals from " +
      std::to_string(spec.report_replicates) + " fresh replicates)'\nset xlabel '" + label(0) + "'\nset ylabel '" + label(1) +
      "'\nplot '" + name + ".dat' index 0 using 1:2 with points pt 7 ps 0.6 lc rgb '#bbbbbb' title 'evaluated policies', \\\n"
      "     '' index 1 using 1:4:2:3:5:6 with xyerrorbars pt 7 ps 1.2 lc rgb '#c0392b' title 'Pareto front (re-evaluated)', \\\n"
      "     '' index 1 using 1:4:(sprintf('%d', $7)) with labels offset 1,1 notitle\n";
  return draw_figure(dir, name, data.str(), script);
}

fs::path draw_search(const fs::path& dir, const std::string& name, const opt::OptimizationSpec& spec,
                     const opt::OptimizationReport& report) {
  const bool maximize = spec.objectives[0].maximize;
  std::ostringstream data;
  data << "# evaluation value best_so_far (search replicates)\n";
  double best = std::nan("");
  for (std::size_t i = 0; i < report.evaluations.size(); ++i) {
    const auto& e = report.evaluations[i];
    const double v = e.score.values[0];
    if (std::isnan(v)) continue;
    const bool feasible = e.score.overrun <= 0;
    if (feasible && (std::isnan(best) || (maximize ? v > best : v < best))) best = v;
    data << i << ' ' << format_number(v) << ' ' << (std::isnan(best) ? "NaN" : format_number(best)) << ' '
         << (feasible ? 1 : 0) << '\n';
  }
  data << "\n\n# reported: evaluation value low high\n";
  for (const auto& p : report.policies)
    data << p.evaluation << ' ' << format_number(p.objectives[0].value) << ' ' << format_number(p.objectives[0].low) << ' '
         << format_number(p.objectives[0].high) << '\n';
  const std::string script =
      "set title '" + gnuplot_text(spec.setup.name) + ": search (" + (spec.budget.active ? "grey: over budget" : "CMA-ES") +
      ")'\nset xlabel 'evaluation'\nset ylabel '" + gnuplot_text(spec.objectives[0].target.label()) + "'\n"
      "plot '" + name + ".dat' index 0 using 1:($4 > 0 ? $2 : 1/0) with points pt 7 ps 0.6 lc rgb '#2c7fb8' title 'within budget', \\\n"
      "     '' index 0 using 1:($4 > 0 ? 1/0 : $2) with points pt 7 ps 0.6 lc rgb '#bbbbbb' title 'over budget', \\\n"
      "     '' index 0 using 1:3 with steps lw 2 lc rgb '#333333' title 'best so far', \\\n"
      "     '' index 1 using 1:2:3:4 with yerrorbars pt 7 ps 1.2 lc rgb '#c0392b' title 'reported (fresh replicates, 95%)'\n";
  return draw_figure(dir, name, data.str(), script);
}

fs::path draw_regret(const fs::path& dir, const std::string& name, const opt::OptimizationSpec& spec,
                     const opt::OptimizationReport& report) {
  std::ostringstream data;
  data << "# scenario, then regret of each reported policy (objective 1)\n";
  for (std::size_t s = 0; s < report.scenarios.size(); ++s) {
    data << s;
    for (const auto& p : report.policies) data << ' ' << format_number(p.regret[0][s]);
    data << '\n';
  }
  std::string plot = "plot ";
  for (std::size_t p = 0; p < report.policies.size(); ++p)
    plot += std::string(p ? ", \\\n     " : "") + "'" + name + ".dat' using 1:" + std::to_string(p + 2) +
            " with linespoints pt 7 title 'policy " + std::to_string(p + 1) + "'";
  const std::string script = "set title '" + gnuplot_text(spec.setup.name) +
                             ": regret against the best evaluated policy in each scenario'\nset xlabel 'scenario'\n"
                             "set ylabel 'regret in " + gnuplot_text(spec.objectives[0].target.label()) + "'\n" + plot + "\n";
  return draw_figure(dir, name, data.str(), script);
}

void print_policies(const opt::OptimizationSpec& spec, const opt::OptimizationReport& report) {
  const bool front = spec.objectives.size() > 1;
  std::cout << (front ? "Pareto front" : "Best policies") << " (re-evaluated with " << spec.report_replicates
            << " fresh replicates" << (report.scenarios.size() > 1 ? " in each of " + std::to_string(report.scenarios.size()) + " scenarios" : "")
            << "; 95% intervals):\n";
  for (std::size_t p = 0; p < report.policies.size(); ++p) {
    const auto& policy = report.policies[p];
    std::cout << "  " << p + 1 << ".";
    for (const auto& [key, value] : report.evaluations[policy.evaluation].result.levers)
      std::cout << " " << key << "=" << (std::holds_alternative<double>(value) ? short_number(std::get<double>(value)) : sim::format_value(value));
    std::cout << "\n    ";
    for (std::size_t o = 0; o < spec.objectives.size(); ++o) {
      const auto& i = policy.objectives[o];
      std::cout << (o ? "; " : "") << spec.objectives[o].target.label() << " " << short_number(i.value) << " ["
                << short_number(i.low) << ", " << short_number(i.high) << "]";
      if (report.scenarios.size() > 1) std::cout << " max regret " << short_number(policy.max_regret[o]);
    }
    if (spec.budget.active)
      std::cout << "; cost " << short_number(policy.cost.value) << " [" << short_number(policy.cost.low) << ", "
                << short_number(policy.cost.high) << "]" << (policy.within_budget ? "" : " OVER BUDGET");
    std::cout << "\n";
  }
}

int optimize(const OptimizeOptions& o) {
  opt::OptimizationSpec spec;
  try {
    spec = opt::load_optimization(o.file, gov::experiment_schema());
    gov::parameters_with(spec.setup.base, {});
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return exit_bad_input;
  }
  for (const auto& w : spec.warnings) std::cerr << w.format() << "\n";
  const fs::path db = o.db.empty() ? fs::path("results/optimize") / (spec.setup.name + ".sqlite") : fs::path(o.db);
  const fs::path out = o.out.empty() ? fs::path("results/optimize") / spec.setup.name : fs::path(o.out);

  const auto experiment = opt::optimization_store_experiment(spec);
  std::optional<ex::ResultsStore> store;
  try {
    store.emplace(ex::ResultsStore::open_for_sweep(db, experiment, ex::ExperimentPlan{}));
  } catch (const ex::StoreRefused& e) {
    std::cerr << "shanzhi optimize: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const ex::StoreError& e) {
    std::cerr << "shanzhi optimize: " << e.what() << "\n";
    return exit_failure;
  }
  if (const auto commit = store->created_by_commit(); commit != sim::shanzhi_git_commit())
    std::cerr << "shanzhi optimize: warning: " << db.string() << " was started by Shanzhi " << commit
              << "; this is " << sim::shanzhi_git_commit() << ". If the model changed, old and new runs differ.\n";
  sim::set_thread_count(o.threads);
  const int threads = sim::thread_count();
  std::cout << "Optimization " << spec.setup.name << ": " << spec.setup.levers.size() << " levers, "
            << spec.objectives.size() << " objective" << (spec.objectives.size() == 1 ? "" : "s") << ", "
            << (spec.setup.search.algorithm == opt::Algorithm::nsga2 ? "NSGA-II" : "CMA-ES") << " with population "
            << spec.setup.search.population << " for " << spec.setup.search.generations << " generations; "
            << spec.setup.replicates << " CRN replicates x " << spec.robustness.scenarios << " scenario"
            << (spec.robustness.scenarios == 1 ? "" : "s") << " per evaluation, " << threads << " thread"
            << (threads == 1 ? "" : "s") << "\nDatabase " << db.string() << "\n";
  const auto start = std::chrono::steady_clock::now();
  std::size_t last_shown = 0;
  const opt::Progress progress = [&](std::size_t evaluations, std::size_t simulated, std::size_t reused) {
    if (evaluations < last_shown + 10) return;
    last_shown = evaluations;
    std::cout << "  " << evaluations << " policies evaluated: " << simulated << " runs simulated, " << reused
              << " taken from the database\n" << std::flush;
  };
  opt::OptimizationReport report;
  try {
    report = opt::optimize(spec, *store, gov::target_runner(spec.setup.base), threads, progress);
  } catch (const ex::StoreError& e) {
    std::cerr << "shanzhi optimize: " << e.what() << "\nThe runs finished before are committed; run the same command again to resume.\n";
    return exit_failure;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "Evaluated " << report.evaluations.size() << " policies: " << report.runs_simulated << " runs simulated, "
            << report.runs_from_store << " taken from the database, in " << short_number(seconds) << " s\n";
  for (const auto& error : report.errors) std::cerr << "shanzhi optimize: a run failed: " << error << "\n";
  if (report.policies.empty()) {
    std::cerr << "shanzhi optimize: no policy could be evaluated (every run failed); see the errors above\n";
    return exit_failure;
  }
  print_policies(spec, report);
  try {
    fs::create_directories(out);
    const std::string name = spec.setup.name;
    sim::write_file_atomically(out / (name + "-policies.csv"), policies_csv(spec, report));
    std::vector<fs::path> written{out / (name + "-policies.csv")};
    if (report.scenarios.size() > 1) {
      sim::write_file_atomically(out / (name + "-scenarios.csv"), scenarios_csv(spec, report));
      written.push_back(out / (name + "-scenarios.csv"));
      written.push_back(draw_regret(out, name + "-regret", spec, report));
    }
    written.push_back(spec.objectives.size() > 1 ? draw_front(out, name + "-front", spec, report)
                                                 : draw_search(out, name + "-search", spec, report));
    std::cout << "Wrote";
    for (const auto& path : written) std::cout << " " << path.string();
    std::cout << "\n";
  } catch (const std::exception& e) {
    std::cerr << "shanzhi optimize: writing the report: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace

Command add_optimize_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("optimize", "Search lever settings for the best policies or a Pareto front under a budget");
  auto o = std::make_shared<OptimizeOptions>();
  cmd->add_option("file", o->file, "Optimization file (TOML), e.g. scenarios/optimize/tiny_budget.toml")->required();
  cmd->add_option("--db", o->db, "Results database (SQLite; default: results/optimize/NAME.sqlite)");
  cmd->add_option("--out", o->out, "Report folder (default: results/optimize/NAME/)");
  cmd->add_option("--threads", o->threads, "Runs at the same time (default: all cores); results are identical")
      ->check(CLI::Range(0, 1024));
  cmd->footer(
      "Every run is committed to the database: after an interruption the same command replays the\n"
      "seeded search, takes finished runs from the database and runs only what is missing.\n"
      "Exit codes: 0 done, 1 runs or writing failed, 2 bad input (file, options, or a database of\n"
      "another optimization).");
  return {cmd, [o] { return optimize(*o); }};
}

}  // namespace shanzhi::cli
