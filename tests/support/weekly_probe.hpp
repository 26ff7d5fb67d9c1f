#pragma once
// Runs of the governance model that look inside the state each recorded week, for stylised facts
// whose measure is not a recorded metric (expectations, a category's satisfaction, how opinion
// clusters by building). The runs follow GovernanceModel::run_to_end exactly (burn-in with
// levers pre-reform, then the scenario), with the replicate seeds of compare_scenarios, so a
// probe sees the same runs the paired comparison does.

#include "tests/support/fact_checks.hpp"
#include "models/governance/model.hpp"

#include <cstdint>
#include <vector>

namespace shanzhi::test::facts {

/// Runs `params` with `seed`; after the burn-in (recorded week 0) and after every horizon week
/// calls probe(state, recorded_week).
template <class Probe>
void run_with_probe(gov::GovernanceParameters params, std::uint64_t seed, Probe&& probe) {
  params.run.seed = static_cast<std::int64_t>(seed);
  gov::GovernanceModel model(params);
  while (model.week() < model.burn_in_weeks()) model.step();
  probe(model.state(), 0);
  while (!model.finished()) {
    model.step();
    probe(model.state(), model.week() - model.burn_in_weeks());
  }
}

/// One number per recorded week (index = recorded week) from `measure(state)`.
template <class Measure>
std::vector<double> weekly_series(const gov::GovernanceParameters& params, std::uint64_t seed, Measure&& measure) {
  std::vector<double> series;
  run_with_probe(params, seed, [&](const gov::ModelState& s, int) { series.push_back(measure(s)); });
  return series;
}

/// Mean of series[first..last] (recorded weeks, inclusive).
inline double window_mean(const std::vector<double>& series, std::size_t first, std::size_t last) {
  double sum = 0;
  for (std::size_t w = first; w <= last; ++w) sum += series.at(w);
  return sum / static_cast<double>(last - first + 1);
}

}  // namespace shanzhi::test::facts
