// `shanzhi sample`: writes a sampling design over the factors of a parameter file as CSV, so a
// researcher can run any model on its rows and analyze the outputs with `shanzhi analyze`.

#include "cli/commands.hpp"
#include "cli/output_directory.hpp"
#include "sim/experiments/design.hpp"
#include "sim/experiments/factors.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>

namespace shanzhi::cli {
namespace {

namespace fs = std::filesystem;
namespace ex = sim::experiments;

constexpr std::int64_t default_levels = 4;

struct SampleOptions {
  std::string design;
  std::string params;
  std::optional<std::int64_t> n;
  std::optional<std::int64_t> levels;
  std::int64_t seed = 1;
  std::string out;
  bool force = false;
};

/// A problem with the options or the input: printed, and the command exits with code 2.
class BadInput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The design spec the options ask for, after checking that --n and --levels fit the design.
ex::DesignSpec design_spec(const SampleOptions& o) {
  ex::DesignSpec spec;
  spec.kind = *ex::parse_design_kind(o.design);  // CLI11 allowed only known names
  const bool factorial = spec.kind == ex::DesignKind::full_factorial;
  const bool uses_levels = factorial || spec.kind == ex::DesignKind::morris;
  if (factorial && o.n)
    throw BadInput("--n does not apply to a full factorial: its size is the product of the factors' levels");
  if (!factorial && !o.n)
    throw BadInput("--n is required for a " + o.design + " design (" +
                   (spec.kind == ex::DesignKind::morris ? "trajectories" : spec.kind == ex::DesignKind::sobol ? "base samples N" : "points") + ")");
  if (!uses_levels && o.levels) throw BadInput("--levels applies only to the morris and factorial designs");
  if (o.n && *o.n < 1) throw BadInput("--n must be at least 1, got " + std::to_string(*o.n));
  if (o.levels && *o.levels < 2) throw BadInput("--levels must be at least 2, got " + std::to_string(*o.levels));
  spec.samples = o.n.value_or(1);
  spec.levels = o.levels.value_or(default_levels);
  spec.seed = static_cast<std::uint64_t>(o.seed);
  return spec;
}

/// Refuses an --out that would lose a file or cannot be written.
void check_output_path(const SampleOptions& o) {
  if (auto problem = output_file_problem(o.out, o.force, false); !problem.empty()) throw BadInput(problem);
}

std::string csv_value(const sim::ParamValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return sim::format_number(*real);
  return sim::csv_field(sim::format_value(value));
}

/// One header line of factor keys, then one line per design point with the factors' values.
std::string design_csv(const std::vector<ex::Factor>& factors, const ex::UnitDesign& design) {
  std::string text;
  std::vector<std::string> fields;
  for (const auto& factor : factors) fields.push_back(sim::csv_field(factor.key));
  sim::append_csv_line(text, fields);
  for (std::size_t p = 0; p < design.point_count(); ++p) {
    fields.clear();
    for (std::size_t j = 0; j < factors.size(); ++j) fields.push_back(csv_value(factors[j].value_at(design.at(p, j))));
    sim::append_csv_line(text, fields);
  }
  return text;
}

std::vector<std::size_t> list_levels(const std::vector<ex::Factor>& factors) {
  std::vector<std::size_t> levels;
  for (const auto& factor : factors) levels.push_back(factor.level_count());
  return levels;
}

/// Sobol points are balanced in blocks of 2^k; other sizes work but estimate less well.
void warn_unless_power_of_two(const ex::DesignSpec& spec) {
  const auto n = static_cast<std::uint64_t>(spec.samples);
  if (spec.kind != ex::DesignKind::sobol || (n & (n - 1)) == 0) return;
  std::uint64_t next = 1;
  while (next < n) next <<= 1;
  std::cerr << "shanzhi sample: warning: N = " << n << " is not a power of two; Sobol points are best balanced at "
            << "powers of two (e.g. " << next / 2 << " or " << next << ")\n";
}

std::string size_note(const ex::DesignSpec& spec, std::size_t d) {
  switch (spec.kind) {
    case ex::DesignKind::sobol:
      return "N = " + std::to_string(spec.samples) + " base samples x (" + std::to_string(d) + " factors + 2)";
    case ex::DesignKind::morris:
      return std::to_string(spec.samples) + " trajectories x (" + std::to_string(d) + " factors + 1), " +
             std::to_string(spec.levels) + " levels";
    case ex::DesignKind::full_factorial: return "every combination of levels";
    case ex::DesignKind::latin_hypercube: return std::to_string(spec.samples) + " points";
  }
  return "";
}

int sample(const SampleOptions& o) {
  ex::DesignSpec spec;
  std::vector<ex::Factor> factors;
  ex::UnitDesign design;
  try {
    spec = design_spec(o);
    factors = ex::load_factor_file(o.params);
    design = ex::build_design(spec, factors.size(), list_levels(factors));
    check_output_path(o);
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return exit_bad_input;
  } catch (const std::invalid_argument& e) {
    std::cerr << "shanzhi sample: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const BadInput& e) {
    std::cerr << "shanzhi sample: " << e.what() << "\n";
    return exit_bad_input;
  }
  warn_unless_power_of_two(spec);
  try {
    sim::write_file_atomically(o.out, design_csv(factors, design));
  } catch (const std::exception& e) {
    std::cerr << "shanzhi sample: " << e.what() << "\n";
    return exit_failure;
  }
  std::cout << "Wrote " << design.point_count() << " points of a " << ex::to_string(spec.kind) << " design ("
            << size_note(spec, factors.size()) << ") to " << o.out << "\n";
  return exit_ok;
}

}  // namespace

Command add_sample_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("sample", "Write a sampling design (Sobol, Latin hypercube, Morris, factorial) as CSV");
  auto o = std::make_shared<SampleOptions>();
  cmd->add_option("--design", o->design, "Design: sobol, lhs, morris or factorial")
      ->required()
      ->check(CLI::IsMember({"sobol", "lhs", "morris", "factorial"}));
  cmd->add_option("--params", o->params, "Parameter file: [[factor]] tables with key and min/max or values")
      ->required();
  cmd->add_option("--n", o->n, "sobol: base samples N; lhs: points; morris: trajectories (not for factorial)");
  cmd->add_option("--levels", o->levels, "morris: grid levels (even is best); factorial: points per range factor "
                                         "(default 4)");
  cmd->add_option("--seed", o->seed, "Seed of the design's randomness (default 1); same seed, same design")
      ->check(CLI::Range(static_cast<std::int64_t>(0), static_cast<std::int64_t>(4'000'000'000'000'000'000)));
  cmd->add_option("--out", o->out, "CSV file to write (refused if it exists, unless --force)")->required();
  cmd->add_flag("--force", o->force, "Overwrite --out if it exists");
  cmd->footer(
      "Writes one row per design point and one column per factor (header: the factor keys, in file\n"
      "order), holding the factor's value. Run your model on each row, in order, and keep the outputs\n"
      "in the same order for `shanzhi analyze`. Rows, in order:\n"
      "  sobol      N*(d+2) rows: N rows of matrix A, N rows of B, then for each factor i in file order\n"
      "             N rows of AB_i (A with factor i taken from B)\n"
      "  lhs        N rows, one in each of N equal slices of every factor's range\n"
      "  morris     N trajectories of d+1 rows each; consecutive rows of a trajectory differ in one factor\n"
      "  factorial  every combination of levels, the last factor varying fastest\n"
      "A range factor maps [0,1] to [min,max]; a list factor takes its values in equal bins.");
  return {cmd, [o] { return sample(*o); }};
}

}  // namespace shanzhi::cli
