// Levers marked "at fiscal year" (ParamInfo::at_fiscal_year: budgets and the purchase catalogue)
// must be what the model reads only when a fiscal year opens: changed in the middle of a year,
// every recorded metric stays exactly as without the change until the next fiscal year opens.
// The window relies on the mark to tell a class when a budget change will show (issue 15).
// A budget change must then show once the year opens.

#include "tests/support/model_fixtures.hpp"

#include "models/governance/model.hpp"
#include "models/governance/spec/parameter_schema.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace shanzhi;
using namespace shanzhi::gov;

namespace {

/// Another valid value of `info`'s key than `current`.
sim::ParamValue other_value(const sim::ParamInfo& info, const sim::ParamValue& current) {
  switch (info.type) {
    case sim::ParamType::choice: {
      for (const auto& name : info.choices)
        if (sim::ParamValue(name) != current) return name;
      break;
    }
    case sim::ParamType::integer: {
      const auto now = std::get<std::int64_t>(current);
      return now + 1 <= static_cast<std::int64_t>(info.max) ? now + 1 : now - 1;
    }
    case sim::ParamType::real: {
      const double now = std::get<double>(current);
      const double next = now + 0.3 * (info.max - info.min);
      return next <= info.max ? next : now - 0.3 * (info.max - info.min);
    }
    case sim::ParamType::boolean: return !std::get<bool>(current);
  }
  return current;
}

/// Every metric of recorded weeks [from, to) of two runs, equal to the bit.
bool same_rows(const GovernanceModel& a, const GovernanceModel& b, int from, int to) {
  for (int w = from; w < to; ++w)
    for (std::size_t m = 0; m < a.recorder().metrics().size(); ++m)
      if (a.recorder().value(static_cast<std::size_t>(w), m) != b.recorder().value(static_cast<std::size_t>(w), m))
        return false;
  return true;
}

/// Runs `model` to recorded week `week` (recording every week), from wherever it stands.
void run_to(GovernanceModel& model, int week) {
  while (model.week() - model.burn_in_weeks() < week) {
    model.step();
    model.record(model.week() - model.burn_in_weeks());
  }
}

/// Two runs of `base` from the same seed, each stopped at recorded week 20 (mid-year).
struct TwinRuns {
  GovernanceModel kept, changed;
  explicit TwinRuns(const GovernanceParameters& base) : kept(base), changed(base) {
    for (auto* model : {&kept, &changed}) {
      model->run_burn_in();
      model->record(0);
      run_to(*model, 20);
    }
  }
};

}  // namespace

TEST_CASE("A fiscal-year lever changed mid-year changes nothing until the next fiscal year", "[model]") {
  // The reform district (purchase, catalogue, grants on), a one-year burn-in: fiscal years open
  // at recorded weeks 0 and 52. Each marked key is changed before recorded week 21.
  auto base = test::scenario_parameters("experiments/tiny_district", {"run.weeks=60", "run.burn_in_weeks=52"});
  const auto& schema = governance_schema();
  int checked = 0;
  for (const auto& info : schema.infos()) {
    if (!info.at_fiscal_year) continue;
    CAPTURE(info.key);
    TwinRuns runs(base);
    auto next = base;
    const auto* entry = schema.find(info.key);
    entry->set(next, other_value(info, entry->get(base)));
    runs.changed.apply_policy(next, "change " + info.key);
    run_to(runs.kept, 52);
    run_to(runs.changed, 52);
    CHECK(same_rows(runs.kept, runs.changed, 21, 52));
    ++checked;
  }
  CHECK(checked >= 15);  // budgets, purchase mode, nine catalogue entries, grants, awards, venture, projects
}

TEST_CASE("A budget raised mid-year shows once the next fiscal year opens", "[model]") {
  auto base = test::scenario_parameters("experiments/tiny_district", {"run.weeks=60", "run.burn_in_weeks=52"});
  TwinRuns runs(base);
  auto next = base;
  next.purchase.budget_per_community_yuan *= 2;
  runs.changed.apply_policy(next, "double the purchase budget");
  run_to(runs.kept, 60);
  run_to(runs.changed, 60);
  CHECK(same_rows(runs.kept, runs.changed, 21, 52));
  CHECK_FALSE(same_rows(runs.kept, runs.changed, 52, 61));
}
