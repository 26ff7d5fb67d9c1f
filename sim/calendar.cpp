#include "sim/calendar.hpp"

#include <array>

namespace shanzhi::sim {
namespace {

// First week (within a quarter) of each of its three months: 4-4-5 weeks.
constexpr std::array<int, 3> month_start_in_quarter{0, 4, 8};

int month_in_quarter(int week_of_quarter) {
  if (week_of_quarter >= month_start_in_quarter[2]) return 2;
  if (week_of_quarter >= month_start_in_quarter[1]) return 1;
  return 0;
}

}  // namespace

CalendarDate date_of_week(int week) {
  CalendarDate d;
  d.week = week;
  d.year = week / weeks_per_year;
  d.week_of_year = week % weeks_per_year;
  d.quarter = d.week_of_year / weeks_per_quarter;
  const int week_of_quarter = d.week_of_year % weeks_per_quarter;
  const int m = month_in_quarter(week_of_quarter);
  d.month = d.quarter * 3 + m;
  d.starts_month = week_of_quarter == month_start_in_quarter[static_cast<std::size_t>(m)];
  d.starts_quarter = week_of_quarter == 0;
  d.starts_year = d.week_of_year == 0;
  const int next_in_quarter = week_of_quarter + 1;
  d.ends_quarter = next_in_quarter == weeks_per_quarter;
  d.ends_month = d.ends_quarter || next_in_quarter == month_start_in_quarter[1] ||
                 next_in_quarter == month_start_in_quarter[2];
  d.ends_year = d.week_of_year == weeks_per_year - 1;
  return d;
}

std::string describe(const CalendarDate& d) {
  return "Y" + std::to_string(d.year + 1) + " Q" + std::to_string(d.quarter + 1) + " M" +
         std::to_string(d.month + 1) + " W" + std::to_string(d.week_of_year + 1);
}

}  // namespace shanzhi::sim
