// The `_shanzhi` extension: runs and paired comparisons of the governance model for Python, with
// the same scenario loading, checks and seeds as the `shanzhi` program, so a result equals the
// CLI's for the same scenario, changes and seed. Scenario errors arrive as shanzhi.ScenarioError
// (a ValueError) carrying the CLI's file:line:column message. The package's __init__.py adds
// pandas DataFrames when pandas is installed.

#include "models/governance/experiments/comparison.hpp"
#include "models/governance/experiments/experiment_runner.hpp"
#include "models/governance/experiments/sweep_runner.hpp"
#include "models/governance/model.hpp"
#include "models/governance/spec/composed_policy.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/experiments/results_store.hpp"
#include "sim/experiments/run_series.hpp"
#include "sim/parallel.hpp"
#include "sim/scenario/scenario.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;
namespace gov = shanzhi::gov;
namespace ex = shanzhi::sim::experiments;

namespace {

/// {key: value} as the CLI's KEY=VALUE overrides: booleans as true/false, the rest as Python
/// writes them (str() of numbers and names).
std::vector<std::string> overrides_from(const py::dict& settings) {
  std::vector<std::string> out;
  for (const auto& [key, value] : settings) {
    std::string text = py::isinstance<py::bool_>(value) ? (value.cast<bool>() ? "true" : "false")
                                                        : py::str(value).cast<std::string>();
    out.push_back(py::str(key).cast<std::string>() + "=" + text);
  }
  return out;
}

std::vector<std::string> run_overrides(const py::dict& settings, std::optional<std::int64_t> seed,
                                       std::optional<std::int64_t> weeks) {
  auto all = overrides_from(settings);
  if (seed) all.push_back("run.seed=" + std::to_string(*seed));
  if (weeks) all.push_back("run.weeks=" + std::to_string(*weeks));
  return all;
}

py::array_t<double> as_array(const std::vector<double>& values) { return py::array_t<double>(values.size(), values.data()); }

/// Every recorded metric week by week, and its final value and mean over the last year.
py::dict run_result(const gov::LoadedScenario& loaded, const gov::GovernanceModel& model) {
  const auto& recorder = model.recorder();
  const auto& metrics = recorder.metrics();
  std::vector<double> weeks;
  for (std::size_t row = 0; row < recorder.row_count(); ++row) weeks.push_back(recorder.week_of_row(row));
  py::dict series, finals, last_year, units;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    std::vector<double> values;
    for (std::size_t row = 0; row < recorder.row_count(); ++row) values.push_back(recorder.value(row, m));
    series[py::str(metrics[m].name)] = as_array(values);
    finals[py::str(metrics[m].name)] = recorder.row_count() ? recorder.final_value(m) : std::nan("");
    last_year[py::str(metrics[m].name)] = recorder.mean_of_last(m, 52);
    units[py::str(metrics[m].name)] = metrics[m].unit;
  }
  py::dict result;
  result["scenario"] = loaded.document.name;
  result["seed"] = loaded.parameters.run.seed;
  result["weeks"] = as_array(weeks);
  result["timeseries"] = series;
  result["final"] = finals;
  result["mean_last_year"] = last_year;
  result["units"] = units;
  return result;
}

py::dict run(const std::string& scenario, const py::dict& settings, std::optional<std::int64_t> seed,
             std::optional<std::int64_t> weeks, int threads) {
  const auto loaded = gov::load_governance_scenario(scenario, run_overrides(settings, seed, weeks));
  shanzhi::sim::set_thread_count(threads);
  std::optional<gov::GovernanceModel> model;
  {
    py::gil_scoped_release free_python;  // the run does not touch Python objects
    model.emplace(loaded.parameters);
    model->run_to_end();
  }
  return run_result(loaded, *model);
}

py::dict interval(const ex::MeanInterval& i) {
  py::dict d;
  d["mean"] = i.mean;
  d["low"] = i.mean - i.half_width;
  d["high"] = i.mean + i.half_width;
  return d;
}

/// One policy's comparison: per metric the baseline, policy and paired difference with 95%
/// intervals and the per-replicate values.
py::dict comparison_result(const gov::LoadedScenario& policy, const ex::Comparison& c) {
  py::dict metrics;
  for (const auto& m : c.metrics) {
    py::dict d;
    d["unit"] = m.metric.unit;
    d["baseline"] = interval(m.baseline_summary);
    d["policy"] = interval(m.policy_summary);
    d["difference"] = interval(m.difference);
    d["baseline_replicates"] = as_array(m.baseline);
    d["policy_replicates"] = as_array(m.policy);
    d["verdict"] = ex::precision_verdict(m);
    metrics[py::str(m.metric.name)] = d;
  }
  py::dict result;
  result["policy"] = policy.document.name;
  result["replicates"] = c.replicates;
  result["seeds"] = c.seeds;
  result["metrics"] = metrics;
  return result;
}

py::list compare(const std::string& baseline, const std::vector<std::string>& policies, std::size_t replicates,
                 std::int64_t seed, std::optional<std::int64_t> weeks, const py::dict& settings,
                 const py::dict& changes, int threads) {
  const auto both = run_overrides(settings, std::nullopt, weeks);
  const auto base = gov::load_governance_scenario(baseline, both);
  std::vector<gov::LoadedScenario> loaded;
  for (const auto& argument : policies) {
    const auto parts = gov::policy_parts(argument);
    loaded.push_back(parts.size() == 1 ? gov::load_governance_scenario(argument, both)
                                       : gov::compose_policy(base, parts, both));
  }
  if (loaded.empty()) loaded.push_back(base);
  if (py::len(changes) > 0)
    for (auto& policy : loaded) policy = gov::with_changes(policy, overrides_from(changes));
  std::vector<gov::GovernanceParameters> arms;
  for (const auto& p : loaded) arms.push_back(p.parameters);
  shanzhi::sim::set_thread_count(threads);
  std::vector<ex::Comparison> results;
  {
    py::gil_scoped_release free_python;
    results = gov::compare_scenarios(base.parameters, arms, replicates, static_cast<std::uint64_t>(seed));
  }
  py::list out;
  for (std::size_t i = 0; i < results.size(); ++i) out.append(comparison_result(loaded[i], results[i]));
  return out;
}

