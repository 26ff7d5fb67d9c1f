#include "sim/optimization/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace shanzhi::sim::optimization {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double mean_of(const std::vector<double>& values) {
  if (values.empty()) return nan;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

/// Linear-interpolation quantile (type 7) of sorted values.
double quantile_of_sorted(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const auto above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

std::size_t position_of(std::vector<Target>& targets, const Target& target) {
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (targets[i].label() == target.label()) return i;
  targets.push_back(target);
  return targets.size() - 1;
}

}  // namespace

std::vector<double> scenario_means(const PolicyResult& result, std::size_t target) {
  std::vector<double> means;
  for (const auto& scenario : result.values) {
    std::vector<double> values;
    for (const auto& replicate : scenario) values.push_back(replicate[target]);
    means.push_back(mean_of(values));  // NaN propagates: a failed replicate makes the scenario unknown
  }
  return means;
}

double robust_value(const std::vector<double>& per_scenario, bool maximize, const Robustness& robustness) {
  if (per_scenario.empty() || std::any_of(per_scenario.begin(), per_scenario.end(), [](double v) { return std::isnan(v); }))
    return nan;
  std::vector<double> sorted = per_scenario;
  std::sort(sorted.begin(), sorted.end());
  switch (robustness.score) {
    case RobustScore::worst: return maximize ? sorted.front() : sorted.back();
    case RobustScore::mean: return mean_of(sorted);
    case RobustScore::quantile:
      return quantile_of_sorted(sorted, maximize ? robustness.quantile : 1.0 - robustness.quantile);
  }
  return nan;
}

std::vector<Target> optimization_targets(const OptimizationSpec& spec, TargetPositions& positions) {
  std::vector<Target> targets;
  positions.objectives.clear();
  for (const auto& objective : spec.objectives) positions.objectives.push_back(position_of(targets, objective.target));
  if (spec.budget.active) positions.cost = position_of(targets, spec.budget.cost);
  return targets;
}

PolicyScore score_policy(const PolicyResult& result, const OptimizationSpec& spec, const TargetPositions& positions) {
  PolicyScore score;
  score.cost = nan;
  if (spec.budget.active) {
    score.cost = robust_value(scenario_means(result, positions.cost), false, spec.robustness);
    score.overrun = std::max(0.0, score.cost - spec.budget.limit) / spec.budget.limit;
  }
  for (std::size_t i = 0; i < spec.objectives.size(); ++i) {
    const bool maximize = spec.objectives[i].maximize;
    const double value = robust_value(scenario_means(result, positions.objectives[i]), maximize, spec.robustness);
    score.values.push_back(value);
    double fitness = (maximize ? -value : value) + spec.budget.penalty * score.overrun;
    if (std::isnan(fitness) || (spec.budget.active && std::isnan(score.cost))) fitness = failed_fitness;
    score.fitness.push_back(fitness);
  }
  return score;
}

Interval robust_interval(const PolicyResult& result, std::size_t target, bool maximize, const Robustness& robustness,
                         std::uint64_t seed, std::size_t resamples) {
  Interval interval;
  std::vector<std::vector<double>> by_scenario;
  for (const auto& scenario : result.values) {
    std::vector<double> values;
    for (const auto& replicate : scenario)
      if (!std::isnan(replicate[target])) values.push_back(replicate[target]);
    interval.runs += values.size();
    by_scenario.push_back(std::move(values));
  }
  if (by_scenario.size() == 1) {
    const auto m = experiments::mean_with_interval(by_scenario.front());
    return {m.mean, m.mean - m.half_width, m.mean + m.half_width, m.n};
  }
  std::vector<double> means;
  for (const auto& values : by_scenario) {
    if (values.empty()) return {nan, nan, nan, interval.runs};
    means.push_back(mean_of(values));
  }
  interval.value = robust_value(means, maximize, robustness);
  if (std::isnan(interval.value)) return {nan, nan, nan, interval.runs};
  std::mt19937_64 random(seed);
  std::vector<double> estimates;
  for (std::size_t b = 0; b < resamples; ++b) {
    std::vector<double> resampled_means;
    for (const auto& values : by_scenario) {
      std::uniform_int_distribution<std::size_t> pick(0, values.size() - 1);
      double sum = 0;
      for (std::size_t i = 0; i < values.size(); ++i) sum += values[pick(random)];
      resampled_means.push_back(sum / static_cast<double>(values.size()));
    }
    estimates.push_back(robust_value(resampled_means, maximize, robustness));
  }
  std::sort(estimates.begin(), estimates.end());
  interval.low = quantile_of_sorted(estimates, 0.025);
  interval.high = quantile_of_sorted(estimates, 0.975);
  return interval;
}

std::vector<std::size_t> non_dominated(const std::vector<std::vector<double>>& fitness) {
  const auto dominates = [](const std::vector<double>& a, const std::vector<double>& b) {
    bool better = false;
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (a[k] > b[k]) return false;
      better = better || a[k] < b[k];
    }
    return better;
  };
  std::vector<std::size_t> front;
  for (std::size_t i = 0; i < fitness.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < fitness.size() && !dominated; ++j) dominated = j != i && dominates(fitness[j], fitness[i]);
    if (!dominated) front.push_back(i);
  }
  return front;
}

}  // namespace shanzhi::sim::optimization
