// The 4-4-5 week calendar. Phases with monthly, quarterly and yearly cadence are triggered by the
// boundary flags, so every flag is checked week by week over two whole years, not only at a few
// hand-picked dates.

#include "sim/calendar.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace shanzhi::sim;

namespace {

constexpr int years_checked = 2;
constexpr int weeks_checked = years_checked * weeks_per_year;

std::vector<CalendarDate> first_two_years() {
  std::vector<CalendarDate> dates;
  for (int week = 0; week < weeks_checked; ++week) dates.push_back(date_of_week(week));
  return dates;
}

/// Number of weeks in each month of one year, counted from the month field alone.
std::vector<int> month_lengths(const std::vector<CalendarDate>& dates, int year) {
  std::vector<int> lengths(months_per_year, 0);
  for (const auto& d : dates)
    if (d.year == year) ++lengths[static_cast<std::size_t>(d.month)];
  return lengths;
}

}  // namespace

TEST_CASE("calendar constants describe a 52-week year of four 13-week quarters", "[sim][calendar]") {
  STATIC_REQUIRE(weeks_per_year == 52);
  STATIC_REQUIRE(weeks_per_quarter == 13);
  STATIC_REQUIRE(months_per_year == 12);
  STATIC_REQUIRE(4 * weeks_per_quarter == weeks_per_year);
}

TEST_CASE("week — year and week of year follow from the tick", "[sim][calendar]") {
  for (const auto& d : first_two_years()) {
    INFO("week " << d.week);
    CHECK(d.year == d.week / 52);
    CHECK(d.week_of_year == d.week % 52);
    CHECK(d.quarter == d.week_of_year / 13);
  }
  CHECK(date_of_week(0).year == 0);
  CHECK(date_of_week(51).year == 0);
  CHECK(date_of_week(52).year == 1);
  CHECK(date_of_week(52).week_of_year == 0);
  CHECK(date_of_week(5 * 52 + 7).year == 5);
}

TEST_CASE("every year has twelve months of 4 — 4 and 5 weeks in each quarter", "[sim][calendar]") {
  const auto dates = first_two_years();
  const std::vector<int> expected{4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5};
  for (int year = 0; year < years_checked; ++year) {
    INFO("year " << year);
    CHECK(month_lengths(dates, year) == expected);
  }
}

TEST_CASE("months never decrease within a year and belong to their quarter", "[sim][calendar]") {
  const auto dates = first_two_years();
  for (std::size_t i = 0; i < dates.size(); ++i) {
    const auto& d = dates[i];
    INFO("week " << d.week);
    CHECK(d.month >= 0);
    CHECK(d.month < months_per_year);
    CHECK(d.month / 3 == d.quarter);
    if (i > 0 && dates[i - 1].year == d.year) {
      const int step = d.month - dates[i - 1].month;
      CHECK((step == 0 || step == 1));
    }
  }
}

TEST_CASE("month start and end flags mark exactly the first and last week of each month", "[sim][calendar]") {
  const auto dates = first_two_years();
  for (std::size_t i = 0; i < dates.size(); ++i) {
    const auto& d = dates[i];
    INFO("week " << d.week);
    // The first week ever starts a month; otherwise a month starts when the month changes.
    const bool month_changed_since_last_week = i == 0 || dates[i - 1].month != d.month;
    CHECK(d.starts_month == month_changed_since_last_week);
    const bool month_changes_next_week = i + 1 == dates.size() || dates[i + 1].month != d.month;
    CHECK(d.ends_month == month_changes_next_week);
  }
}

TEST_CASE("each year has twelve month starts and ends — four quarter boundaries — one year start and end",
          "[sim][calendar]") {
  const auto dates = first_two_years();
  for (int year = 0; year < years_checked; ++year) {
    INFO("year " << year);
    int month_starts = 0, month_ends = 0, quarter_starts = 0, quarter_ends = 0, year_starts = 0, year_ends = 0;
    for (const auto& d : dates) {
      if (d.year != year) continue;
      month_starts += d.starts_month;
      month_ends += d.ends_month;
      quarter_starts += d.starts_quarter;
      quarter_ends += d.ends_quarter;
      year_starts += d.starts_year;
      year_ends += d.ends_year;
    }
    CHECK(month_starts == 12);
    CHECK(month_ends == 12);
    CHECK(quarter_starts == 4);
    CHECK(quarter_ends == 4);
    CHECK(year_starts == 1);
    CHECK(year_ends == 1);
  }
}

TEST_CASE("quarter boundaries fall on weeks 0 — 13 — 26 — 39 and the weeks before them", "[sim][calendar]") {
  for (const auto& d : first_two_years()) {
    INFO("week " << d.week);
    const int week_of_quarter = d.week_of_year % weeks_per_quarter;
    CHECK(d.starts_quarter == (week_of_quarter == 0));
    CHECK(d.ends_quarter == (week_of_quarter == weeks_per_quarter - 1));
    CHECK(d.starts_year == (d.week_of_year == 0));
    CHECK(d.ends_year == (d.week_of_year == 51));
    // A year boundary is also a quarter and month boundary, and a quarter boundary a month one,
    // so year-end phases always see a closed month and quarter.
    if (d.starts_year) CHECK(d.starts_quarter);
    if (d.starts_quarter) CHECK(d.starts_month);
    if (d.ends_year) CHECK(d.ends_quarter);
    if (d.ends_quarter) CHECK(d.ends_month);
  }
  const auto q3_start = date_of_week(26);
  CHECK(q3_start.quarter == 2);
  CHECK(q3_start.month == 6);
  CHECK(q3_start.starts_quarter);
  CHECK(date_of_week(25).ends_quarter);
  CHECK(date_of_week(25).quarter == 1);
}

TEST_CASE("month boundaries inside a quarter fall after weeks 4 and 8", "[sim][calendar]") {
  // Weeks 0-3 month 0, 4-7 month 1, 8-12 month 2 (the five-week month closes the quarter).
  CHECK(date_of_week(3).ends_month);
  CHECK(date_of_week(4).starts_month);
  CHECK(date_of_week(4).month == 1);
  CHECK(date_of_week(7).ends_month);
  CHECK(date_of_week(8).starts_month);
  CHECK(date_of_week(8).month == 2);
  CHECK_FALSE(date_of_week(11).ends_month);
  CHECK(date_of_week(12).ends_month);
  CHECK(date_of_week(12).month == 2);
  CHECK(date_of_week(51).month == 11);
  CHECK(date_of_week(47).month == 11);
  CHECK(date_of_week(46).month == 10);
}

TEST_CASE("describe labels dates with 1-based year — quarter — month and week", "[sim][calendar]") {
  CHECK(describe(date_of_week(0)) == "Y1 Q1 M1 W1");
  CHECK(describe(date_of_week(51)) == "Y1 Q4 M12 W52");
  CHECK(describe(date_of_week(52)) == "Y2 Q1 M1 W1");
  CHECK(describe(date_of_week(52 + 30)) == "Y2 Q3 M8 W31");
  CHECK(describe(date_of_week(4 * 52 + 12)) == "Y5 Q1 M3 W13");
}
