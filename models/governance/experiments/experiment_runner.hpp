#pragma once
// The governance model in experiments: its schema and metric names for reading experiment files,
// and one run of a design point. A run that fails (an invalid combination of parameters, any
// exception) comes back as a failed RunOutcome with its error text, so a sweep always goes on.

#include "sim/experiments/experiment.hpp"

#include <functional>
#include <string>
#include <vector>

namespace shanzhi::gov {

/// Scenario keys and metric names of the governance model.
sim::experiments::ExperimentSchema experiment_schema();

/// Loads an experiment file and checks that its base scenario (with the experiment's weeks and
/// burn-in) is a valid combination. Throws sim::ScenarioError listing every problem.
sim::experiments::Experiment load_governance_experiment(const std::string& path);

/// Rows of time series one run of `base` stores under `sweep --timeseries`: every metric of
/// week 0 and of each recorded week.
double timeseries_rows_per_run(const sim::ScenarioDocument& base);

/// Runs `plan` on `base` (the experiment's base document): the point's settings and the plan's
/// seed are applied and validated, the model runs to the end, and each outcome's statistic is
/// computed. Never throws; `keep_timeseries` also returns every metric of every recorded week.
sim::experiments::RunOutcome run_plan(const sim::ScenarioDocument& base, const sim::experiments::RunPlan& plan,
                                      const std::vector<sim::experiments::OutcomeSpec>& outcomes,
                                      bool keep_timeseries = false);

/// Calls `simulate` and times it. Never throws: an invalid combination of parameters or any
/// exception comes back as a failed outcome whose error says what went wrong. Every kind of run
/// of the model in a batch (sweep points, optimization and calibration targets) goes through it.
sim::experiments::RunOutcome run_guarded(const std::function<sim::experiments::RunOutcome()>& simulate);

}  // namespace shanzhi::gov