/// A factor's value in every run: numbers (switches 0/1) as a float array, else a list of names.
py::object factor_column(const ex::StoredResults& results, std::size_t j) {
  if (const auto numbers = ex::numeric_factor_by_run(results, j)) return as_array(*numbers);
  py::list names;
  for (const auto& run : results.runs) names.append(shanzhi::sim::format_value(results.points.at(run.point).settings[j].second));
  return names;
}

/// A sweep's results database, one entry per finished run (as `shanzhi export` writes them).
py::dict results(const std::string& database) {
  ex::StoredResults stored;
  try {
    stored = ex::ResultsStore::open_read_only(database).read_all();
  } catch (const ex::StoreRefused& e) {
    throw py::value_error(e.what());
  }
  std::vector<double> point, replicate, ok;
  py::list seeds;
  for (const auto& run : stored.runs) {
    point.push_back(static_cast<double>(run.point));
    replicate.push_back(static_cast<double>(run.replicate));
    ok.push_back(run.ok ? 1 : 0);
    seeds.append(run.seed);
  }
  py::dict factors, outcomes;
  for (std::size_t j = 0; j < stored.factors.size(); ++j) factors[py::str(stored.factors[j].key)] = factor_column(stored, j);
  for (std::size_t k = 0; k < stored.outcomes.size(); ++k) {
    std::vector<double> values;
    for (const auto& run : stored.runs) values.push_back(run.values[k]);
    outcomes[py::str(stored.outcomes[k].label())] = as_array(values);
  }
  py::dict out;
  out["experiment"] = stored.name;
  out["point"] = as_array(point);
  out["replicate"] = as_array(replicate);
  out["ok"] = as_array(ok);
  out["seed"] = seeds;
  out["factors"] = factors;
  out["outcomes"] = outcomes;
  return out;
}

/// Runs an experiment's missing runs into its results database, as `shanzhi sweep` does on one
/// machine (same seeds, same database; a second call resumes). Returns what it did.
py::dict sweep(const std::string& experiment_file, const std::string& database, int threads,
               std::optional<std::int64_t> limit, bool timeseries) {
  const auto experiment = gov::load_governance_experiment(experiment_file);
  const auto plan = ex::plan_experiment(experiment);
  std::optional<ex::ResultsStore> store;
  try {
    store.emplace(ex::ResultsStore::open_for_sweep(database, experiment, plan));
  } catch (const ex::StoreRefused& e) {
    throw py::value_error(e.what());
  }
  const auto finished = store->finished_runs();
  const auto todo = gov::runs_to_do(plan, finished, ex::Shard{}, limit);
  shanzhi::sim::set_thread_count(threads);
  const int used = std::max(1, std::min<int>(shanzhi::sim::thread_count(), static_cast<int>(todo.size())));
  gov::SweepTally tally;
  {
    py::gil_scoped_release free_python;
    tally = gov::run_sweep_locally(todo, experiment, plan, *store, used, timeseries);
  }
  if (tally.store_error)
    throw std::runtime_error(*tally.store_error + " (the runs finished before are committed; sweep again to resume)");
  py::dict out;
  out["database"] = database;
  out["ok"] = tally.ok;
  out["failed"] = tally.failed;
  out["skipped"] = finished.size();
  out["remaining"] = plan.run_count() - finished.size() - tally.done();
  out["seconds"] = tally.seconds;
  out["first_errors"] = tally.first_errors;
  return out;
}

}  // namespace

PYBIND11_MODULE(_shanzhi, m) {
  m.doc() = "Shanzhi (善治): agent-based simulation of community governance (the C++ core)";
  py::register_exception<shanzhi::sim::ScenarioError>(m, "ScenarioError", PyExc_ValueError);
  m.def("run", &run, py::arg("scenario"), py::arg("set") = py::dict(), py::arg("seed") = py::none(),
        py::arg("weeks") = py::none(), py::arg("threads") = 0,
        "Runs one simulation of a scenario file with optional {key: value} changes; returns its weekly "
        "time series (numpy arrays), final values and last-year means.");
  m.def("compare", &compare, py::arg("baseline"), py::arg("policies") = std::vector<std::string>{},
        py::arg("replicates") = 10, py::arg("seed") = 1, py::arg("weeks") = py::none(), py::arg("set") = py::dict(),
        py::arg("changes") = py::dict(), py::arg("threads") = 0,
        "Paired comparison with common random numbers, as `shanzhi compare`: policies are scenario files or "
        "'P1+P2'; `changes` are --with's; `set` applies to both arms. One result per policy.");
  m.def("sweep", &sweep, py::arg("experiment"), py::arg("database"), py::arg("threads") = 0,
        py::arg("limit") = py::none(), py::arg("timeseries") = false,
        "Runs an experiment file's missing runs into a results database, as `shanzhi sweep` (the same seeds "
        "and database; a second call resumes). Returns counts of runs done, failed, skipped and remaining.");
  m.def("results", &results, py::arg("database"),
        "A sweep's results database (written by `shanzhi sweep`): point, replicate, seed and ok of every "
        "finished run, its factor values and its outcomes (NaN for a failed run).");
}
