#pragma once
// The governance model's outputs (MODEL_BRIEF §6): declared once with unit, meaning and the
// direction that is better, then computed each recorded week from the community summaries and
// the state. Agents never write output.

#include "models/governance/state/model_state.hpp"
#include "sim/metrics.hpp"

#include <string>
#include <vector>

namespace shanzhi::gov {

/// Declares every metric on `recorder` (one row each in governance_metrics.cpp).
void declare_metrics(sim::MetricRecorder& recorder);

/// The names of the recorded metrics, in recorder order, without building a model (lesson files
/// name the ones a step shows).
std::vector<std::string> metric_names();

/// Appends the row for `recorded_week` computed from the state after the last simulated week.
void record_metrics(const ModelState& s, sim::MetricRecorder& recorder, int recorded_week);

/// Gini coefficient of non-negative values (0 = equal).
double gini(std::vector<double> values);

/// Value at quantile q (0–1) of a histogram with unit-width bins starting at 0, interpolated
/// within the bin.
double histogram_quantile(const std::vector<double>& counts, double q);

}  // namespace shanzhi::gov
