// `shanzhi export DB --csv FILE`: the results of a sweep as tidy CSV, one row per (run, outcome),
// that pandas (`pd.read_csv`) and R (`read.csv`) read without options; `--hdf5 FILE` the same
// results column by column in HDF5 (hdf5_export.*), for sweeps too large for CSV.

#include "cli/commands.hpp"
#include "cli/hdf5_export.hpp"
#include "cli/output_directory.hpp"
#include "sim/experiments/results_store.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"

#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>

namespace shanzhi::cli {
namespace {

namespace fs = std::filesystem;
namespace ex = sim::experiments;

struct ExportOptions {
  std::string db;
  std::string csv;
  std::string hdf5;
  bool force = false;
  bool excel = false;  ///< a UTF-8 byte-order mark first, for spreadsheet programs
};

/// A factor's value as a CSV field: reals in shortest round-trip form, names quoted if needed.
std::string value_field(const sim::ParamValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return sim::format_number(*real);
  return sim::csv_field(sim::format_value(value));
}

/// Empty for a missing value (a failed run, or NaN), which both pandas and R read as NA.
std::string number_field(double value) { return std::isnan(value) ? "" : sim::format_number(value); }

std::string tidy_csv(const ex::StoredResults& results) {
  std::string text;
  std::vector<std::string> header{"experiment", "point", "replicate", "seed", "status"};
  for (const auto& factor : results.factors) header.push_back(sim::csv_field(factor.key));
  header.insert(header.end(), {"metric", "statistic", "value"});
  sim::append_csv_line(text, header);

  const std::string experiment = sim::csv_field(results.name);
  for (const auto& run : results.runs) {
    std::vector<std::string> fields{experiment, std::to_string(run.point), std::to_string(run.replicate),
                                    std::to_string(run.seed), run.ok ? "ok" : "failed"};
    for (const auto& setting : results.points.at(run.point).settings) fields.push_back(value_field(setting.second));
    const std::size_t fixed = fields.size();
    for (std::size_t k = 0; k < results.outcomes.size(); ++k) {
      fields.resize(fixed);
      fields.push_back(sim::csv_field(results.outcomes[k].metric));
      fields.emplace_back(ex::to_string(results.outcomes[k].statistic));
      fields.push_back(number_field(run.values[k]));
      sim::append_csv_line(text, fields);
    }
  }
  return text;
}

/// Why the outputs asked for cannot be written, or empty (checked before the database is read).
std::string outputs_problem(const ExportOptions& o) {
  if (o.csv.empty() && o.hdf5.empty()) return "name what to write: --csv FILE, --hdf5 FILE or both";
  for (const auto* file : {&o.csv, &o.hdf5})
    if (!file->empty())
      if (auto problem = output_file_problem(*file, o.force, true); !problem.empty()) return problem;
  return "";
}

void write_csv(const ExportOptions& o, const ex::StoredResults& results) {
  const fs::path out(o.csv);
  if (out.has_parent_path()) fs::create_directories(out.parent_path());
  sim::write_file_atomically(out, (o.excel ? "\xEF\xBB\xBF" : "") + tidy_csv(results));
  std::size_t failed = 0;
  for (const auto& run : results.runs) failed += !run.ok;
  std::cout << "Wrote " << results.runs.size() * results.outcomes.size() << " rows (" << results.runs.size()
            << " runs x " << results.outcomes.size() << " outcomes; " << failed << " failed runs with empty values) to "
            << o.csv << "\n";
}

void write_hdf5_file(const ExportOptions& o, const ex::StoredResults& results) {
  const fs::path out(o.hdf5);
  if (out.has_parent_path()) fs::create_directories(out.parent_path());
  write_hdf5(results, out);
  std::cout << "Wrote " << results.runs.size() << " runs x (" << results.factors.size() << " factors, "
            << results.outcomes.size() << " outcomes) to " << o.hdf5 << " (HDF5: /runs, /factors, /outcomes)\n";
}

int export_results(const ExportOptions& o) {
  if (const auto problem = outputs_problem(o); !problem.empty()) {
    std::cerr << "shanzhi export: " << problem << "\n";
    return exit_bad_input;
  }
  ex::StoredResults results;
  try {
    results = ex::ResultsStore::open_read_only(o.db).read_all();
  } catch (const ex::StoreRefused& e) {
    std::cerr << "shanzhi export: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const ex::StoreError& e) {
    std::cerr << "shanzhi export: " << e.what() << "\n";
    return exit_failure;
  }
  try {
    if (!o.csv.empty()) write_csv(o, results);
    if (!o.hdf5.empty()) write_hdf5_file(o, results);
  } catch (const std::exception& e) {
    std::cerr << "shanzhi export: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace

Command add_export_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "Write a results database as tidy CSV (one row per run and outcome) or HDF5");
  auto o = std::make_shared<ExportOptions>();
  cmd->add_option("db", o->db, "Results database written by shanzhi sweep")->required();
  cmd->add_option("--csv", o->csv, "CSV file to write");
  cmd->add_option("--hdf5", o->hdf5, "HDF5 file to write (/runs, /factors/KEY, /outcomes/METRIC/STATISTIC)");
  cmd->add_flag("--force", o->force, "Overwrite the output files if they exist");
  cmd->add_flag("--excel", o->excel,
                "Start the CSV with a UTF-8 byte-order mark, so spreadsheet programs show Chinese names correctly");
  cmd->footer(
      "Columns: experiment, point, replicate, seed, status (ok/failed), one column per factor (named by\n"
      "its scenario key), metric, statistic, value. Failed runs have an empty value. Rows are ordered\n"
      "by point, replicate and outcome. HDF5: one dataset per column, one value per run in the same\n"
      "order (docs/experiments.md). Each file is written whole or not at all.");
  return {cmd, [o] { return export_results(*o); }};
}

}  // namespace shanzhi::cli
