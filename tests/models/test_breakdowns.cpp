// Breakdown tables agree with the weekly series they split, and come at the asked cadence.

#include "tests/support/model_fixtures.hpp"
#include "models/governance/model.hpp"
#include "models/governance/recording/breakdown_metrics.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace shanzhi;
using namespace shanzhi::gov;

namespace {

GovernanceModel run_small() {
  GovernanceModel model(
      test::scenario_parameters("small_district", {"run.weeks=30", "run.burn_in_weeks=8", "run.breakdown_every_weeks=13"}));
  model.run_to_end();
  return model;
}

}  // namespace

TEST_CASE("Breakdowns come every 13 recorded weeks and at the end", "[model][breakdowns]") {
  const auto model = run_small();
  std::set<int> weeks;
  std::map<int, std::size_t> rows_per_week;
  for (const auto& r : model.breakdowns().rows()) {
    weeks.insert(r.week);
    ++rows_per_week[r.week];
  }
  REQUIRE(weeks == std::set<int>{0, 13, 26, 30});
  for (const auto& [week, rows] : rows_per_week) CHECK(rows == rows_per_week.at(0));
  // The size estimate the scenario check uses counts exactly what the recorder writes.
  const auto& layout = model.state().layout;
  CHECK(rows_per_week.at(0) == breakdown_rows_per_emit(layout.communities.size(), layout.streets.size()));
  CHECK(breakdown_emits(model.state().params.run) == weeks.size());
  RunParameters every_week = model.state().params.run;
  every_week.breakdown_every_weeks = 1;
  CHECK(breakdown_emits(every_week) == 31);  // weeks 0..30
  every_week.breakdown_every_weeks = 0;
  CHECK(breakdown_emits(every_week) == 1);   // the last week only
}

TEST_CASE("Community breakdowns average to the district series", "[model][breakdowns]") {
  const auto model = run_small();
  const auto& rec = model.recorder();
  const auto satisfaction = rec.handle("satisfaction_mean");
  for (int week : {0, 13, 26, 30}) {
    double weighted = 0, residents = 0;
    for (const auto& r : model.breakdowns().rows()) {
      if (r.week != week || r.metric != "satisfaction_mean") continue;
      if (r.breakdown == "community") {
        weighted += r.value * 3000;  // every community of small_district has 3,000 residents
        residents += 3000;
      }
    }
    INFO("week " << week);
    REQUIRE(residents == 12000);
    // Row w of the series is recorded week w.
    std::size_t row = 0;
    while (rec.week_of_row(row) != week) ++row;
    CHECK(weighted / residents == Approx(rec.value(row, satisfaction)).epsilon(1e-4));
  }
}

TEST_CASE("Breakdown shares stay in 0-1 and every category and group is present", "[model][breakdowns]") {
  const auto model = run_small();
  std::set<std::string> categories, groups;
  for (const auto& r : model.breakdowns().rows()) {
    if (r.metric == "unmet_need_share") {
      CHECK(r.value >= 0);
      CHECK(r.value <= 1);
    }
    if (r.breakdown == "category") categories.insert(r.key);
    if (r.breakdown == "group") groups.insert(r.key);
  }
  CHECK(categories.size() == category_count);
  CHECK(groups.count("vulnerable") == 1);
  CHECK(groups.count("living_alone_elderly") == 1);
}
