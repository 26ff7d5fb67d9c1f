// The step schedule: which phases run in which week, in what order, and what the profiler
// counts. Cadences are checked by running a schedule over whole years of the real calendar and
// counting calls, so a wrong boundary flag or a wrong cadence mapping shows up as a wrong count.

#include "sim/schedule.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

using namespace shanzhi::sim;

namespace {

/// Runs `schedule` for weeks [0, weeks).
void run_weeks(Schedule& schedule, int weeks) {
  for (int week = 0; week < weeks; ++week) schedule.step(date_of_week(week));
}

/// The weeks (0-based ticks) in which a phase of `cadence` ran over `years` years.
std::vector<int> weeks_run(Cadence cadence, int years) {
  std::vector<int> weeks;
  Schedule schedule;
  schedule.add("probe", cadence, [&](const CalendarDate& d) { weeks.push_back(d.week); });
  run_weeks(schedule, years * weeks_per_year);
  return weeks;
}

/// Calls of a phase of `cadence` in each year.
std::map<int, int> calls_per_year(Cadence cadence, int years) {
  std::map<int, int> calls;
  for (int year = 0; year < years; ++year) calls[year] = 0;
  for (int week : weeks_run(cadence, years)) ++calls[week / weeks_per_year];
  return calls;
}

}  // namespace

TEST_CASE("cadence names", "[sim][schedule]") {
  CHECK(to_string(Cadence::weekly) == "weekly");
  CHECK(to_string(Cadence::monthly) == "monthly");
  CHECK(to_string(Cadence::quarterly) == "quarterly");
  CHECK(to_string(Cadence::yearly) == "yearly");
  CHECK(to_string(Cadence::year_start) == "year start");
}

TEST_CASE("runs_in maps each cadence to its calendar flag", "[sim][schedule]") {
  for (int week = 0; week < 2 * weeks_per_year; ++week) {
    const CalendarDate d = date_of_week(week);
    INFO("week " << week);
    CHECK(runs_in(Cadence::weekly, d));
    CHECK(runs_in(Cadence::monthly, d) == d.ends_month);
    CHECK(runs_in(Cadence::quarterly, d) == d.ends_quarter);
    CHECK(runs_in(Cadence::yearly, d) == d.ends_year);
    CHECK(runs_in(Cadence::year_start, d) == d.starts_year);
  }
}

TEST_CASE("phases due in a week run in declaration order — whatever their cadence", "[sim][schedule]") {
  std::vector<std::string> order;
  Schedule schedule;
  auto log = [&order](std::string name) { return [&order, name](const CalendarDate&) { order.push_back(name); }; };
  schedule.add("needs", Cadence::weekly, log("needs"));
  schedule.add("budget", Cadence::year_start, log("budget"));
  schedule.add("finances", Cadence::monthly, log("finances"));
  schedule.add("residents", Cadence::weekly, log("residents"));
  schedule.add("appraisal", Cadence::quarterly, log("appraisal"));
  schedule.add("close year", Cadence::yearly, log("close year"));

  schedule.step(date_of_week(0));  // first week of a year: weekly and year-start phases
  CHECK(order == std::vector<std::string>{"needs", "budget", "residents"});

  order.clear();
  schedule.step(date_of_week(1));  // an ordinary week
  CHECK(order == std::vector<std::string>{"needs", "residents"});

  order.clear();
  schedule.step(date_of_week(51));  // last week of a year: month, quarter and year all end
  CHECK(order == std::vector<std::string>{"needs", "finances", "residents", "appraisal", "close year"});

  REQUIRE(schedule.phases().size() == 6);
  CHECK(schedule.phases()[0].name == "needs");
  CHECK(schedule.phases()[1].cadence == Cadence::year_start);
  CHECK(schedule.phases()[5].name == "close year");
}

