#pragma once
// Invariants of the governance model's state, checked after a week: satisfaction and trust on
// their scale, worker hours within what workers have, government money conserved (every yuan
// paid out is received by an organisation, never beyond allocation), residents conserved.
// Used by the invariant tests (tests/models) and the random-scenario property test
// (tests/reliability/test_numerical_safety.cpp). Each check REQUIREs, so call it inside a test.

#include "models/governance/model.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

namespace shanzhi::test {

using namespace shanzhi::gov;

inline bool on_scale(float x) { return std::isfinite(x) && x >= 0.0f && x <= 100.0f; }

/// Every resident's satisfaction, trust, belonging and per-category values are finite and on
/// 0–100; on failure the message names the first value that is not.
inline void check_resident_scales(const ModelState& s) {
  const auto& r = s.residents;
  std::size_t bad = 0;
  std::string first;
  const auto check = [&](float x, const char* name, std::size_t i) {
    if (on_scale(x)) return;
    if (bad++ == 0) first = std::string(name) + " of resident " + std::to_string(i) + " is " + std::to_string(x);
  };
  for (std::size_t i = 0; i < r.size(); ++i) {
    check(r.satisfaction[i], "satisfaction", i);
    check(r.trust_community[i], "trust_community", i);
    check(r.trust_street[i], "trust_street", i);
    check(r.trust_district[i], "trust_district", i);
    check(r.belonging[i], "belonging", i);
    for (std::size_t k = 0; k < category_count; ++k) {
      check(r.category_satisfaction[i * category_count + k], "category_satisfaction", i);
      check(r.expectation[i * category_count + k], "expectation", i);
      check(r.normative[i * category_count + k], "normative", i);
    }
  }
  INFO(bad << " values off the 0-100 scale; the first: " << first);
  REQUIRE(bad == 0);
}

inline void check_worker_hours(const ModelState& s) {
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

inline void check_money(const ModelState& s) {
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

inline void check_conservation(const ModelState& s, std::size_t residents_at_start) {
  REQUIRE(s.residents.size() == residents_at_start);
  std::uint64_t in_communities = 0, histogram = 0;
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    in_communities += s.layout.communities[c].resident_count;
    for (auto n : s.stats[c].satisfaction_histogram) histogram += n;
  }
  REQUIRE(in_communities == residents_at_start);
  REQUIRE(histogram == residents_at_start);
}


}  // namespace shanzhi::test
