#pragma once
// Shared checks for the stylised-fact and mechanism tests (MODEL_BRIEF §5): the small pre-reform
// district, the replicate seeds of the paired comparison, its metric lookup, the validation
// report and the "effect excludes zero" rules. Each fact file includes this so the facts stay
// comparable: same district, seeds and replicates.
//
// Measured effects go to docs/validation.md: run
//   SHANZHI_VALIDATION_REPORT=/tmp/validation.txt build/tests/shanzhi_tests "[validation]"

#include "tests/support/model_fixtures.hpp"
#include "models/governance/experiments/comparison.hpp"
#include "sim/experiments/analysis.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace shanzhi::test::facts {

using gov::Comparison;
using gov::GovernanceParameters;
using gov::MetricComparison;

constexpr std::size_t replicates = 10;
constexpr std::uint64_t master_seed = 2026;

/// Replicate r's seed, as compare_scenarios derives it from `master` (paired runs of a fact that
/// reads the model's state directly use the same seeds as the comparison).
inline std::uint64_t replicate_seed(std::size_t r, std::uint64_t master = master_seed) {
  return sim::experiments::replicate_seeds(r + 1, master).back();
}

/// The small pre-reform district, two recorded years after a half-year burn-in.
inline GovernanceParameters baseline_with(const std::vector<std::string>& settings = {}) {
  std::vector<std::string> all{"run.weeks=104", "run.burn_in_weeks=26"};
  all.insert(all.end(), settings.begin(), settings.end());
  return scenario_parameters("small_baseline", all);
}

inline const MetricComparison& metric(const Comparison& c, const std::string& name) {
  for (const auto& m : c.metrics)
    if (m.metric.name == name) return m;
  FAIL("no metric " << name);
  throw std::logic_error("unreachable");
}

/// Appends "fact | measure | effect [low, high] | n" to the validation report, when one is asked
/// for (SHANZHI_VALIDATION_REPORT names the file).
inline void report_interval(const std::string& fact, const std::string& measure, const sim::experiments::MeanInterval& d) {
  const char* path = std::getenv("SHANZHI_VALIDATION_REPORT");
  if (!path) return;
  std::ofstream out(path, std::ios::app);
  out << fact << " | " << measure << " | " << d.mean << " [" << d.mean - d.half_width << ", "
      << d.mean + d.half_width << "] | n=" << d.n << "\n";
}

/// Reports a compared metric's paired difference.
inline void report(const std::string& fact, const MetricComparison& m) { report_interval(fact, m.metric.name, m.difference); }

/// Reports paired values measured outside the recorded metrics (policy − baseline per replicate).
inline void report_values(const std::string& fact, const std::string& measure, const std::vector<double>& paired) {
  report_interval(fact, measure, sim::experiments::mean_with_interval(paired));
}

/// The paired values are positive with a 95% interval that excludes zero (reported first).
inline void require_positive(const std::string& fact, const std::string& measure, const std::vector<double>& paired) {
  report_values(fact, measure, paired);
  const auto d = sim::experiments::mean_with_interval(paired);
  INFO(fact << ": " << measure << " " << d.mean << " ± " << d.half_width);
  REQUIRE(d.mean - d.half_width > 0);
}

/// The paired difference policy − baseline is positive (sign +1) or negative (sign −1), with a
/// 95% interval that excludes zero.
inline void require_effect(const std::string& fact, const Comparison& c, const std::string& name, int sign) {
  const auto& m = metric(c, name);
  report(fact, m);
  const auto& d = m.difference;
  INFO(fact << ": " << name << " difference " << d.mean << " ± " << d.half_width);
  if (sign > 0)
    REQUIRE(d.mean - d.half_width > 0);
  else
    REQUIRE(d.mean + d.half_width < 0);
}

}  // namespace shanzhi::test::facts
