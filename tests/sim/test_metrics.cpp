#include "sim/metrics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

using namespace shanzhi::sim;

namespace {

MetricInfo metric(std::string name, Direction direction = Direction::neutral) {
  MetricInfo info;
  info.name = std::move(name);
  info.unit = "points 0-100";
  info.description = "test metric";
  info.direction = direction;
  return info;
}

std::string message_of_out_of_range(const MetricRecorder& recorder, std::string_view name) {
  try {
    recorder.handle(name);
  } catch (const std::out_of_range& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("Direction names are the words written to outcomes.csv", "[metrics]") {
  CHECK(to_string(Direction::higher_is_better) == "higher");
  CHECK(to_string(Direction::lower_is_better) == "lower");
  CHECK(to_string(Direction::neutral) == "neutral");
}

TEST_CASE("declare returns consecutive handles and refuses duplicate names", "[metrics]") {
  MetricRecorder recorder;
  CHECK(recorder.declare(metric("satisfaction_mean", Direction::higher_is_better)) == 0);
  CHECK(recorder.declare(metric("complaints")) == 1);
  REQUIRE(recorder.metrics().size() == 2);
  CHECK(recorder.metrics()[0].direction == Direction::higher_is_better);

  CHECK_THROWS_AS(recorder.declare(metric("complaints")), std::invalid_argument);
  CHECK(recorder.metrics().size() == 2);  // the failed declaration left nothing behind
}

TEST_CASE("declaring after the first row is a logic error", "[metrics]") {
  MetricRecorder recorder;
  recorder.declare(metric("a"));
  recorder.begin_row(0);
  CHECK_THROWS_AS(recorder.declare(metric("b")), std::logic_error);
  CHECK(recorder.metrics().size() == 1);
}

TEST_CASE("begin_row starts a row of NaN that set fills", "[metrics]") {
  MetricRecorder recorder;
  const auto a = recorder.declare(metric("a"));
  const auto b = recorder.declare(metric("b"));
  CHECK(recorder.row_count() == 0);

  recorder.begin_row(104);
  CHECK(recorder.row_count() == 1);
  CHECK(recorder.week_of_row(0) == 104);
  CHECK(std::isnan(recorder.value(0, a)));
  CHECK(std::isnan(recorder.value(0, b)));

  recorder.set(b, 2.5);
  recorder.begin_row(105);
  recorder.set(a, -1.0);
  CHECK(recorder.row_count() == 2);
  CHECK(recorder.week_of_row(1) == 105);
  CHECK(std::isnan(recorder.value(0, a)));
  CHECK(recorder.value(0, b) == 2.5);
  CHECK(recorder.value(1, a) == -1.0);
  CHECK(std::isnan(recorder.value(1, b)));
  CHECK(recorder.final_value(a) == -1.0);
}

TEST_CASE("set overwrites only the current row", "[metrics]") {
  MetricRecorder recorder;
  const auto a = recorder.declare(metric("a"));
  recorder.begin_row(0);
  recorder.set(a, 1.0);
  recorder.set(a, 2.0);
  recorder.begin_row(1);
  recorder.set(a, 3.0);
  CHECK(recorder.value(0, a) == 2.0);
  CHECK(recorder.value(1, a) == 3.0);
}

TEST_CASE("set before any row — or with an unknown handle — throws", "[metrics]") {
  MetricRecorder recorder;
  const auto a = recorder.declare(metric("a"));
  CHECK_THROWS_AS(recorder.set(a, 1.0), std::logic_error);
  recorder.begin_row(0);
  CHECK_THROWS_AS(recorder.set(a + 1, 1.0), std::out_of_range);
  CHECK_NOTHROW(recorder.set(a, 1.0));
}

TEST_CASE("handle finds metrics by name and names the missing one", "[metrics]") {
  MetricRecorder recorder;
  recorder.declare(metric("first"));
  recorder.declare(metric("second"));
  CHECK(recorder.handle("first") == 0);
  CHECK(recorder.handle("second") == 1);
  CHECK_THROWS_AS(recorder.handle("third"), std::out_of_range);
  CHECK(message_of_out_of_range(recorder, "third").find("third") != std::string::npos);
}

TEST_CASE("mean_of_last averages the newest rows", "[metrics]") {
  MetricRecorder recorder;
  const auto a = recorder.declare(metric("a"));

  SECTION("no rows gives NaN") { CHECK(std::isnan(recorder.mean_of_last(a, 52))); }

  SECTION("window smaller than the run") {
    for (int week = 0; week < 10; ++week) {
      recorder.begin_row(week);
      recorder.set(a, week);
    }
    CHECK(recorder.mean_of_last(a, 4) == Approx((6 + 7 + 8 + 9) / 4.0));
    CHECK(recorder.mean_of_last(a, 1) == 9.0);
    CHECK(std::isnan(recorder.mean_of_last(a, 0)));
  }

  SECTION("window larger than the run uses every row") {
    for (int week = 0; week < 3; ++week) {
      recorder.begin_row(week);
      recorder.set(a, 10.0 * week);
    }
    CHECK(recorder.mean_of_last(a, 52) == Approx(10.0));
  }

  SECTION("an unset week inside the window shows as NaN") {
    recorder.begin_row(0);
    recorder.set(a, 1.0);
    recorder.begin_row(1);
    CHECK(std::isnan(recorder.mean_of_last(a, 2)));
    CHECK(recorder.mean_of_last(a, 52) != 0.5);  // not silently averaged as if the gap were 0
    CHECK(recorder.value(0, a) == 1.0);
  }

  SECTION("an undeclared handle throws") { CHECK_THROWS_AS(recorder.mean_of_last(a + 1, 52), std::out_of_range); }
}
