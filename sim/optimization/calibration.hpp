#pragma once
// Calibration: the parameter values that make the model reproduce survey data.
//
// Distance (minimized by CMA-ES in the unit box of the parameters' ranges):
//   D(θ) = Σ_i ((m_i(θ) − y_i) / se_i)²
// where y_i is an observed number with survey standard error se_i and m_i(θ) the model's mean
// over R replicates with common random numbers (the same seeds for every θ, so D is a smooth,
// deterministic function of θ rather than a noisy one).
//
// Uncertainty (Gauss–Newton / delta method at the minimum): J_ij = ∂m_i/∂θ_j by central
// differences (step 5% of each range, CRN), W = diag(1 / (se_i² + s_i²/R)) where s_i is the
// replicate standard deviation of m_i at θ̂ (so simulation noise widens the interval), and
//   Cov(θ̂) ≈ (Jᵀ W J)⁻¹,  95% interval θ̂_j ± 1.96 √Cov_jj.
// A singular JᵀWJ means the data cannot tell a parameter apart: its interval is reported as
// not identified (NaN) rather than as a number.

#include "sim/optimization/evaluator.hpp"
#include "sim/optimization/survey.hpp"

#include <functional>
#include <vector>

namespace shanzhi::sim::optimization {

struct FittedParameter {
  std::string key;
  double value = 0;
  double se = 0;          ///< NaN when not identified
  double low = 0, high = 0;
  double min = 0, max = 0;
};

struct FittedTarget {
  double model_mean = 0;
  double model_sd = 0;    ///< across replicates
  double residual_z = 0;  ///< (model − observed) / se
};

struct CalibrationResult {
  std::vector<FittedParameter> parameters;
  std::vector<FittedTarget> targets;  ///< one per survey row
  double distance = 0;                ///< D at the fitted values
  std::size_t evaluations = 0;
  std::size_t runs_simulated = 0;
  std::size_t runs_from_store = 0;
  std::vector<std::string> errors;
};

/// The targets of a survey, for the results store (store_experiment).
std::vector<Target> survey_targets(const std::vector<SurveyRow>& survey);

/// D(θ) of one evaluation (NaN when a run failed).
double survey_distance(const PolicyResult& result, const std::vector<SurveyRow>& survey);

using CalibrationProgress = std::function<void(std::size_t evaluations, double best_distance)>;

/// Fits the calibration's factors to `survey`; the store must have been opened for
/// store_experiment(spec.setup, survey_targets(survey), 1).
CalibrationResult calibrate(const CalibrationSpec& spec, const std::vector<SurveyRow>& survey,
                            experiments::ResultsStore& store, const RunFunction& run, int threads,
                            const CalibrationProgress& progress = {});

/// Survey data the model itself gives at known parameter values: each row of `template_rows`
/// keeps its target and se, and gets as value the model's mean over `replicates` runs at `truth`
/// (seeds of their own, unrelated to the calibration's) plus Gaussian survey noise with that se.
/// Deterministic in `seed`. For parameter-recovery tests and for checking, before a survey is
/// fielded, whether it would pin the parameters down.
std::vector<SurveyRow> synthetic_survey(const experiments::Settings& truth,
                                        const std::vector<SurveyRow>& template_rows, std::size_t replicates,
                                        std::uint64_t seed, const RunFunction& run, int threads);

/// Inverse of a small symmetric positive-definite matrix by Gauss–Jordan elimination with
/// partial pivoting; empty when singular (a pivot below 1e-12 of the largest diagonal entry).
std::vector<std::vector<double>> invert(std::vector<std::vector<double>> matrix);

}  // namespace shanzhi::sim::optimization
