#include "core/plot_ticks.hpp"

#include <catch2/catch.hpp>

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
