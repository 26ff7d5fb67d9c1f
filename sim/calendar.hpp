#pragma once
// The simulated calendar: one tick is one week. A year is 52 weeks, split into four 13-week
// quarters, each quarter into months of 4, 4 and 5 weeks (the retail "4-4-5" calendar), so that
// month, quarter and year boundaries always fall on whole weeks and every year is the same.

#include <cstdint>
#include <string>

namespace shanzhi::sim {

inline constexpr int weeks_per_year = 52;
inline constexpr int weeks_per_quarter = 13;
inline constexpr int quarters_per_year = weeks_per_year / weeks_per_quarter;
inline constexpr int months_per_year = 12;

/// Position of a week (0-based tick) in the calendar.
struct CalendarDate {
  int week = 0;             ///< tick, 0-based
  int year = 0;             ///< 0-based
  int week_of_year = 0;     ///< 0..51
  int quarter = 0;          ///< 0..3 within the year
  int month = 0;            ///< 0..11 within the year
  bool starts_month = false;
  bool starts_quarter = false;
  bool starts_year = false;
  bool ends_month = false;
  bool ends_quarter = false;
  bool ends_year = false;
};

/// The date of 0-based tick `week`.
CalendarDate date_of_week(int week);

/// "Y2 Q3 M8 W31" style label for messages and the GUI.
std::string describe(const CalendarDate& date);

}  // namespace shanzhi::sim
