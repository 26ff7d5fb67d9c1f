#pragma once
// What each fuzz target does with one input, shared by the libFuzzer programs (fuzz/*.cpp) and by
// the ordinary test suite, which replays the seed corpus and every regression input through the
// same functions (tests/reliability/test_fuzz_corpus.cpp).
//
// Each function feeds the bytes to a reader the way the `shanzhi` program does, through a file
// when the program reads a file. The only exception a reader may throw for bad input is
// sim::ScenarioError; anything else (another exception, a crash, a sanitizer report) escapes and
// is a bug the fuzzer reports.

#include "models/governance/experiments/experiment_runner.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/experiments/csv_table.hpp"
#include "sim/experiments/experiment.hpp"
#include "sim/experiments/factors.hpp"
#include "sim/scenario/scenario.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace shanzhi::fuzz {

/// A valid one-community scenario that inputs can name: experiment seeds say base = "base.toml",
/// scenario seeds may say extends = "base.toml".
inline constexpr std::string_view base_scenario =
    "[run]\nweeks = 4\nburn_in_weeks = 0\n"
    "[district]\nstreets = 1\ncommunities_per_street = 1\nresidents_per_community = 200\n"
    "residents_per_compound = 100\n";

/// A private folder for the files the readers open, made once per process and removed at exit.
class Scratch {
 public:
  static const Scratch& get() {
    static const Scratch scratch;
    return scratch;
  }
  std::filesystem::path file(const std::string& name) const { return dir_ / name; }

  /// Writes `bytes` exactly to `name` in the folder and returns its path.
  std::filesystem::path write(const std::string& name, std::string_view bytes) const {
    const auto path = file(name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("fuzz scratch: cannot write " + path.string());
    return path;
  }

  ~Scratch() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

 private:
  Scratch() {
    std::string pattern = (std::filesystem::temp_directory_path() / "shanzhi_fuzz_XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("fuzz scratch: mkdtemp failed");
    dir_ = pattern;
    write("base.toml", base_scenario);
  }
  std::filesystem::path dir_;
};

/// `shanzhi validate FILE --set LINE`: the whole scenario path (file checks, TOML, schema,
/// extends, rules across keys), and the input's first line as a --set override.
inline void scenario_input(std::string_view bytes) {
  const auto path = Scratch::get().write("scenario.toml", bytes);
  try {
    gov::load_governance_scenario(path.string(), {});
  } catch (const sim::ScenarioError&) {
  }
  const auto first_line = bytes.substr(0, bytes.find('\n'));
  try {
    sim::ScenarioDocument doc;
    sim::apply_override(doc, first_line, gov::governance_schema().infos());
  } catch (const sim::ScenarioError&) {
  }
}

/// `shanzhi sweep FILE` up to the first run: reading the experiment and its base, then planning
/// its runs and their canonical text when the plan is small enough to make quickly.
inline void experiment_input(std::string_view bytes) {
  const auto path = Scratch::get().write("experiment.toml", bytes);
  sim::experiments::Experiment experiment;
  try {
    experiment = gov::load_governance_experiment(path.string());
  } catch (const sim::ScenarioError&) {
    return;
  }
  const auto text = sim::experiments::canonical_text(experiment);
  (void)sim::experiments::fnv1a_hex(text);
  // Planning is linear in points x replicates; large (valid) plans are slow, not interesting.
  const auto& design = experiment.design;
  const bool factorial = design.kind == sim::experiments::DesignKind::full_factorial;
  const bool small = experiment.replicates <= 10 && design.samples <= 1000 &&
                     (!factorial || (design.levels <= 10 && experiment.factors.size() <= 3));
  if (!small) return;
  try {
    (void)sim::experiments::plan_experiment(experiment);
  } catch (const std::invalid_argument&) {  // an impossible design size, refused by the sweep
  }
}

/// `shanzhi sample --params FILE`: a factor file (TOML [[factor]] tables).
inline void factor_file_input(std::string_view bytes) {
  const auto path = Scratch::get().write("factors.toml", bytes);
  try {
    const auto factors = sim::experiments::load_factor_file(path.string());
    for (const auto& factor : factors)
      for (const double u : {0.0, 0.25, 0.5, 0.999, 1.0}) (void)factor.value_at(u);
  } catch (const sim::ScenarioError&) {
  }
}

/// `shanzhi analyze --x X.csv --y Y.csv`: the numeric CSV reader.
inline void csv_input(std::string_view bytes) {
  try {
    const auto table = sim::experiments::parse_numeric_csv(bytes, "fuzz.csv");
    for (std::size_t c = 0; c < table.columns.size(); ++c) (void)table.column(c);
  } catch (const sim::ScenarioError&) {
  }
}

}  // namespace shanzhi::fuzz
