// `shanzhi analyze`: summaries and sensitivity indices of experiment outputs.
//
//   shanzhi analyze DB [--sobol] [--morris] [--prim OUTCOME --below|--above T] [--out DIR]
//       per-point means with 95% intervals over replicates for each outcome; with --sobol
//       first/total Sobol indices (bootstrap intervals) and with --morris μ*, μ, σ, computed on
//       the per-point replicate means; with --prim the box of factor ranges where the outcome
//       falls below (rises above) T (scenario_discovery.*); with --regression standardised
//       regression coefficients with intervals and R² (sweep_regression.*).
//   shanzhi analyze --design sobol|morris --params P.toml --x X.csv --y Y.csv [--n N] [--levels L]
//       the same indices for outputs computed elsewhere, one analysis per column of Y.
//
// CSV mode rebuilds the unit design from X itself: each value is mapped back to its unit
// coordinate through the parameter file's ranges (a list factor's value to the centre of its
// bin), N is the row count over (d + 2) or (d + 1), and X must have the order the design needs
// (Saltelli's A, B, AB_1..AB_d; Morris trajectories of one-factor steps), which is checked row
// by row. So X may come from `shanzhi sample` with any seed, or from another tool that writes the
// same order. --n and --levels, when given, are checked against X.

#include "cli/commands.hpp"
#include "cli/scenario_discovery.hpp"
#include "cli/sweep_regression.hpp"
#include "sim/experiments/analysis.hpp"
#include "sim/experiments/csv_table.hpp"
#include "sim/experiments/factors.hpp"
#include "sim/experiments/results_store.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace shanzhi::cli {
namespace {

namespace fs = std::filesystem;
namespace ex = sim::experiments;

/// Bootstrap resamples for Sobol intervals: enough for stable 95% percentile bounds.
constexpr std::size_t bootstrap_resamples = 1000;

/// Points per outcome shown on the terminal; a Sobol design can have thousands, all in the CSV.
constexpr std::size_t max_points_printed = 100;

struct AnalyzeOptions {
  std::string db;
  bool sobol = false;
  bool morris = false;
  bool regression = false;
  std::string out;
  std::string design;
  std::string params;
  std::string x;
  std::string y;
  std::optional<std::int64_t> n;
  std::optional<std::int64_t> levels;
  PrimRequest prim;
};

/// Bad options or input files: printed, exit code 2.
class BadInput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Four significant digits, but large amounts (budgets in yuan) as whole numbers.
std::string number(double value) {
  if (std::isnan(value)) return "NA";
  char buffer[32];
  const bool large = std::fabs(value) >= 1e4 && std::fabs(value) < 1e12;
  std::snprintf(buffer, sizeof buffer, large ? "%.0f" : "%.4g", value);
  return buffer;
}

std::string field(double value) { return std::isnan(value) ? "" : sim::format_number(value); }

std::string padded(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

void write_output(const fs::path& file, const std::string& text) {
  if (file.has_parent_path()) fs::create_directories(file.parent_path());
  sim::write_file_atomically(file, text);
  std::cout << "Wrote " << file.string() << "\n";
}

// --- sensitivity tables (both modes) ------------------------------------------------------------

/// One analysed output: its name in the tables ("satisfaction_mean/final" or a Y column).
struct Indices {
  std::string output;
  std::vector<ex::SobolIndex> sobol;
  std::vector<ex::MorrisIndex> morris;
};

void print_sobol(const std::string& output, const std::vector<std::string>& factors,
                 const std::vector<ex::SobolIndex>& indices) {
  std::cout << "\nSobol indices of " << output << " (95% bootstrap intervals)\n"
            << padded("factor", 40) << "  " << padded("S", 8) << "  " << padded("S interval", 20) << "  "
            << padded("ST", 8) << "  " << padded("ST interval", 20) << "\n";
  for (std::size_t j = 0; j < factors.size(); ++j) {
    const auto& s = indices[j];
    std::cout << padded(factors[j], 40) << "  " << padded(number(s.first), 8) << "  "
              << padded("[" + number(s.first_low) + ", " + number(s.first_high) + "]", 20) << "  "
              << padded(number(s.total), 8) << "  "
              << padded("[" + number(s.total_low) + ", " + number(s.total_high) + "]", 20) << "\n";
  }
}

void print_morris(const std::string& output, const std::vector<std::string>& factors,
                  const std::vector<ex::MorrisIndex>& indices) {
  std::cout << "\nMorris elementary effects of " << output << " (per unit of each factor's range)\n"
            << padded("factor", 40) << "  " << padded("mu*", 10) << "  " << padded("mu", 10) << "  "
            << padded("sigma", 10) << "\n";
  for (std::size_t j = 0; j < factors.size(); ++j)
    std::cout << padded(factors[j], 40) << "  " << padded(number(indices[j].mu_star), 10) << "  "
              << padded(number(indices[j].mu), 10) << "  " << padded(number(indices[j].sigma), 10) << "\n";
}

std::string sobol_csv(const std::vector<std::string>& factors, const std::vector<Indices>& all) {
  std::string text;
  sim::append_csv_line(text, {"output", "factor", "first", "first_low", "first_high", "total", "total_low", "total_high"});
  for (const auto& indices : all)
    for (std::size_t j = 0; j < factors.size(); ++j) {
      const auto& s = indices.sobol[j];
      sim::append_csv_line(text, {sim::csv_field(indices.output), sim::csv_field(factors[j]), field(s.first),
                                  field(s.first_low), field(s.first_high), field(s.total), field(s.total_low),
                                  field(s.total_high)});
    }
  return text;
}

std::string morris_csv(const std::vector<std::string>& factors, const std::vector<Indices>& all) {
  std::string text;
  sim::append_csv_line(text, {"output", "factor", "mu_star", "mu", "sigma"});
  for (const auto& indices : all)
    for (std::size_t j = 0; j < factors.size(); ++j) {
      const auto& m = indices.morris[j];
      sim::append_csv_line(text, {sim::csv_field(indices.output), sim::csv_field(factors[j]), field(m.mu_star),
                                  field(m.mu), field(m.sigma)});
    }
  return text;
}

/// Computes the requested indices of each output and prints them; outputs whose indices cannot
/// be computed are reported and left out. Returns false if any was left out.
bool analyse_outputs(const ex::UnitDesign& design, const std::vector<std::string>& factors,
                     const std::vector<std::pair<std::string, std::vector<double>>>& outputs, bool sobol, bool morris,
                     std::vector<Indices>& results) {
  bool all_done = true;
  for (const auto& [name, y] : outputs) {
    Indices indices{name, {}, {}};
    try {
      if (sobol) indices.sobol = ex::sobol_indices(design, y, bootstrap_resamples);
      if (morris) indices.morris = ex::morris_indices(design, y);
    } catch (const std::invalid_argument& e) {
      std::cerr << "shanzhi analyze: " << name << ": cannot compute indices: " << e.what() << "\n";
      all_done = false;
      continue;
    }
    if (sobol) print_sobol(name, factors, indices.sobol);
    if (morris) print_morris(name, factors, indices.morris);
    results.push_back(std::move(indices));
  }
  return all_done;
}

void write_indices(const fs::path& folder, const std::string& stem, const std::vector<std::string>& factors,
                   const std::vector<Indices>& results, bool sobol, bool morris) {
  if (sobol) write_output(folder / (stem + "-sobol.csv"), sobol_csv(factors, results));
  if (morris) write_output(folder / (stem + "-morris.csv"), morris_csv(factors, results));
}

// --- database mode -------------------------------------------------------------------------------

/// Replicate values of outcome k at each point, from successful runs with a number.
std::vector<std::vector<double>> replicate_values(const ex::StoredResults& results, std::size_t k) {
  std::vector<std::vector<double>> by_point(results.points.size());
  for (const auto& run : results.runs)
    if (run.ok && !std::isnan(run.values[k]) && run.point < by_point.size()) by_point[run.point].push_back(run.values[k]);
  return by_point;
}

std::string means_csv(const ex::StoredResults& results, const std::vector<std::vector<ex::MeanInterval>>& means) {
  std::string text;
  std::vector<std::string> header{"point"};
  for (const auto& factor : results.factors) header.push_back(sim::csv_field(factor.key));
  header.insert(header.end(), {"metric", "statistic", "runs", "mean", "sd", "ci_low", "ci_high"});
  sim::append_csv_line(text, header);
  for (std::size_t k = 0; k < results.outcomes.size(); ++k)
    for (const auto& point : results.points) {
      const auto& m = means[k][point.index];
      std::vector<std::string> fields{std::to_string(point.index)};
      for (const auto& setting : point.settings)
        fields.push_back(std::holds_alternative<double>(setting.second)
                             ? sim::format_number(std::get<double>(setting.second))
                             : sim::csv_field(sim::format_value(setting.second)));
      fields.insert(fields.end(), {sim::csv_field(results.outcomes[k].metric),
                                   std::string(ex::to_string(results.outcomes[k].statistic)), std::to_string(m.n),
                                   field(m.mean), field(m.sd), field(m.mean - m.half_width),
                                   field(m.mean + m.half_width)});
      sim::append_csv_line(text, fields);
    }
  return text;
}

void print_means(const ex::StoredResults& results, std::size_t k, const std::vector<ex::MeanInterval>& means) {
  std::cout << "\n" << results.outcomes[k].label() << ": mean over replicates with 95% confidence interval\n";
  std::vector<std::size_t> widths;
  for (const auto& factor : results.factors) widths.push_back(std::max<std::size_t>(factor.key.size(), 10));
  std::cout << padded("point", 6);
  for (std::size_t j = 0; j < widths.size(); ++j) std::cout << "  " << padded(results.factors[j].key, widths[j]);
  std::cout << "  " << padded("runs", 4) << "  " << padded("mean", 10) << "  " << padded("95% interval", 24) << "\n";
  for (const auto& point : results.points) {
    if (point.index == max_points_printed && results.points.size() > max_points_printed) {
      std::cout << "  ... " << results.points.size() - max_points_printed << " more points in the CSV file\n";
      break;
    }
    const auto& m = means[point.index];
    std::cout << padded(std::to_string(point.index), 6);
    for (std::size_t j = 0; j < point.settings.size(); ++j) {
      const auto* real = std::get_if<double>(&point.settings[j].second);
      std::cout << "  " << padded(real ? number(*real) : sim::format_value(point.settings[j].second), widths[j]);
    }
    std::cout << "  " << padded(std::to_string(m.n), 4) << "  " << padded(number(m.mean), 10) << "  "
              << padded(m.n > 1 ? "[" + number(m.mean - m.half_width) + ", " + number(m.mean + m.half_width) + "]" : "",
                        24)
              << "\n";
  }
}

/// Outputs for Sobol/Morris: the per-point replicate means of each outcome. Outcomes with a point
/// that has no successful run cannot be analysed and are reported.
std::vector<std::pair<std::string, std::vector<double>>> point_means(const ex::StoredResults& results,
                                                                     const std::vector<std::vector<ex::MeanInterval>>& means,
                                                                     bool& all_usable) {
  std::vector<std::pair<std::string, std::vector<double>>> outputs;
  for (std::size_t k = 0; k < results.outcomes.size(); ++k) {
    std::vector<double> y;
    for (const auto& m : means[k]) y.push_back(m.mean);
    const auto missing = std::find_if(y.begin(), y.end(), [](double v) { return std::isnan(v); });
    if (missing != y.end()) {
      std::cerr << "shanzhi analyze: " << results.outcomes[k].label() << ": point " << (missing - y.begin())
                << " has no successful run with a value (is the sweep finished? did runs fail?); indices need "
                   "every point\n";
      all_usable = false;
      continue;
    }
    outputs.emplace_back(results.outcomes[k].label(), std::move(y));
  }
  return outputs;
}

void require_design(const ex::StoredResults& results, bool sobol, bool morris) {
  const auto kind = results.kind;
  if (sobol && kind != ex::DesignKind::sobol)
    throw BadInput("--sobol needs an experiment with a sobol design; " + results.name + " has a " +
                   std::string(ex::to_string(kind)) + " design");
  if (morris && kind != ex::DesignKind::morris)
    throw BadInput("--morris needs an experiment with a morris design; " + results.name + " has a " +
                   std::string(ex::to_string(kind)) + " design");
}

int analyze_database(const AnalyzeOptions& o) {
  const auto results = ex::ResultsStore::open_read_only(o.db).read_all();
  require_design(results, o.sobol, o.morris);
  if (o.prim.enabled())
    if (const auto problem = prim_request_problem(o.prim, results); !problem.empty()) throw BadInput(problem);
  std::size_t failed = 0;
  for (const auto& run : results.runs) failed += !run.ok;
  std::cout << "Experiment " << results.name << " (" << o.db << "): " << results.points.size() << " points x "
            << results.replicates << " replicates; " << results.runs.size() << " of "
            << results.points.size() * results.replicates << " runs finished, " << failed << " failed\n";

  std::vector<std::vector<ex::MeanInterval>> means(results.outcomes.size());
  for (std::size_t k = 0; k < results.outcomes.size(); ++k) {
    for (const auto& values : replicate_values(results, k)) means[k].push_back(ex::mean_with_interval(values));
    print_means(results, k, means[k]);
  }
  const fs::path folder = o.out.empty() ? fs::path(o.db).parent_path() : fs::path(o.out);
  const std::string stem = fs::path(o.db).stem().string();
  write_output(folder / (stem + "-means.csv"), means_csv(results, means));
  if (o.regression) {
    std::vector<std::vector<double>> y(results.outcomes.size());
    for (std::size_t k = 0; k < results.outcomes.size(); ++k)
      for (const auto& m : means[k]) y[k].push_back(m.n > 0 ? m.mean : std::nan(""));
    write_output(folder / (stem + "-regression.csv"), regression_summaries(results, y));
  }
  if (o.prim.enabled()) {
    for (std::size_t k = 0; k < results.outcomes.size(); ++k) {
      if (results.outcomes[k].label() != o.prim.outcome) continue;
      std::vector<double> y;
      for (const auto& m : means[k]) y.push_back(m.n > 0 ? m.mean : std::nan(""));
      discover_scenarios(o.prim, results, y, folder, stem);
    }
  }
  if (!o.sobol && !o.morris) return exit_ok;

  bool complete = true;
  const auto outputs = point_means(results, means, complete);
  std::vector<std::string> factors;
  for (const auto& factor : results.factors) factors.push_back(factor.key);
  std::vector<Indices> indices;
  complete = analyse_outputs(results.unit_design(), factors, outputs, o.sobol, o.morris, indices) && complete;
  write_indices(folder, stem, factors, indices, o.sobol, o.morris);
  return complete ? exit_ok : exit_failure;
}

// --- CSV mode ------------------------------------------------------------------------------------

/// The unit coordinate of value `x` of `factor`, or nullopt when x is not one of its values.
std::optional<double> unit_coordinate(const ex::Factor& factor, double x) {
  if (factor.is_list()) {
    for (std::size_t i = 0; i < factor.values.size(); ++i)
      if (sim::numeric_value(factor.values[i]) == x)
        return (static_cast<double>(i) + 0.5) / static_cast<double>(factor.values.size());
    return std::nullopt;
  }
  if (factor.max == factor.min) return x == factor.min ? std::optional<double>(0.0) : std::nullopt;
  // Printing and reading a value may move it by a rounding step; anything further is outside.
  const double slack = 1e-9 * (factor.max - factor.min);
  if (x < factor.min - slack || x > factor.max + slack) return std::nullopt;
  return std::clamp(factor.unit_of(x), 0.0, 1.0);
}

std::string allowed_values(const ex::Factor& factor) {
  if (!factor.is_list()) return "in [" + sim::format_number(factor.min) + ", " + sim::format_number(factor.max) + "]";
  std::string text = "one of";
  for (const auto& v : factor.values) text += " " + sim::format_value(v);
  return text;
}

/// X's column of each factor, in the parameter file's order.
std::vector<std::size_t> factor_columns(const ex::NumericTable& x, const std::vector<ex::Factor>& factors,
                                        const std::string& x_name) {
  std::vector<std::size_t> columns;
  for (const auto& factor : factors) {
    const auto column = x.column_index(factor.key);
    if (!column) throw BadInput(x_name + " has no column '" + factor.key + "' (a factor of the parameter file)");
    columns.push_back(*column);
  }
  if (x.columns.size() != factors.size())
    throw BadInput(x_name + " has " + std::to_string(x.columns.size()) + " columns but the parameter file has " +
                   std::to_string(factors.size()) + " factors; X must hold exactly the factors' columns");
  return columns;
}

/// X mapped back to the unit hypercube, with the size its kind implies.
ex::UnitDesign unit_design_from(const ex::NumericTable& x, const std::vector<ex::Factor>& factors, ex::DesignKind kind,
                                const std::string& x_name) {
  const auto columns = factor_columns(x, factors, x_name);
  const std::size_t d = factors.size();
  ex::UnitDesign design;
  design.kind = kind;
  design.dimensions = d;
  for (std::size_t r = 0; r < x.rows.size(); ++r)
    for (std::size_t j = 0; j < d; ++j) {
      const double value = x.rows[r][columns[j]];
      const auto u = unit_coordinate(factors[j], value);
      if (!u)
        throw BadInput(x_name + " data row " + std::to_string(r + 1) + ", column '" + factors[j].key + "': " +
                       sim::format_number(value) + " is not a value of this factor (" + allowed_values(factors[j]) + ")");
      design.unit.push_back(*u);
    }
  const std::size_t per_block = kind == ex::DesignKind::sobol ? d + 2 : d + 1;
  if (x.rows.size() % per_block != 0 || x.rows.empty())
    throw BadInput(x_name + " has " + std::to_string(x.rows.size()) + " rows; a " + std::string(ex::to_string(kind)) +
                   " design of " + std::to_string(d) + " factors has a multiple of " + std::to_string(per_block));
  design.base_samples = x.rows.size() / per_block;
  return design;
}

/// Saltelli's order: row r of AB_i equals row r of A except factor i, which comes from B.
void check_saltelli_order(const ex::UnitDesign& design, const std::string& x_name) {
  const std::size_t n = design.base_samples, d = design.dimensions;
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t r = 0; r < n; ++r) {
      const std::size_t ab = (2 + i) * n + r;
      for (std::size_t j = 0; j < d; ++j) {
        const double expected = design.at(j == i ? n + r : r, j);
        if (design.at(ab, j) != expected)
          throw BadInput(x_name + " data row " + std::to_string(ab + 1) + " is not row " + std::to_string(r + 1) +
                         " of A with factor " + std::to_string(i + 1) + " from B: X must list A, B, AB_1..AB_d in "
                         "that order (as shanzhi sample --design sobol writes it)");
      }
    }
}

/// Every unit coordinate of a range factor lies on the `levels`-point grid of a Morris design.
void check_morris_grid(const ex::UnitDesign& design, const std::vector<ex::Factor>& factors, std::int64_t levels,
                       const std::string& x_name) {
  const double step = 1.0 / static_cast<double>(levels - 1);
  for (std::size_t p = 0; p < design.point_count(); ++p)
    for (std::size_t j = 0; j < design.dimensions; ++j) {
      if (factors[j].is_list()) continue;
      const double position = design.at(p, j) / step;
      if (std::fabs(position - std::round(position)) > 1e-6)
        throw BadInput(x_name + " data row " + std::to_string(p + 1) + ", column '" + factors[j].key +
                       "' is not on a " + std::to_string(levels) + "-level grid; was X sampled with --levels " +
                       std::to_string(levels) + "?");
    }
}

/// Every trajectory of a Morris design moves one factor at a time, each factor once: rows
/// t·(d+1)+k−1 and t·(d+1)+k differ in exactly one coordinate, and the d steps cover d factors.
/// Anything else (an LHS or Sobol sample given as --design morris) is refused before any file is
/// written, rather than giving meaningless elementary effects.
void check_morris_trajectories(const ex::UnitDesign& design, const std::string& x_name) {
  const std::size_t d = design.dimensions;
  for (std::size_t t = 0; t < design.base_samples; ++t) {
    std::vector<bool> moved(d, false);
    for (std::size_t k = 1; k <= d; ++k) {
      const std::size_t row = t * (d + 1) + k;
      std::size_t changed = 0, which = 0;
      for (std::size_t j = 0; j < d; ++j)
        if (design.at(row, j) != design.at(row - 1, j)) ++changed, which = j;
      if (changed != 1 || moved[which])
        throw BadInput(x_name + " data row " + std::to_string(row + 1) + " does not move exactly one new factor from row " +
                       std::to_string(row) + ": X is not a Morris design (shanzhi sample --design morris writes one)");
      moved[which] = true;
    }
  }
}

int analyze_csv(const AnalyzeOptions& o) {
  const auto kind = *ex::parse_design_kind(o.design);  // CLI11 allowed only sobol and morris
  const auto factors = ex::load_factor_file(o.params);
  const auto x = ex::read_numeric_csv(o.x);
  const auto y = ex::read_numeric_csv(o.y);
  auto design = unit_design_from(x, factors, kind, o.x);
  if (y.rows.size() != x.rows.size())
    throw BadInput(o.y + " has " + std::to_string(y.rows.size()) + " rows but " + o.x + " has " +
                   std::to_string(x.rows.size()) + "; Y must have one row per design point, in X's order");
  if (o.n && static_cast<std::size_t>(*o.n) != design.base_samples)
    throw BadInput("--n " + std::to_string(*o.n) + " does not match " + o.x + ", which holds N = " +
                   std::to_string(design.base_samples));
  if (kind == ex::DesignKind::sobol) check_saltelli_order(design, o.x);
  if (kind == ex::DesignKind::morris) check_morris_trajectories(design, o.x);
  if (kind == ex::DesignKind::morris && o.levels) check_morris_grid(design, factors, *o.levels, o.x);

  std::cout << o.x << ": " << ex::to_string(kind) << " design of " << factors.size() << " factors, "
            << (kind == ex::DesignKind::sobol ? "N = " : "trajectories = ") << design.base_samples << " ("
            << design.point_count() << " rows); " << y.columns.size() << " outputs in " << o.y << "\n";
  std::vector<std::pair<std::string, std::vector<double>>> outputs;
  for (std::size_t c = 0; c < y.columns.size(); ++c) outputs.emplace_back(y.columns[c], y.column(c));
  std::vector<std::string> names;
  for (const auto& factor : factors) names.push_back(factor.key);
  const bool sobol = kind == ex::DesignKind::sobol;
  std::vector<Indices> results;
  const bool complete = analyse_outputs(design, names, outputs, sobol, !sobol, results);
  const fs::path folder = o.out.empty() ? fs::path(o.y).parent_path() : fs::path(o.out);
  write_indices(folder, fs::path(o.y).stem().string(), names, results, sobol, !sobol);
  return complete ? exit_ok : exit_failure;
}

// --- dispatch ------------------------------------------------------------------------------------

void check_mode(const AnalyzeOptions& o) {
  const bool csv_mode = !o.design.empty() || !o.params.empty() || !o.x.empty() || !o.y.empty();
  if (!o.db.empty() && csv_mode)
    throw BadInput("give either a results database, or --design/--params/--x/--y for outputs computed elsewhere, not both");
  if (o.db.empty() && !csv_mode)
    throw BadInput("name a results database (shanzhi analyze DB), or use --design --params --x --y; see --help");
  if (!csv_mode && (o.n || o.levels)) throw BadInput("--n and --levels apply only with --design/--params/--x/--y");
  if (!o.prim.enabled() && (o.prim.below || o.prim.above || o.prim.tree))
    throw BadInput("--below, --above and --tree go with --prim OUTCOME");
  if (csv_mode && o.prim.enabled()) throw BadInput("--prim reads a results database (shanzhi analyze DB --prim ...)");
  if (!csv_mode) return;
  if (o.sobol || o.morris || o.regression)
    throw BadInput("--sobol/--morris/--regression apply to a database; with CSV files --design chooses");
  if (o.design.empty() || o.params.empty() || o.x.empty() || o.y.empty())
    throw BadInput("analysing CSV files needs all of --design, --params, --x and --y");
  if (o.levels && o.design != "morris") throw BadInput("--levels applies only to --design morris");
}

int analyze(const AnalyzeOptions& o) {
  try {
    check_mode(o);
    return o.db.empty() ? analyze_csv(o) : analyze_database(o);
  } catch (const BadInput& e) {
    std::cerr << "shanzhi analyze: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return exit_bad_input;
  } catch (const ex::StoreRefused& e) {
    std::cerr << "shanzhi analyze: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const std::exception& e) {
    std::cerr << "shanzhi analyze: " << e.what() << "\n";
    return exit_failure;
  }
}

}  // namespace

