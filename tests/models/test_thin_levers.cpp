// Direction tests of the levers issue 13 found thin (item 6): where 居站分设 (L9) and 全科社工
// (L10) apply, the grid work of general-practice workers (L10), the governance council's effect
// on property services (L20) and purchase sized to demand (L3). Each paired comparison uses the
// small pre-reform district with common random numbers (same seed in both arms) and a 95%
// interval of the paired difference that excludes zero; the knockouts of L10 and L20 (their new
// keys at their null values) give no change.

#include "tests/support/fact_checks.hpp"

#include "models/governance/model.hpp"
#include "models/governance/state/district.hpp"

#include <cstdint>
#include <utility>
#include <vector>

using namespace shanzhi;
using namespace shanzhi::gov;
using namespace shanzhi::test::facts;

namespace {

constexpr std::size_t lever_replicates = 6;

/// A district of 10 streets × 20 communities with L9 and L10 at the given shares.
DistrictLayout placement_layout(double separation_share, double general_practice_share, std::int64_t seed) {
  auto p = test::scenario_parameters("small_baseline",
                               {"district.streets=10", "district.communities_per_street=20",
                                "admin.station_separation_share=" + std::to_string(separation_share),
                                "admin.general_practice_share=" + std::to_string(general_practice_share)});
  p.run.seed = seed;
  return build_layout(p);
}

}  // namespace

TEST_CASE("Placement: L9 and L10 land on communities chosen independently and share by share", "[model]") {
  const auto layout = placement_layout(0.5, 0.5, 7);
  std::size_t both = 0;
  for (const auto& street : layout.streets) {
    std::size_t separated = 0, general = 0;
    for (auto c : street.communities) {
      separated += layout.communities[c].separated;
      general += layout.communities[c].general_practice;
      both += layout.communities[c].separated && layout.communities[c].general_practice;
    }
    // Each share is honoured exactly in every street: round(0.5 × 20).
    REQUIRE(separated == 10);
    REQUIRE(general == 10);
  }
  // Independent placement overlaps as chance would: 50 of 200 expected (hypergeometric in each
  // street, sd about 3.6 over the district); the old rule put both levers on the same 100.
  INFO("communities with both levers: " << both << " of 200");
  REQUIRE(both < 100);
  REQUIRE(both > 30);
  REQUIRE(both < 70);

  // Same seed, same communities; another seed, other communities.
  const auto again = placement_layout(0.5, 0.5, 7);
  const auto other = placement_layout(0.5, 0.5, 8);
  std::size_t same = 0, differ = 0;
  for (std::size_t c = 0; c < layout.communities.size(); ++c) {
    same += again.communities[c].separated == layout.communities[c].separated &&
            again.communities[c].general_practice == layout.communities[c].general_practice;
    differ += other.communities[c].general_practice != layout.communities[c].general_practice;
  }
  REQUIRE(same == layout.communities.size());
  REQUIRE(differ > 0);

  // A larger share keeps the communities of a smaller one.
  const auto smaller = placement_layout(0.25, 0.25, 7);
  for (std::size_t c = 0; c < layout.communities.size(); ++c) {
    if (smaller.communities[c].separated) REQUIRE(layout.communities[c].separated);
    if (smaller.communities[c].general_practice) REQUIRE(layout.communities[c].general_practice);
  }
}

