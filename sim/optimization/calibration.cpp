#include "sim/optimization/calibration.hpp"

#include "sim/optimization/scoring.hpp"
#include "sim/optimization/search.hpp"

#include "sim/random.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

namespace shanzhi::sim::optimization {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
/// Finite-difference step in unit coordinates (5% of each parameter's range).
constexpr double difference_step = 0.05;
constexpr double z95 = 1.959963984540054;

std::vector<double> target_means(const PolicyResult& result) {
  std::vector<double> means;
  for (std::size_t t = 0; t < result.values.front().front().size(); ++t) means.push_back(scenario_means(result, t).front());
  return means;
}

std::vector<double> target_sds(const PolicyResult& result) {
  std::vector<double> sds;
  const auto& replicates = result.values.front();
  for (std::size_t t = 0; t < replicates.front().size(); ++t) {
    std::vector<double> v;
    for (const auto& r : replicates) v.push_back(r[t]);
    sds.push_back(experiments::mean_with_interval(v).sd);
  }
  return sds;
}

/// Gauss–Newton covariance of the fit in unit coordinates; empty when singular.
std::vector<std::vector<double>> unit_covariance(Evaluator& evaluator, const std::vector<double>& best,
                                                 const std::vector<SurveyRow>& survey, const ReplicateSet& set,
                                                 const std::vector<double>& sds) {
  const std::size_t p = best.size(), n = survey.size();
  std::vector<std::vector<double>> probes;
  std::vector<double> steps;
  for (std::size_t j = 0; j < p; ++j) {
    auto up = best, down = best;
    up[j] = std::min(1.0, best[j] + difference_step);
    down[j] = std::max(0.0, best[j] - difference_step);
    steps.push_back(up[j] - down[j]);
    probes.push_back(up);
    probes.push_back(down);
  }
  const auto results = evaluator.evaluate(probes, set);
  std::vector<std::vector<double>> jacobian(n, std::vector<double>(p));
  for (std::size_t j = 0; j < p; ++j) {
    const auto up = target_means(results[2 * j]), down = target_means(results[2 * j + 1]);
    for (std::size_t i = 0; i < n; ++i) jacobian[i][j] = (up[i] - down[i]) / steps[j];
  }
  std::vector<std::vector<double>> information(p, std::vector<double>(p, 0.0));
  const double replicates = static_cast<double>(set.count);
  for (std::size_t i = 0; i < n; ++i) {
    const double weight = 1.0 / (survey[i].se * survey[i].se + sds[i] * sds[i] / replicates);
    for (std::size_t a = 0; a < p; ++a)
      for (std::size_t b = 0; b < p; ++b) information[a][b] += jacobian[i][a] * weight * jacobian[i][b];
  }
  for (const auto& row : information)
    for (double v : row)
      if (!std::isfinite(v)) return {};
  return invert(information);
}

}  // namespace

std::vector<Target> survey_targets(const std::vector<SurveyRow>& survey) {
  std::vector<Target> targets;
  for (const auto& row : survey) targets.push_back(row.target);
  return targets;
}

double survey_distance(const PolicyResult& result, const std::vector<SurveyRow>& survey) {
  const auto means = target_means(result);
  double distance = 0;
  for (std::size_t i = 0; i < survey.size(); ++i) {
    const double z = (means[i] - survey[i].value) / survey[i].se;
    distance += z * z;
  }
  return distance;  // NaN when any run failed
}

std::vector<SurveyRow> synthetic_survey(const experiments::Settings& truth,
                                        const std::vector<SurveyRow>& template_rows, std::size_t replicates,
                                        std::uint64_t seed, const RunFunction& run, int threads) {
  const auto targets = survey_targets(template_rows);
  std::vector<experiments::RunOutcome> outcomes(replicates);
  omp_set_max_active_levels(1);
#pragma omp parallel for schedule(dynamic, 1) num_threads(std::max(1, threads))
  for (std::size_t r = 0; r < replicates; ++r) {
    experiments::RunPlan plan{0, r, experiments::run_seed(seed, 0, replicates, r), truth};
    outcomes[r] = run(plan, targets);
  }
  std::mt19937_64 random(derive_seed(seed, 0x6E6F697365ull));  // "noise"
  std::vector<SurveyRow> rows = template_rows;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    double sum = 0;
    for (const auto& outcome : outcomes) {
      if (!outcome.ok) throw std::runtime_error("a run at the true parameters failed: " + outcome.error);
      sum += outcome.values[i];
    }
    rows[i].value = sum / static_cast<double>(replicates) + std::normal_distribution<double>(0.0, rows[i].se)(random);
  }
  return rows;
}

