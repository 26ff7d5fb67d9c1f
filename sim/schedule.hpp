#pragma once
// A step is a list of phases that the model declares in order. Each phase has a cadence (every
// week, or at the end of each month, quarter or year) and runs when its cadence matches the
// current calendar date. The schedule times each phase, which `shanzhi run --profile` reports.

#include "sim/calendar.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace shanzhi::sim {

enum class Cadence {
  weekly,      ///< every week
  monthly,     ///< in the last week of each month
  quarterly,   ///< in the last week of each quarter
  yearly,      ///< in the last week of each year
  year_start,  ///< in the first week of each year (budgets, tenders), before later phases
};

std::string_view to_string(Cadence cadence);

/// True when a phase of this cadence runs in the week `date`.
bool runs_in(Cadence cadence, const CalendarDate& date);

class Schedule {
 public:
  struct Phase {
    std::string name;
    Cadence cadence = Cadence::weekly;
    std::function<void(const CalendarDate&)> run;
    double seconds = 0;  ///< accumulated wall time
    long calls = 0;
  };

  void add(std::string name, Cadence cadence, std::function<void(const CalendarDate&)> run);

  /// Runs every phase due in week `date.week`, in declaration order.
  void step(const CalendarDate& date);

  const std::vector<Phase>& phases() const { return phases_; }
  void reset_timers();

 private:
  std::vector<Phase> phases_;
};

}  // namespace shanzhi::sim