Command add_analyze_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("analyze", "Per-point means with intervals, Sobol indices and Morris effects");
  auto o = std::make_shared<AnalyzeOptions>();
  cmd->add_option("db", o->db, "Results database written by shanzhi sweep");
  cmd->add_flag("--sobol", o->sobol, "Also first- and total-order Sobol indices (needs a sobol design)");
  cmd->add_flag("--morris", o->morris, "Also Morris mu*, mu and sigma (needs a morris design)");
  cmd->add_flag("--regression", o->regression,
                "Also standardised regression coefficients with 95% intervals and R² (any design; NAME-regression.csv)");
  cmd->add_option("--out", o->out, "Folder for the CSV files (default: beside the database, or beside --y)");
  cmd->add_option("--prim", o->prim.outcome,
                  "Scenario discovery: the outcome whose cases PRIM boxes in, e.g. satisfaction_mean/final "
                  "(with --below or --above)");
  cmd->add_option("--below", o->prim.below, "--prim: a point is a case when the outcome's mean is below this");
  cmd->add_option("--above", o->prim.above, "--prim: a point is a case when the outcome's mean is above this");
  cmd->add_option("--min-density", o->prim.min_density,
                  "--prim: the box shown is the largest coverage with at least this density (default 0.8)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--tree", o->prim.tree, "--prim: also a classification tree of the same cases, as rules (NAME-tree.csv)");
  cmd->add_option("--design", o->design, "CSV mode: the design X was sampled with")
      ->check(CLI::IsMember({"sobol", "morris"}));
  cmd->add_option("--params", o->params, "CSV mode: parameter file with the [[factor]] tables X was sampled from");
  cmd->add_option("--x", o->x, "CSV mode: design points, one column per factor (shanzhi sample --out)");
  cmd->add_option("--y", o->y, "CSV mode: outputs, one row per design point in X's order, one column per output");
  cmd->add_option("--n", o->n, "CSV mode: check that X holds this many base samples (sobol) or trajectories (morris)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--levels", o->levels, "CSV mode: check that X lies on a grid of this many levels (morris)")
      ->check(CLI::Range(std::int64_t{2}, std::int64_t{1'000'000}));
  cmd->footer(
      "Files written (replaced if present): STEM-means.csv (point, factors, metric, statistic, runs, mean,\n"
      "sd, ci_low, ci_high), STEM-sobol.csv and STEM-morris.csv (output, factor, indices), where STEM\n"
      "is the database's name, or Y's in CSV mode. Indices use the per-point mean over replicates.\n"
      "In CSV mode X is mapped back to unit coordinates through the parameter file's ranges and\n"
      "must be in the design's order (checked); N comes from the row count.");
  return {cmd, [o] { return analyze(*o); }};
}

}  // namespace shanzhi::cli
