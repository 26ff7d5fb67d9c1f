// Invariants checked in every simulated week of a small reform district: satisfaction and trust
// on their scale, residents conserved, worker hours within what workers have, and government
// money conserved (every yuan paid out is received by an organisation, never beyond allocation).

#include "model_fixtures.hpp"
#include "models/governance/model.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace shanzhi;
using namespace shanzhi::gov;

namespace {

bool on_scale(float x) { return std::isfinite(x) && x >= 0.0f && x <= 100.0f; }

void check_resident_scales(const ModelState& s) {
  const auto& r = s.residents;
  std::size_t bad = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    bad += !on_scale(r.satisfaction[i]) + !on_scale(r.trust_community[i]) + !on_scale(r.trust_street[i]) +
           !on_scale(r.trust_district[i]) + !on_scale(r.belonging[i]);
    for (std::size_t k = 0; k < category_count; ++k) {
      bad += !on_scale(r.category_satisfaction[i * category_count + k]);
      bad += !on_scale(r.expectation[i * category_count + k]);
      bad += !on_scale(r.normative[i * category_count + k]);
    }
  }
  REQUIRE(bad == 0);
}

void check_worker_hours(const ModelState& s) {
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    const auto& w = s.work[c];
    const double posts = w.workers;  // headcount when this week's hours were allocated
    INFO("community " << c);
    REQUIRE(w.available == Approx(posts * s.params.workforce.hours_per_week));
    REQUIRE(w.overtime <= posts * s.params.workforce.max_overtime_hours + 1e-9);
    REQUIRE(w.total_worked() <= w.available + w.overtime + 1e-6);
    for (double h : w.activity) REQUIRE(h >= 0);
    REQUIRE(w.unfinished_admin >= 0);
  }
}

void check_money(const ModelState& s) {
  double spent = 0;
  for (std::size_t i = 0; i < instrument_count; ++i) {
    const auto& l = s.budget.ledgers[i];
    INFO("instrument " << instrument_keys[i]);
    REQUIRE(l.spent >= 0);
    REQUIRE(l.spent <= l.allocated * (1 + 1e-12) + 1e-6);
    spent += s.budget.cumulative[i].spent;
  }
  // Every yuan paid went to an organisation (living or closed) or to government staff time on
  // DIRECT catalogue items.
  double received = s.government_revenue_of_closed_organizations + s.direct_delivery_paid_yuan;
  s.organizations.for_each_alive(
      [&](std::uint32_t o) { received += s.organizations.columns.government_revenue_total_yuan[o]; });
  REQUIRE(received == Approx(spent).epsilon(1e-9));
}

void check_conservation(const ModelState& s, std::size_t residents_at_start) {
  REQUIRE(s.residents.size() == residents_at_start);
  std::uint64_t in_communities = 0, histogram = 0;
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    in_communities += s.layout.communities[c].resident_count;
    for (auto n : s.stats[c].satisfaction_histogram) histogram += n;
  }
  REQUIRE(in_communities == residents_at_start);
  REQUIRE(histogram == residents_at_start);
}

}  // namespace

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