TEST_CASE("each phase receives the date of the week being run", "[sim][schedule]") {
  std::vector<CalendarDate> seen;
  Schedule schedule;
  schedule.add("probe", Cadence::weekly, [&](const CalendarDate& d) { seen.push_back(d); });
  schedule.step(date_of_week(70));
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].week == 70);
  CHECK(seen[0].year == 1);
  CHECK(seen[0].week_of_year == 18);
}

TEST_CASE("weekly phases run every week", "[sim][schedule]") {
  const auto weeks = weeks_run(Cadence::weekly, 3);
  REQUIRE(weeks.size() == 3 * 52);
  for (std::size_t i = 0; i < weeks.size(); ++i) CHECK(weeks[i] == static_cast<int>(i));
}

TEST_CASE("monthly phases run 12 times a year — at the end of each month", "[sim][schedule]") {
  for (const auto& [year, calls] : calls_per_year(Cadence::monthly, 3)) {
    INFO("year " << year);
    CHECK(calls == 12);
  }
  const auto weeks = weeks_run(Cadence::monthly, 1);
  CHECK(weeks == std::vector<int>{3, 7, 12, 16, 20, 25, 29, 33, 38, 42, 46, 51});
}

TEST_CASE("quarterly phases run 4 times a year — at the end of each quarter", "[sim][schedule]") {
  for (const auto& [year, calls] : calls_per_year(Cadence::quarterly, 3)) {
    INFO("year " << year);
    CHECK(calls == 4);
  }
  CHECK(weeks_run(Cadence::quarterly, 2) == std::vector<int>{12, 25, 38, 51, 64, 77, 90, 103});
}

TEST_CASE("yearly phases run once a year — in its last week", "[sim][schedule]") {
  for (const auto& [year, calls] : calls_per_year(Cadence::yearly, 3)) {
    INFO("year " << year);
    CHECK(calls == 1);
  }
  CHECK(weeks_run(Cadence::yearly, 3) == std::vector<int>{51, 103, 155});
}

TEST_CASE("year-start phases run once a year — in its first week", "[sim][schedule]") {
  CHECK(weeks_run(Cadence::year_start, 3) == std::vector<int>{0, 52, 104});
}

TEST_CASE("the schedule counts calls and accumulates time per phase", "[sim][schedule]") {
  using namespace std::chrono_literals;
  Schedule schedule;
  schedule.add("slow", Cadence::weekly, [](const CalendarDate&) { std::this_thread::sleep_for(2ms); });
  schedule.add("quarter end", Cadence::quarterly, [](const CalendarDate&) {});

  run_weeks(schedule, 13);
  const auto& slow = schedule.phases()[0];
  const auto& quarter_end = schedule.phases()[1];
  CHECK(slow.calls == 13);
  CHECK(quarter_end.calls == 1);
  // sleep_for waits at least the requested time, so 13 calls take at least 26 ms.
  CHECK(slow.seconds >= 0.026);
  CHECK(slow.seconds < 5.0);  // generous: only catches units mixed up (ms counted as s)
  CHECK(quarter_end.seconds >= 0.0);
  CHECK(quarter_end.seconds < slow.seconds);

  const double after_one_quarter = slow.seconds;
  run_weeks(schedule, 2);  // weeks 0 and 1 again: timers keep accumulating
  CHECK(slow.calls == 15);
  CHECK(slow.seconds > after_one_quarter);
}

TEST_CASE("reset_timers zeroes counts and times but keeps the phases", "[sim][schedule]") {
  int runs = 0;
  Schedule schedule;
  schedule.add("count", Cadence::weekly, [&](const CalendarDate&) { ++runs; });
  run_weeks(schedule, 5);
  REQUIRE(schedule.phases()[0].calls == 5);

  schedule.reset_timers();
  REQUIRE(schedule.phases().size() == 1);
  CHECK(schedule.phases()[0].calls == 0);
  CHECK(schedule.phases()[0].seconds == 0.0);

  schedule.step(date_of_week(5));
  CHECK(schedule.phases()[0].calls == 1);
  CHECK(runs == 6);
}
