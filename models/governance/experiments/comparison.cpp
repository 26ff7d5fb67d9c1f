#include "models/governance/experiments/comparison.hpp"

#include "models/governance/model.hpp"
#include "models/governance/recording/governance_metrics.hpp"
#include "models/governance/spec/parameter_schema.hpp"

#include <memory>

namespace shanzhi::gov {
namespace {

/// Metrics `shanzhi compare` derives from recorded ones. Satisfaction of the residents outside
/// the vulnerable groups lets a report show who gains: the gap is defined as their mean minus the
/// vulnerable residents' mean.
const std::vector<sim::experiments::DerivedMetric>& derived_metrics() {
  static const std::vector<sim::experiments::DerivedMetric> derived{
      {{"satisfaction_nonvulnerable_mean", "points 0-100",
        "Mean satisfaction of residents outside the vulnerable groups (derived: satisfaction_vulnerable_mean + "
        "vulnerable_gap).",
        sim::Direction::higher_is_better, false},
       "satisfaction_vulnerable_mean",
       "vulnerable_gap"},
  };
  return derived;
}

std::vector<sim::MetricInfo> declared_metrics() {
  sim::MetricRecorder declared;
  declare_metrics(declared);
  return declared.metrics();
}

RunSeries recorded_series(GovernanceModel& model) {
  model.run_recorded();
  auto series = sim::experiments::series_of(model.recorder(), derived_metrics(), model.burn_in_weeks());
  series.breakdowns = sim::experiments::summarise_breakdowns(model.breakdowns());
  return series;
}

}  // namespace

std::vector<sim::MetricInfo> compared_metrics() {
  return sim::experiments::with_derived(declared_metrics(), derived_metrics());
}

std::vector<RunSeries> run_arms(const std::vector<GovernanceParameters>& arms, std::uint64_t seed) {
  // Arms that are the same until the reform share one pre-reform run (the pilot that settles the
  // district and the burn-in): with common random numbers their runs would be identical until
  // then, so each continues a copy of the first such arm's settled model.
  std::vector<std::unique_ptr<GovernanceModel>> settled;
  std::vector<RunSeries> runs;
  for (auto arm : arms) {
    arm.run.seed = static_cast<std::int64_t>(seed);
    const GovernanceModel* shared = nullptr;
    for (const auto& model : settled)
      if (same_until_reform(arm, model->scenario())) shared = model.get();
    if (arm.run.burn_in_weeks == 0) shared = nullptr;  // the reform starts at once: nothing to share
    if (shared) {
      GovernanceModel model(*shared, arm);
      runs.push_back(recorded_series(model));
      continue;
    }
    auto model = std::make_unique<GovernanceModel>(arm);
    model->run_burn_in();
    if (arm.run.burn_in_weeks > 0) {
      settled.push_back(std::move(model));
      GovernanceModel continued(*settled.back(), arm);
      runs.push_back(recorded_series(continued));
    } else {
      runs.push_back(recorded_series(*model));
    }
  }
  return runs;
}

std::vector<Comparison> compare_scenarios(const GovernanceParameters& baseline,
                                          const std::vector<GovernanceParameters>& policies, std::size_t replicates,
                                          std::uint64_t master_seed, const sim::experiments::ReplicateDone& on_done) {
  std::vector<GovernanceParameters> arms{baseline};
  arms.insert(arms.end(), policies.begin(), policies.end());
  return sim::experiments::compare_paired(compared_metrics(), policies.size(), replicates, master_seed,
                                          [&arms](std::uint64_t seed) { return run_arms(arms, seed); }, on_done);
}

Comparison compare_scenarios(const GovernanceParameters& baseline, const GovernanceParameters& policy,
                             std::size_t replicates, std::uint64_t master_seed) {
  return std::move(compare_scenarios(baseline, std::vector<GovernanceParameters>{policy}, replicates, master_seed).front());
}

sim::experiments::CostEffectiveness cost_effectiveness(const Comparison& comparison) {
  return sim::experiments::cost_effectiveness(comparison, "satisfaction_mean", cost_effectiveness_spending_metric,
                                              "public_cost_per_resident_spent_year");
}

}  // namespace shanzhi::gov
