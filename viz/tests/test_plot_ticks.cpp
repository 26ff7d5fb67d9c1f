#include "core/plot_ticks.hpp"
#include "core/run_setup.hpp"
#include "core/window_size.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace shanzhi::viz;

TEST_CASE("Nice ticks are round numbers covering the range", "[viz][plot]") {
  const auto ticks = nice_ticks(0, 260, 5);
  REQUIRE(ticks.size() == 3);
  CHECK(ticks[0] == 0);
  CHECK(ticks[1] == Approx(100));
  CHECK(nice_ticks(-52, 260, 8).at(1) - nice_ticks(-52, 260, 8).at(0) == Approx(50));
  const auto small = nice_ticks(0.61, 0.74, 4);
  REQUIRE(small.size() == 2);
  CHECK(small[0] == Approx(0.65));
  CHECK(small[1] == Approx(0.7));
  CHECK(nice_ticks(1, 1, 4).empty());
}

TEST_CASE("Time window follows the data until zoomed and returns when zoomed out", "[viz][plot]") {
  TimeWindow w;
  w.fit(-52, 100);
  CHECK(w.lo == -52);
  CHECK(w.hi == 100);
  w.zoom(0.5, 100, -52, 100);
  CHECK_FALSE(w.follow);
  CHECK(w.hi == Approx(100));
  CHECK(w.hi - w.lo == Approx(76));
  w.fit(-52, 120);  // new data does not move a zoomed window
  CHECK(w.hi == Approx(100));
  w.pan(-10, -52, 120);
  CHECK(w.hi == Approx(90));
  w.zoom(100, 0, -52, 120);
  CHECK(w.follow);
  CHECK(w.lo == -52);
  CHECK(w.hi == 120);
}

TEST_CASE("A zero difference is drawn at the metric's scale", "[viz][plot]") {
  double lo = 0, hi = 0;
  widen_to_span(lo, hi, 1.2);  // 10% of a policy panel spanning 12 points
  CHECK(lo == Approx(-0.6));
  CHECK(hi == Approx(0.6));
  double wide_lo = -3, wide_hi = 5;
  widen_to_span(wide_lo, wide_hi, 1.2);  // already wider: unchanged
  CHECK(wide_lo == -3);
  CHECK(wide_hi == 5);
  // Ticks of the widened range are round numbers at that scale, not thousandths.
  for (const double t : nice_ticks(lo, hi, 4))
    if (t != 0) CHECK(std::abs(t) >= 0.1);
}

TEST_CASE("The y-range leaves the top rows to the legend", "[viz][plot]") {
  // A 120-px plot with a 40-px legend: the data (0..10) fills the lower 74 px.
  const double top = top_leaving_room(0, 10, 120, 40);
  CHECK(top == Approx(10.0 * 120 / 74));
  // The highest value then sits below the legend's bottom edge (pixel rows from the top).
  const double highest_px = 120 * (1 - 10 / top);
  CHECK(highest_px >= 40 + 6 - 1e-9);
  CHECK(top_leaving_room(0, 10, 120, 0) == 10);   // no legend
  CHECK(top_leaving_room(0, 10, 120, 70) == 10);  // a legend over half the plot: take a corner instead
}

TEST_CASE("A fiscal-year lever changed during a year takes effect when the next year opens", "[viz][levers]") {
  // One-year burn-in: years open at recorded weeks 0, 52, 104.
  CHECK(fiscal_year_effect_week(0, 52) == 0);
  CHECK(fiscal_year_effect_week(1, 52) == 52);
  CHECK(fiscal_year_effect_week(30, 52) == 52);
  CHECK(fiscal_year_effect_week(52, 52) == 52);
  CHECK(fiscal_year_effect_week(53, 52) == 104);
  // A 20-week burn-in: years open at simulated weeks 52, 104, i.e. recorded weeks 32, 84.
  CHECK(fiscal_year_effect_week(5, 20) == 32);
  CHECK(fiscal_year_effect_week(40, 20) == 84);
  CHECK(changes_at_fiscal_year({{"purchase.budget_per_community_yuan", shanzhi::sim::ParamValue{300000.0}}}));
  CHECK(changes_at_fiscal_year({{"admin.task_cut_share", shanzhi::sim::ParamValue{0.4}},
                                {"catalogue.elderly", shanzhi::sim::ParamValue{std::string("purchase")}}}));
  CHECK_FALSE(changes_at_fiscal_year({{"admin.task_cut_share", shanzhi::sim::ParamValue{0.4}}}));
}

TEST_CASE("The window follows the screen it opens on", "[viz][window]") {
  const auto large = default_window_size(1600, 1000);
  CHECK(large.width == 1440);
  CHECK(large.height == 900);
  const auto projector = default_window_size(1280, 800);  // the designed layout, whole screen
  CHECK(projector.width == 1280);
  CHECK(projector.height == 800);
  const auto small = default_window_size(1024, 768);  // smaller than designed: the screen
  CHECK(small.width == 1024);
  CHECK(small.height == 768);
  const auto unknown = default_window_size(0, 0);
  CHECK(unknown.width == 1280);
  CHECK(unknown.height == 800);
}

TEST_CASE("A flat line at zero gets a span at its own scale and no negative ticks", "[viz][plot]") {
  double lo = 0, hi = 0;
  flat_line_range(0, 0.05, true, lo, hi);  // a share that is zero all along (no vacancies yet)
  CHECK(lo == 0);
  CHECK(hi == Approx(0.05));
  for (const double t : nice_ticks(lo, hi, 4)) CHECK(t >= 0);
  flat_line_range(20, 0.5, true, lo, hi);
  CHECK(lo == Approx(19));
  CHECK(hi == Approx(21));
  flat_line_range(0, 0.5, false, lo, hi);  // a difference: both signs
  CHECK(lo == Approx(-0.5));
  CHECK(hi == Approx(0.5));
}
