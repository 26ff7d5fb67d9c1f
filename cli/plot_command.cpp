// `shanzhi plot DB --out DIR`: PNG figures of a sweep, drawn by gnuplot from data files written
// beside them (so a researcher can restyle any figure by editing its .gp script):
//   OUTCOME-vs-FACTOR.png   per-point means over replicates with 95% intervals against each factor
//   OUTCOME-sobol.png       first- and total-order Sobol indices with bootstrap intervals (Sobol designs)
//   OUTCOME-morris.png      the Morris μ*–σ plane, one labelled point per factor (Morris designs)

#include "cli/commands.hpp"
#include "cli/output_directory.hpp"
#include "models/governance/experiments/comparison.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "sim/experiments/analysis.hpp"
#include "sim/experiments/results_store.hpp"
#include "sim/output/run_outputs.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace shanzhi::cli {
namespace {

namespace fs = std::filesystem;
namespace ex = sim::experiments;

struct PlotOptions {
  std::string database;
  std::string out;
  bool force = false;
};

/// File-name-safe form of a metric or key ("purchase.budget_per_community_yuan" stays readable).
std::string safe(const std::string& text) {
  std::string out;
  for (unsigned char c : text) out += (std::isalnum(c) || c == '.' || c == '_' || c == '-') ? static_cast<char>(c) : '_';
  return out;
}

/// The unit of a scenario key (the schema's) or an outcome's metric, or empty.
std::string unit_of_key(const std::string& key) {
  const auto* entry = gov::governance_schema().find(key);
  return entry ? entry->info.unit : "";
}

std::string unit_of_metric(const std::string& metric) {
  for (const auto& m : gov::compared_metrics())
    if (m.name == metric) return m.unit;
  return "";
}

/// How an axis shows its numbers: large amounts in thousands or millions (said in the label),
/// so that ticks never mix 1x10^6 with 800000.
struct AxisScale {
  double divisor = 1;
  std::string label;  ///< "key (unit)" or "key (unit, thousands)"
};

AxisScale axis_scale(const std::string& name, const std::string& unit, double largest_magnitude) {
  AxisScale scale;
  std::string note = unit;
  if (largest_magnitude >= 1e6) scale.divisor = 1e6, note += std::string(note.empty() ? "" : ", ") + "millions";
  else if (largest_magnitude >= 1e4) scale.divisor = 1e3, note += std::string(note.empty() ? "" : ", ") + "thousands";
  scale.label = note.empty() ? name : name + " (" + note + ")";
  return scale;
}

/// A factor's value on the x axis: the number itself, or the level's unit coordinate for
/// choices and switches.
double x_of(const ex::DesignPoint& point, std::size_t j) {
  const auto& value = point.settings[j].second;
  if (const auto* d = std::get_if<double>(&value)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  return point.unit[j];
}

std::vector<ex::MeanInterval> point_means(const ex::StoredResults& results, std::size_t k) {
  std::vector<std::vector<double>> by_point(results.points.size());
  for (const auto& run : results.runs)
    if (run.ok && run.point < by_point.size() && !std::isnan(run.values[k])) by_point[run.point].push_back(run.values[k]);
  std::vector<ex::MeanInterval> means;
  for (const auto& values : by_point) means.push_back(ex::mean_with_interval(values));
  return means;
}

const char* terminal = "set terminal pngcairo size 900,600 font 'WenQuanYi Micro Hei,11'\n";

/// `text` as one word for the shell, whatever quotes it holds.
std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// `text` inside a gnuplot single-quoted string (a quote is written twice).
std::string gnuplot_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

/// `text` inside a gnuplot double-quoted string: lines break where `text` has a newline.
std::string gnuplot_lines(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') out += "\\n";
    else if (c == '"' || c == '\\') out += std::string("\\") + c;
    else out += c;
  }
  return out + "\"";
}

/// Writes NAME.dat and NAME.gp into `dir` and runs gnuplot on the script; returns the PNG path.
/// gnuplot draws into a temporary file that is renamed into place once complete, so an
/// interrupted plot never leaves a half-drawn PNG. The script still names the final PNG when
/// run by hand (`outfile` is only set by this command).
fs::path draw(const fs::path& dir, const std::string& name, const std::string& data, const std::string& script) {
  sim::write_file_atomically(dir / (name + ".dat"), data);
  const fs::path png = dir / (name + ".png");
  const fs::path gp = dir / (name + ".gp");
  sim::write_file_atomically(gp, std::string(terminal) + "if (!exists(\"outfile\")) outfile = " +
                                     gnuplot_quoted(name + ".png") + "\nset output outfile\n" + script);
  // The temporary is created here, exclusively under a random name, so gnuplot writes into a
  // regular file of ours and never through a planted link.
  std::string partial_name = png.string() + ".tmp.XXXXXX";
  const int fd = ::mkostemp(partial_name.data(), O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file beside " + png.string() + ": " + std::strerror(errno));
  ::close(fd);
  const fs::path partial = partial_name;
  const std::string command =
      "cd " + shell_quoted(dir.string()) + " && gnuplot -e " + shell_quoted("outfile = " + gnuplot_quoted(partial.filename().string())) +
      " " + shell_quoted(gp.filename().string()) + " 2>&1";
  std::error_code error;
  const bool drawn = std::system(command.c_str()) == 0 && fs::exists(partial, error) && fs::file_size(partial, error) > 0;
  if (drawn) fs::rename(partial, png, error);
  if (!drawn || error) {
    fs::remove(partial, error);
    throw std::runtime_error("gnuplot could not draw " + png.string() + " (is gnuplot installed? scripts/setup.sh installs it)");
  }
  return png;
}

/// Each design point's mean over replicates with its 95% interval, against one factor. Points
/// are not joined: neighbours on this axis differ in the other factors too, so a line or band
/// between them would draw a trend that is not there.
fs::path plot_against_factor(const fs::path& dir, const ex::StoredResults& results, std::size_t k, std::size_t j,
                             const std::vector<ex::MeanInterval>& means) {
  std::vector<std::pair<double, std::size_t>> order;
  double x_largest = 0, y_largest = 0;
  for (const auto& point : results.points)
    if (means[point.index].n > 0) {
      order.push_back({x_of(point, j), point.index});
      x_largest = std::max(x_largest, std::fabs(order.back().first));
      y_largest = std::max(y_largest, std::fabs(means[point.index].mean));
    }
  std::sort(order.begin(), order.end());
  const auto& outcome = results.outcomes[k];
  const auto x_axis = axis_scale(results.factors[j].key, unit_of_key(results.factors[j].key), x_largest);
  const auto y_axis = axis_scale(outcome.label(), unit_of_metric(outcome.metric), y_largest);
  std::ostringstream data;
  data << "# x mean low high (x / " << x_axis.divisor << ", y / " << y_axis.divisor << ")\n";
  for (const auto& [x, p] : order)
    data << sim::format_number(x / x_axis.divisor) << ' ' << sim::format_number(means[p].mean / y_axis.divisor) << ' '
         << sim::format_number((means[p].mean - means[p].half_width) / y_axis.divisor) << ' '
         << sim::format_number((means[p].mean + means[p].half_width) / y_axis.divisor) << '\n';
  const std::string name = safe(outcome.label()) + "-vs-" + safe(results.factors[j].key);
  const std::string file = name + ".dat";  // relative: the script is run in its folder
  const std::string script =
      "set title " + gnuplot_lines(outcome.label() + " against " + results.factors[j].key + " (" + results.name +
                                   ")\neach point a design point; the other factors vary between points") +
      " noenhanced font ',10'\n"
      "set xlabel " + gnuplot_quoted(x_axis.label) + " noenhanced\nset ylabel " + gnuplot_quoted(y_axis.label) +
      " noenhanced\nset format x '%g'\nset format y '%g'\nset lmargin 12\nset key top left\nset grid\n"
      "plot '" + file + "' using 1:2:3:4 with yerrorbars pt 7 ps 0.6 lc rgb '#08519c' "
      "title 'mean over replicates, 95% interval'\n";
  return draw(dir, name, data.str(), script);
}

/// Widest Sobol interval that still reads as an estimate: wider, the sample is too small.
constexpr double widest_readable_interval = 0.2;

/// Why the Sobol indices of one output cannot be read at face value, or empty: negative
/// estimates below noise, or intervals too wide for the number of base samples.
std::string sobol_warning(const std::vector<ex::SobolIndex>& indices, std::size_t base_samples) {
  double widest = 0, most_negative = 0;
  for (const auto& s : indices) {
    widest = std::max({widest, s.first_high - s.first_low, s.total_high - s.total_low});
    most_negative = std::min({most_negative, s.first, s.total});
  }
  std::string warning;
  if (widest > widest_readable_interval)
    warning = "intervals up to " + sim::format_number(std::round(widest * 100) / 100) + " wide: N = " +
              std::to_string(base_samples) + " base samples is too few to rank these factors";
  if (most_negative < -0.05)
    warning += std::string(warning.empty() ? "" : "; ") + "negative estimates (down to " +
               sim::format_number(std::round(most_negative * 100) / 100) + ") are sampling noise";
  return warning;
}

/// First- and total-order indices with their bootstrap intervals. The y-range follows the
/// estimates, negative ones included: hiding them below zero would hide the noise they show.
fs::path plot_sobol(const fs::path& dir, const ex::StoredResults& results, std::size_t k,
                    const std::vector<ex::SobolIndex>& indices) {
  std::ostringstream data;
  data << "# factor first low high total low high\n";
  for (std::size_t j = 0; j < indices.size(); ++j) {
    const auto& s = indices[j];
    data << '"' << results.factors[j].key << "\" " << sim::format_number(s.first) << ' ' << sim::format_number(s.first_low)
         << ' ' << sim::format_number(s.first_high) << ' ' << sim::format_number(s.total) << ' '
         << sim::format_number(s.total_low) << ' ' << sim::format_number(s.total_high) << '\n';
  }
  const auto warning = sobol_warning(indices, results.base_samples);
  if (!warning.empty()) std::cerr << "shanzhi plot: " << results.outcomes[k].label() << ": " << warning << "\n";
  const std::string name = safe(results.outcomes[k].label()) + "-sobol";
  const std::string file = name + ".dat";  // relative: the script is run in its folder
  const std::string title = "Sobol indices of " + results.outcomes[k].label() + " (95% bootstrap intervals)" +
                            (warning.empty() ? "" : "\nwarning: " + warning);
  const std::string script =
      "set title " + gnuplot_lines(title) + " noenhanced font ',10'" + (warning.empty() ? "" : " tc rgb '#b22222'") + "\n"
      "set style data histogram\nset style histogram errorbars gap 1 lw 1\nset style fill solid 0.7\n"
      "set yrange [*:*]\nset xzeroaxis lt -1\nset grid ytics\nset xtics noenhanced rotate by -30 left font ',9'\n"
      "set bmargin 12\nset key top right\nset ylabel 'share of the output variance'\n"
      "plot '" + file + "' using 2:3:4:xtic(1) title 'first order S', '' using 5:6:7 title 'total order ST'\n";
  return draw(dir, name, data.str(), script);
}

fs::path plot_morris(const fs::path& dir, const ex::StoredResults& results, std::size_t k,
                     const std::vector<ex::MorrisIndex>& indices) {
  std::ostringstream data;
  data << "# mu_star sigma factor\n";
  for (std::size_t j = 0; j < indices.size(); ++j)
    data << sim::format_number(indices[j].mu_star) << ' ' << sim::format_number(indices[j].sigma) << " \""
         << results.factors[j].key << "\"\n";
  const std::string name = safe(results.outcomes[k].label()) + "-morris";
  const std::string file = name + ".dat";  // relative: the script is run in its folder
  const std::string script =
      "set title \"Morris screening of " + results.outcomes[k].label() + "\" noenhanced\n"
      "set xlabel 'mu* (mean absolute elementary effect)'\nset ylabel 'sigma (interaction or non-linearity)'\n"
      "set grid\nset offsets graph 0.1, graph 0.3, graph 0.1, graph 0.1\n"
      "plot '" + file + "' using 1:2 with points pt 7 ps 1.2 lc rgb '#08519c' notitle, \\\n"
      "     '' using 1:2:3 with labels offset 1,1 left noenhanced notitle\n";
  return draw(dir, name, data.str(), script);
}

std::vector<fs::path> plot_outcome(const fs::path& dir, const ex::StoredResults& results, std::size_t k) {
  std::vector<fs::path> files;
  const auto means = point_means(results, k);
  for (std::size_t j = 0; j < results.factors.size(); ++j) files.push_back(plot_against_factor(dir, results, k, j, means));
  if (results.kind != ex::DesignKind::sobol && results.kind != ex::DesignKind::morris) return files;
  std::vector<double> y;
  for (const auto& m : means) y.push_back(m.mean);
  if (std::any_of(y.begin(), y.end(), [](double v) { return !std::isfinite(v); })) {
    std::cerr << "shanzhi plot: " << results.outcomes[k].label()
              << ": some points have no successful run; no sensitivity figure\n";
    return files;
  }
  const auto design = results.unit_design();
  if (results.kind == ex::DesignKind::sobol) files.push_back(plot_sobol(dir, results, k, ex::sobol_indices(design, y)));
  if (results.kind == ex::DesignKind::morris) files.push_back(plot_morris(dir, results, k, ex::morris_indices(design, y)));
  return files;
}

int plot(const PlotOptions& o) {
  ex::StoredResults results;
  try {
    results = ex::ResultsStore::open_read_only(o.database).read_all();
  } catch (const std::exception& e) {
    std::cerr << "shanzhi plot: " << e.what() << "\n";
    return exit_bad_input;
  }
  const fs::path dir = o.out.empty() ? fs::path(o.database).parent_path() / (results.name + "-figures") : fs::path(o.out);
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec) && !o.force) {
    std::cerr << "shanzhi plot: " << dir.string() << " is not empty; choose another --out or add --force\n";
    return exit_bad_input;
  }
  // The figures appear together or not at all (a full disk used to leave the .dat files).
  OutputDirectory out;
  try {
    out = staged_output_directory(dir);
  } catch (const OutputRefused& e) {
    std::cerr << "shanzhi plot: " << e.what() << "\n";
    return exit_bad_input;
  }
  try {
    std::size_t count = 0;
    for (std::size_t k = 0; k < results.outcomes.size(); ++k) count += plot_outcome(out.writing(), results, k).size();
    publish(out);
    std::cout << "Wrote " << count << " figures (PNG, with their .dat data and .gp gnuplot scripts) to " << dir.string() << "/\n";
  } catch (const std::exception& e) {
    std::cerr << "shanzhi plot: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace

Command add_plot_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("plot", "Draw PNG figures of a sweep's results database with gnuplot");
  auto o = std::make_shared<PlotOptions>();
  cmd->add_option("database", o->database, "Results database written by shanzhi sweep")->required();
  cmd->add_option("--out", o->out, "Folder for the figures (default: beside the database, NAME-figures/)");
  cmd->add_flag("--force", o->force, "Write into a folder that already holds files");
  return {cmd, [o] { return plot(*o); }};
}

}  // namespace shanzhi::cli
