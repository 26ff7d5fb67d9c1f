// Invariants checked in every simulated week of a small reform district: satisfaction and trust
// on their scale, residents conserved, worker hours within what workers have, and government
// money conserved (every yuan paid out is received by an organisation, never beyond allocation).

#include "tests/support/model_fixtures.hpp"
#include "tests/support/model_invariants.hpp"
#include "models/governance/model.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace shanzhi;
using namespace shanzhi::gov;
using namespace shanzhi::test;

TEST_CASE("Invariants hold every week of a reform run", "[model][invariants]") {
  const auto params = test::scenario_parameters(
      "small_district", {"run.burn_in_weeks=26", "run.weeks=130", "district.residents_per_community=1500"});
  GovernanceModel model(params);
  const std::size_t residents = model.state().residents.size();
  REQUIRE(residents == 6000);
  while (!model.finished()) {
    model.step();
    INFO("week " << model.week());
    check_resident_scales(model.state());
    check_worker_hours(model.state());
    check_money(model.state());
    check_conservation(model.state(), residents);
  }
  // The run really exercised the money paths being checked.
  REQUIRE(model.state().budget.cumulative[static_cast<std::size_t>(Instrument::purchase)].spent > 0);
  REQUIRE(model.state().budget.cumulative[static_cast<std::size_t>(Instrument::venture)].spent > 0);
}

TEST_CASE("Queued requests belong to their community and never outwait W_max", "[model][invariants]") {
  const auto params =
      test::scenario_parameters("small_baseline", {"run.burn_in_weeks=0", "run.weeks=40", "district.residents_per_community=1500"});
  GovernanceModel model(params);
  while (!model.finished()) {
    model.step();
    const auto& s = model.state();
    for (std::size_t c = 0; c < s.community_count(); ++c) {
      const auto& community = s.layout.communities[c];
      for (const auto* lists : {&s.queues[c].waiting, &s.queues[c].hidden})
        for (const auto& queue : *lists)
          for (const auto& r : queue) {
            REQUIRE(r.resident >= community.first_resident);
            REQUIRE(r.resident < community.end_resident());
            REQUIRE(s.week - r.arrival_week <= s.params.needs.max_wait_weeks);
          }
    }
  }
}

TEST_CASE("Every recorded metric is finite", "[model][invariants]") {
  GovernanceModel model(test::scenario_parameters("small_district", {"run.weeks=60", "run.burn_in_weeks=10"}));
  model.run_to_end();
  const auto& rec = model.recorder();
  REQUIRE(rec.row_count() == 61);
  for (std::size_t row = 0; row < rec.row_count(); ++row)
    for (std::size_t m = 0; m < rec.metrics().size(); ++m) {
      INFO(rec.metrics()[m].name << " in row " << row);
      REQUIRE(std::isfinite(rec.value(row, m)));
    }
}