std::vector<std::vector<double>> invert(std::vector<std::vector<double>> a) {
  const std::size_t n = a.size();
  double scale = 0;
  for (std::size_t i = 0; i < n; ++i) scale = std::max(scale, std::fabs(a[i][i]));
  std::vector<std::vector<double>> inverse(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) inverse[i][i] = 1;
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::fabs(a[r][c]) > std::fabs(a[pivot][c])) pivot = r;
    if (!(std::fabs(a[pivot][c]) > 1e-12 * scale)) return {};
    std::swap(a[c], a[pivot]);
    std::swap(inverse[c], inverse[pivot]);
    const double d = a[c][c];
    for (std::size_t k = 0; k < n; ++k) a[c][k] /= d, inverse[c][k] /= d;
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c) continue;
      const double f = a[r][c];
      for (std::size_t k = 0; k < n; ++k) a[r][k] -= f * a[c][k], inverse[r][k] -= f * inverse[c][k];
    }
  }
  return inverse;
}

CalibrationResult calibrate(const CalibrationSpec& spec, const std::vector<SurveyRow>& survey,
                            experiments::ResultsStore& store, const RunFunction& run, int threads,
                            const CalibrationProgress& progress) {
  CalibrationResult result;
  Evaluator evaluator(spec.setup, survey_targets(survey), sample_scenarios(spec.setup, 1), store, run, threads);
  const auto set = search_replicates(spec.setup);
  std::vector<double> best;
  double best_distance = std::numeric_limits<double>::infinity();
  const BatchFitness fitness = [&](const std::vector<std::vector<double>>& candidates) {
    std::vector<std::vector<double>> out;
    for (const auto& evaluation : evaluator.evaluate(candidates, set)) {
      for (const auto& error : evaluation.errors)
        if (result.errors.size() < 5 && std::find(result.errors.begin(), result.errors.end(), error) == result.errors.end())
          result.errors.push_back(error);
      const double d = survey_distance(evaluation, survey);
      ++result.evaluations;
      if (!std::isnan(d) && d < best_distance) best_distance = d, best = evaluation.unit;
      out.push_back({std::isnan(d) ? failed_fitness : d});
    }
    if (progress) progress(result.evaluations, best_distance);
    return out;
  };
  run_search(spec.setup.search, spec.setup.levers.size(), 1, spec.setup.master_seed, fitness);
  if (best.empty()) return result;

  const auto at_best = evaluator.evaluate({best}, set).front();
  const auto means = target_means(at_best), sds = target_sds(at_best);
  result.distance = best_distance;
  for (std::size_t i = 0; i < survey.size(); ++i)
    result.targets.push_back({means[i], sds[i], (means[i] - survey[i].value) / survey[i].se});
  const auto covariance = unit_covariance(evaluator, best, survey, set, sds);
  const auto settings = evaluator.lever_settings(best);
  for (std::size_t j = 0; j < best.size(); ++j) {
    const auto& factor = spec.setup.levers[j];
    FittedParameter parameter;
    parameter.key = factor.key;
    const auto& value = settings[j].second;
    parameter.value = std::holds_alternative<double>(value) ? std::get<double>(value)
                                                            : static_cast<double>(std::get<std::int64_t>(value));
    parameter.min = factor.min;
    parameter.max = factor.max;
    const double unit_variance = covariance.empty() ? nan : covariance[j][j];
    parameter.se = unit_variance >= 0 ? std::sqrt(unit_variance) * (factor.max - factor.min) : nan;
    parameter.low = parameter.value - z95 * parameter.se;
    parameter.high = parameter.value + z95 * parameter.se;
    result.parameters.push_back(parameter);
  }
  result.runs_simulated = evaluator.runs_simulated();
  result.runs_from_store = evaluator.runs_from_store();
  return result;
}

}  // namespace shanzhi::sim::optimization
