// A first statistical check of the model's direction of effect: the seed's reform package, run
// against the pre-reform baseline with common random numbers (same seeds), raises mean
// satisfaction and lowers the admin share, with 95% intervals of the paired differences that
// exclude zero. Issue #3 adds one such test per stylised fact of MODEL_BRIEF §5.

#include "tests/support/model_fixtures.hpp"
#include "models/governance/model.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

using namespace shanzhi;
using namespace shanzhi::gov;

namespace {

double final_metric(GovernanceParameters params, std::int64_t seed, const char* metric) {
  params.run.seed = seed;
  GovernanceModel model(params);
  model.run_to_end();
  return model.recorder().mean_of_last(model.recorder().handle(metric), 26);
}

struct Interval {
  double mean, half_width;
};

Interval paired_interval(const std::vector<double>& differences) {
  const double n = static_cast<double>(differences.size());
  const double mean = std::accumulate(differences.begin(), differences.end(), 0.0) / n;
  double ss = 0;
  for (double d : differences) ss += (d - mean) * (d - mean);
  const double t_975_df4 = 2.776;  // five replicates
  return {mean, t_975_df4 * std::sqrt(ss / (n - 1) / n)};
}

}  // namespace

TEST_CASE("The reform package beats the baseline on satisfaction and admin share (paired — 5 seeds)",
          "[model][statistical]") {
  const std::vector<std::string> size{"run.weeks=104", "run.burn_in_weeks=26"};
  const auto reform = test::scenario_parameters("small_district", size);
  const auto baseline = test::scenario_parameters("small_baseline", size);
  std::vector<double> satisfaction_gain, admin_change;
  for (std::int64_t seed = 1; seed <= 5; ++seed) {
    satisfaction_gain.push_back(final_metric(reform, seed, "satisfaction_mean") -
                                final_metric(baseline, seed, "satisfaction_mean"));
    admin_change.push_back(final_metric(reform, seed, "worker_admin_share") -
                           final_metric(baseline, seed, "worker_admin_share"));
  }
  const Interval s = paired_interval(satisfaction_gain);
  const Interval a = paired_interval(admin_change);
  INFO("satisfaction gain " << s.mean << " ± " << s.half_width << "; admin share change " << a.mean << " ± "
                            << a.half_width);
  CHECK(s.mean - s.half_width > 0);
  CHECK(a.mean + a.half_width < 0);
}
