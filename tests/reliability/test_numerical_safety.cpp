// Numerical safety: no NaN, infinity or out-of-range state for any parameter combination inside
// the documented ranges. A fixed-seed generator draws 200 random valid scenarios, every
// schema key uniform in its range (one draw in eight exactly at an end of the range, where
// divisions by zero hide), and the model's invariants are checked after every week of each.
//
// Only the size of the run is narrowed, to sub-ranges of the documented ones: a district of at
// most 3 x 2 communities of at most 200 residents, at most 30 recorded weeks after at most 8
// burn-in weeks and a pilot of at most 3 years, at most 30 organisations per street, so the
// whole test takes seconds.
// Rules across keys are met by construction (weights rescaled to sum to 1, age shares to at
// most 1); any other refusal by the validator fails the test, since it means a rule this test
// does not know about.

#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/spec/validation.hpp"
#include "tests/support/model_invariants.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace shanzhi;

namespace {

constexpr int scenario_count = 200;
constexpr std::uint64_t generator_seed = 20261125;

/// Sub-ranges for the keys that set the size of a run (each inside its documented range).
const std::map<std::string, std::pair<double, double>> size_limits{
    {"district.streets", {1, 3}},
    {"district.communities_per_street", {1, 2}},
    {"district.residents_per_community", {50, 200}},
    {"district.residents_per_compound", {50, 200}},
    {"run.weeks", {1, 30}},
    {"run.burn_in_weeks", {0, 8}},
    {"run.spin_up_years", {0, 3}},
    {"organizations.per_street", {0, 30}},
};

/// Draws from a fixed-seed 64-bit Mersenne twister with its own mapping to [0, 1), so the
/// scenarios are the same with every standard library.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : engine_(seed) {}
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool one_in(int n) { return engine_() % static_cast<std::uint64_t>(n) == 0; }
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }

  double in(double low, double high) {
    if (one_in(8)) return one_in(2) ? low : high;
    return low + (high - low) * unit();
  }
  std::int64_t whole_in(double low, double high) {
    const auto a = static_cast<std::int64_t>(low), b = static_cast<std::int64_t>(high);
    if (one_in(8)) return one_in(2) ? a : b;
    const auto span = static_cast<std::uint64_t>(b - a);
    return a + static_cast<std::int64_t>(span == UINT64_MAX ? engine_() : below(span + 1));
  }

 private:
  std::mt19937_64 engine_;
};

sim::ParamValue random_value(const sim::ParamInfo& info, Draw& draw) {
  double low = info.min, high = info.max;
  if (const auto limit = size_limits.find(info.key); limit != size_limits.end())
    std::tie(low, high) = limit->second;
  switch (info.type) {
    case sim::ParamType::real: return draw.in(low, high);
    case sim::ParamType::integer: return draw.whole_in(low, high);
    case sim::ParamType::boolean: return draw.one_in(2);
    case sim::ParamType::choice: return info.choices[draw.below(info.choices.size())];
  }
  return 0.0;
}

using Settings = std::map<std::string, sim::ParamValue>;

/// Rescales the weights named `keys` to sum to 1 (all zero: the first becomes 1).
void sum_to_one(Settings& s, const std::vector<std::string>& keys) {
  double total = 0;
  for (const auto& k : keys) total += std::get<double>(s.at(k));
  for (const auto& k : keys) s[k] = total > 0 ? std::get<double>(s.at(k)) / total : (k == keys.front() ? 1.0 : 0.0);
}

/// Scales the age shares down to sum to at most 1.
void fit_age_shares(Settings& s) {
  const std::vector<std::string> keys{"district.share_age_0_14", "district.share_age_60_79",
                                      "district.share_age_80_plus"};
  double total = 0;
  for (const auto& k : keys) total += std::get<double>(s.at(k));
  if (total <= 1) return;
  for (const auto& k : keys) s[k] = std::get<double>(s.at(k)) / total * (1 - 1e-9);
}

Settings random_scenario(Draw& draw) {
  Settings s;
  for (const auto& entry : gov::governance_schema().entries()) s[entry.info.key] = random_value(entry.info, draw);
  sum_to_one(s, {"satisfaction.weight_quality", "satisfaction.weight_wait", "satisfaction.weight_fit"});
  sum_to_one(s, {"purchase.award_weight_quality", "purchase.award_weight_price", "purchase.award_weight_embeddedness"});
  fit_age_shares(s);
  return s;
}

std::string describe(const Settings& s) {
  std::string out;
  for (const auto& [key, value] : s) out += "  " + key + " = " + sim::format_value(value) + "\n";
  return out;
}

void check_recorded_row(const sim::MetricRecorder& recorder) {
  const std::size_t row = recorder.row_count() - 1;
  for (std::size_t m = 0; m < recorder.metrics().size(); ++m) {
    INFO("metric " << recorder.metrics()[m].name);
    REQUIRE(std::isfinite(recorder.value(row, m)));
  }
}

}  // namespace

TEST_CASE("numerical safety: random valid scenarios keep every invariant every week", "[reliability][property]") {
  Draw draw(generator_seed);
  long weeks_checked = 0;
  for (int n = 0; n < scenario_count; ++n) {
    const auto settings = random_scenario(draw);
    INFO("random scenario " << n << " of the generator seeded " << generator_seed << ":\n" << describe(settings));
    const std::vector<std::pair<std::string, sim::ParamValue>> listed(settings.begin(), settings.end());
    gov::GovernanceParameters params;
    try {
      params = gov::parameters_with(sim::ScenarioDocument{}, listed);
    } catch (const sim::ScenarioError& e) {
      FAIL("the validator refused a scenario drawn inside the documented ranges:\n" << e.what());
    }
    // The weeks of GovernanceModel::run_to_end, with the checks after each.
    gov::GovernanceModel model(params);
    const std::size_t residents = model.state().residents.size();
    while (!model.finished()) {
      if (model.week() == model.burn_in_weeks()) {
        model.record(0);
        check_recorded_row(model.recorder());
      }
      model.step();
      INFO("week " << model.week());
      test::check_resident_scales(model.state());
      test::check_worker_hours(model.state());
      test::check_money(model.state());
      test::check_conservation(model.state(), residents);
      if (model.week() > model.burn_in_weeks()) {
        model.record(model.week() - model.burn_in_weeks());
        check_recorded_row(model.recorder());
      }
      ++weeks_checked;
    }
    REQUIRE(model.recorder().row_count() == static_cast<std::size_t>(model.horizon_weeks()) + 1);
  }
  CHECK(weeks_checked > scenario_count * 10);
}