TEST_CASE("Grid work: general-practice workers beyond the desk raise outreach and home-visit hours",
          "[model][statistical]") {
  const auto off = baseline_with();
  const auto on = baseline_with({"admin.general_practice_share=1"});
  // Everyone kept at the desk and no reach beyond the databases: 全科社工 without the grids.
  const auto desk_only = baseline_with({"admin.general_practice_share=1", "admin.general_practice_desk_staff=20",
                                        "admin.grid_unrecorded_reach=0"});
  const auto by_arm = compare_scenarios(off, std::vector<GovernanceParameters>{on, desk_only}, lever_replicates, master_seed);
  require_effect("L10 grids: 全科社工 everywhere vs off", by_arm[0], "worker_outreach_hours", +1);
  require_effect("L10 grids: 全科社工 everywhere vs off", by_arm[0], "found_by_outreach_share", +1);
  // The grids, not the shorter admin time alone, carry the outreach: 全科社工 with the grids
  // against 全科社工 with everyone at the desk.
  std::vector<double> grid_part;
  const auto& with_grids = metric(by_arm[0], "worker_outreach_hours").policy;
  const auto& at_desk = metric(by_arm[1], "worker_outreach_hours").policy;
  for (std::size_t r = 0; r < lever_replicates; ++r) grid_part.push_back(with_grids[r] - at_desk[r]);
  require_positive("L10 grids: with grids minus everyone at the desk", "worker_outreach_hours", grid_part);

  // Knockout: no grids, no reach and no admin saving leave nothing of the lever in the outcomes.
  auto knockout = desk_only;
  knockout.admin.general_practice_admin_factor = 1.0;
  const auto none = compare_scenarios(off, knockout, 2, master_seed);
  for (const char* name : {"worker_outreach_hours", "found_by_outreach_share", "satisfaction_mean"}) {
    const auto& d = metric(none, name).difference;
    INFO(name << " knockout difference " << d.mean);
    REQUIRE(d.mean == 0.0);
    REQUIRE(d.half_width == 0.0);
  }
}

TEST_CASE("Council: the governance council raises property-service quality year by year",
          "[model][statistical]") {
  const auto off = baseline_with();
  const auto on = baseline_with({"enterprises.governance_council=true"});
  const auto no_rate = baseline_with({"enterprises.governance_council=true", "enterprises.council_quality_rate_per_month=0",
                                      "enterprises.council_escalation_rate=0"});
  const auto by_arm = compare_scenarios(off, std::vector<GovernanceParameters>{on, no_rate}, lever_replicates, master_seed);
  require_effect("L20 council on vs off", by_arm[0], "property_quality_mean", +1);
  require_effect("L20 council on vs off", by_arm[0], "satisfaction_mean", +1);
  // Knockout: at rate 0 the council still adds its responsiveness within the week (more hours,
  // council_responsiveness_gain) but the companies' own quality never moves.
  const auto& still = metric(by_arm[1], "property_quality_mean").difference;
  INFO("property quality, council at rate 0 minus off: " << still.mean << " ± " << still.half_width);
  REQUIRE(still.mean == 0.0);
  REQUIRE(still.half_width == 0.0);
}

TEST_CASE("Council: quality keeps rising over the recorded years and complaints speed it", "[model]") {
  // One run a side: quality in the last recorded week above that of the first week after the
  // reform, and escalation of complaints adding to the base rate.
  auto run_final_quality = [](const std::vector<std::string>& settings) {
    auto p = baseline_with(settings);
    p.run.seed = static_cast<std::int64_t>(replicate_seed(0));
    GovernanceModel model(p);
    model.run_burn_in();
    double at_reform = 0;
    for (const auto& company : model.state().enterprises.property_companies) at_reform += company.quality;
    model.run_recorded();
    double at_end = 0;
    for (const auto& company : model.state().enterprises.property_companies) at_end += company.quality;
    return std::pair{at_reform, at_end};
  };
  const auto [before, after] = run_final_quality({"enterprises.governance_council=true"});
  REQUIRE(after > before);
  const auto [before_base, after_base] =
      run_final_quality({"enterprises.governance_council=true", "enterprises.council_escalation_rate=0"});
  REQUIRE(before_base == before);
  REQUIRE(after_base < after);  // complaints are filed (about 3 per 1,000 residents a month) and escalate
}

TEST_CASE("Purchase sized to demand: a demand-sized ¥300k catalogue spends less and leaves fewer paid hours idle",
          "[model][statistical]") {
  const std::vector<std::string> buy{"purchase.mode=tendered", "purchase.budget_per_community_yuan=300000"};
  auto sized = buy;
  sized.push_back("purchase.demand_headroom=1");
  const auto c = compare_scenarios(baseline_with(buy), baseline_with(sized), lever_replicates, master_seed);
  require_effect("L3 sized to demand (headroom 1) vs whole ¥300k", c, "purchase_spent_year", -1);
  require_effect("L3 sized to demand (headroom 1) vs whole ¥300k", c, "purchased_hours_idle_share", -1);
  require_effect("L3 sized to demand (headroom 1) vs whole ¥300k", c, "purchase_idle_spent_year", -1);
  report("L3 sized to demand (headroom 1) vs whole ¥300k", metric(c, "satisfaction_mean"));
}
