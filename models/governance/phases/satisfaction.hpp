#pragma once
// Satisfaction equations (MODEL_BRIEF §3): perceived performance of an encounter, the
// expectancy–disconfirmation model (EDM), expectation updating and the ACSI-style index. Pure
// functions of their inputs, so each is unit-tested on its own.

#include "models/governance/spec/parameters.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::gov {

/// P = 100·[ω_q·q + ω_w·exp(−W/W0) + ω_f·f] + ε, clamped to 0–100 (§3.1).
inline float perceived_performance(const SatisfactionParameters& p, float quality, float wait_weeks,
                                   float tolerable_wait_weeks, float fit, float noise) {
  const double wait_term = std::exp(-static_cast<double>(wait_weeks) / tolerable_wait_weeks);
  const double raw = 100.0 * (p.weight_quality * quality + p.weight_wait * wait_term + p.weight_fit * fit) + noise;
  return static_cast<float>(std::clamp(raw, 0.0, 100.0));
}

/// Satisfaction with one encounter (§3.2), subtractive disconfirmation D = P − E:
/// S = clamp(β0 + β_P·P + β_E·E + β_D·D⁺ + λ·β_D·D⁻ − β_N·(En − P)⁺, 0, 100),
/// with β0 = a·(1 − β_P − β_E) so that P = E = a gives S = a (a = anchor_points, 70).
inline float encounter_satisfaction(const SatisfactionParameters& p, float performance, float expectation,
                                    float normative) {
  const double intercept = p.anchor_points * (1.0 - p.beta_performance - p.beta_expectation);
  const double d = static_cast<double>(performance) - expectation;
  const double d_pos = std::max(d, 0.0);
  const double d_neg = std::min(d, 0.0);
  const double below_norm = std::max(static_cast<double>(normative) - performance, 0.0);
  const double s = intercept + p.beta_performance * performance + p.beta_expectation * expectation +
                   p.beta_disconfirmation * d_pos + p.negativity_multiplier * p.beta_disconfirmation * d_neg -
                   p.beta_normative * below_norm;
  return static_cast<float>(std::clamp(s, 0.0, 100.0));
}

/// E ← E + η·(P − E), with η × disappointment_learning_factor (2) when performance falls short
/// (§3.4, negativity [S8]).
inline float updated_expectation(const SatisfactionParameters& p, float expectation, float performance) {
  const double rate = p.expectation_learning_rate * (performance < expectation ? p.disappointment_learning_factor : 1.0);
  return static_cast<float>(std::clamp(expectation + rate * (performance - expectation), 0.0, 100.0));
}

/// En ← En + r·(P − En)⁺: the normative floor only ratchets up (§3.4).
inline float updated_normative(const SatisfactionParameters& p, float normative, float performance) {
  return static_cast<float>(normative + p.normative_ratchet * std::max(0.0f, performance - normative));
}

/// Weekly chance of talking about services: an asymmetric U in satisfaction (§3.5, [S11]),
/// min(1, base + satisfied·(S − a)⁺/(100 − a) + dissatisfied·(b − S)⁺/b) with a =
/// talk_satisfied_above (70) and b = talk_dissatisfied_below (50): the extra chances reach
/// `satisfied` at S = 100 and `dissatisfied` at S = 0. The slopes are divided once here, not for
/// every resident every week.
struct TalkCurve {
  explicit TalkCurve(const WordOfMouthParameters& w)
      : base(w.talk_base), high_from(w.talk_satisfied_above), low_below(w.talk_dissatisfied_below),
        high_slope(w.talk_satisfied / (100.0 - w.talk_satisfied_above)),
        low_slope(w.talk_dissatisfied / w.talk_dissatisfied_below) {}
  float operator()(float satisfaction) const {
    const double high = std::max(0.0, satisfaction - high_from);
    const double low = std::max(0.0, low_below - satisfaction);
    return static_cast<float>(std::min(1.0, base + high_slope * high + low_slope * low));
  }
  double base, high_from, low_below, high_slope, low_slope;
};

inline float talk_probability(const WordOfMouthParameters& w, float satisfaction) { return TalkCurve(w)(satisfaction); }

/// The disconfirmation item of the ACSI index on its 1–10 scale minus 1: 9/(1 + exp(−D/15)).
/// It changes only at an encounter, so residents keep it (Residents::acsi_disconfirmation_item)
/// instead of paying an exp() for every resident every week.
inline double acsi_disconfirmation_item(float disconfirmation) {
  return 9.0 / (1.0 + std::exp(-disconfirmation / 15.0));
}

/// ACSI-style index 0–100 from satisfaction S, the disconfirmation item x2 (above) and
/// performance P (§3.3): ((X1 − 1)·0.4 + (X2 − 1)·0.3 + (X3 − 1)·0.3)/9 × 100 with X on a 1–10 scale.
/// Linear without a constant term, so the sum over residents is the index of the sums: the weekly
/// pass adds S, x2 and P and applies this once per community.
inline double acsi_index_linear(double satisfaction, double disconfirmation_item, double performance) {
  const double x1 = 9.0 * satisfaction / 100.0;
  const double x3 = 9.0 * performance / 100.0;
  return (0.4 * x1 + 0.3 * disconfirmation_item + 0.3 * x3) / 9.0 * 100.0;
}

inline float acsi_index_from_item(float satisfaction, double disconfirmation_item, float performance) {
  return static_cast<float>(acsi_index_linear(satisfaction, disconfirmation_item, performance));
}

/// The same from the disconfirmation D itself.
inline float acsi_index(float satisfaction, float disconfirmation, float performance) {
  return acsi_index_from_item(satisfaction, acsi_disconfirmation_item(disconfirmation), performance);
}

inline double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace shanzhi::gov
