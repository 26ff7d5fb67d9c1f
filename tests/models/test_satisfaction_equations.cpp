// The satisfaction equations of MODEL_BRIEF §3, checked against their defining properties.

#include "models/governance/recording/governance_metrics.hpp"
#include "models/governance/phases/satisfaction.hpp"

#include <catch2/catch.hpp>

using namespace shanzhi::gov;

TEST_CASE("EDM: performance equal to expectation at 70 gives satisfaction 70", "[model][satisfaction]") {
  const SatisfactionParameters p;
  CHECK(encounter_satisfaction(p, 70, 70, 60) == Approx(70).margin(1e-4));
}

TEST_CASE("EDM: a shortfall costs more than an equal surplus gains (negativity)", "[model][satisfaction]") {
  const SatisfactionParameters p;
  const float base = encounter_satisfaction(p, 70, 70, 0);
  const float gain = encounter_satisfaction(p, 80, 70, 0) - base;
  const float loss = base - encounter_satisfaction(p, 60, 70, 0);
  CHECK(gain > 0);
  CHECK(loss > gain);
  // Without the normative term the ratio of disconfirmation effects is exactly λ.
  const float gain_d = gain - static_cast<float>(p.beta_performance * 10);
  const float loss_d = loss - static_cast<float>(p.beta_performance * 10);
  CHECK(loss_d / gain_d == Approx(p.negativity_multiplier).epsilon(1e-3));
}

TEST_CASE("EDM: falling below the normative floor is penalised", "[model][satisfaction]") {
  const SatisfactionParameters p;
  CHECK(encounter_satisfaction(p, 50, 50, 40) > encounter_satisfaction(p, 50, 50, 70));
}

TEST_CASE("EDM: satisfaction stays on the 0-100 scale for extreme inputs", "[model][satisfaction]") {
  const SatisfactionParameters p;
  for (float perf : {0.f, 100.f})
    for (float e : {0.f, 100.f})
      for (float n : {0.f, 100.f}) {
        const float s = encounter_satisfaction(p, perf, e, n);
        CHECK(s >= 0);
        CHECK(s <= 100);
      }
}

TEST_CASE("Perceived performance falls with waiting and rises with quality and fit", "[model][satisfaction]") {
  const SatisfactionParameters p;
  CHECK(perceived_performance(p, 0.7f, 0, 1, 1, 0) > perceived_performance(p, 0.7f, 2, 1, 1, 0));
  CHECK(perceived_performance(p, 0.9f, 1, 1, 1, 0) > perceived_performance(p, 0.5f, 1, 1, 1, 0));
  CHECK(perceived_performance(p, 0.7f, 1, 1, 1, 0) > perceived_performance(p, 0.7f, 1, 1, 0.5f, 0));
  CHECK(perceived_performance(p, 1, 0, 1, 1, 0) == Approx(100));
  CHECK(perceived_performance(p, 1, 0, 1, 1, 50) == Approx(100));  // clamped
  CHECK(perceived_performance(p, 0, 100, 1, 0, -50) == Approx(0));
}

TEST_CASE("Expectations learn twice as fast from disappointment — the normative floor only rises",
          "[model][satisfaction]") {
  const SatisfactionParameters p;
  const float up = updated_expectation(p, 60, 70) - 60;
  const float down = 60 - updated_expectation(p, 60, 50);
  CHECK(down == Approx(2 * up));
  CHECK(updated_normative(p, 60, 50) == Approx(60));
  CHECK(updated_normative(p, 60, 80) > 60);
}

TEST_CASE("Talk probability is an asymmetric U: the dissatisfied talk most", "[model][word_of_mouth]") {
  const WordOfMouthParameters w;
  const float neutral = talk_probability(w, 60);
  CHECK(neutral == Approx(w.talk_base));
  CHECK(talk_probability(w, 100) > neutral);
  CHECK(talk_probability(w, 0) > talk_probability(w, 100));
}

TEST_CASE("ACSI index is 0-100 and increasing in each component", "[model][satisfaction]") {
  CHECK(acsi_index(100, 1000, 100) == Approx(100).margin(1e-3));
  CHECK(acsi_index(0, -1000, 0) == Approx(0).margin(1e-3));
  CHECK(acsi_index(70, 0, 70) > acsi_index(60, 0, 70));
  CHECK(acsi_index(70, 10, 70) > acsi_index(70, 0, 70));
  CHECK(acsi_index(70, 0, 80) > acsi_index(70, 0, 70));
}

TEST_CASE("Gini and histogram quantiles", "[model][metrics]") {
  CHECK(gini({5, 5, 5, 5}) == Approx(0).margin(1e-12));
  CHECK(gini({0, 0, 0, 10}) == Approx(0.75));
  std::vector<double> counts(101, 0.0);
  counts[40] = 50;
  counts[80] = 50;
  CHECK(histogram_quantile(counts, 0.25) == Approx(40.5));
  CHECK(histogram_quantile(counts, 0.75) == Approx(80.5));
}
