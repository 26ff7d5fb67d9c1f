#include "sim/schedule.hpp"

namespace shanzhi::sim {

std::string_view to_string(Cadence cadence) {
  switch (cadence) {
    case Cadence::weekly: return "weekly";
    case Cadence::monthly: return "monthly";
    case Cadence::quarterly: return "quarterly";
    case Cadence::yearly: return "yearly";
    case Cadence::year_start: return "year start";
  }
  return "?";
}

bool runs_in(Cadence cadence, const CalendarDate& date) {
  switch (cadence) {
    case Cadence::weekly: return true;
    case Cadence::monthly: return date.ends_month;
    case Cadence::quarterly: return date.ends_quarter;
    case Cadence::yearly: return date.ends_year;
    case Cadence::year_start: return date.starts_year;
  }
  return false;
}

void Schedule::add(std::string name, Cadence cadence, std::function<void(const CalendarDate&)> run) {
  phases_.push_back(Phase{std::move(name), cadence, std::move(run)});
}

void Schedule::step(const CalendarDate& date) {
  using clock = std::chrono::steady_clock;
  for (auto& phase : phases_) {
    if (!runs_in(phase.cadence, date)) continue;
    const auto start = clock::now();
    phase.run(date);
    phase.seconds += std::chrono::duration<double>(clock::now() - start).count();
    ++phase.calls;
  }
}

void Schedule::reset_timers() {
  for (auto& phase : phases_) {
    phase.seconds = 0;
    phase.calls = 0;
  }
}

}  // namespace shanzhi::sim
