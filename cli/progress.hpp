#pragma once
// A progress line for long commands (sweep, compare --assumptions): runs done out of the total,
// runs per minute and the time left. On a terminal a bar is redrawn in place; otherwise a plain
// line is printed every 10% or 30 s, so logs and CI stay readable.

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace shanzhi::cli {

/// "4.2s" under 10 s, else "42s", "3m05s" or "1h02m"; "?" when not finite.
std::string duration_text(double seconds);

/// Runs per minute with two decimals below 10, else one.
std::string rate_text(double runs_per_minute);

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  /// Writes to `out`; `terminal` when `out` is a terminal (redraw in place).
  Progress(std::ostream& out, std::size_t total, bool terminal);

  /// Shows `done` runs finished (at most every 200 ms on a terminal).
  void update(std::size_t done);
  /// Ends the bar's line on a terminal, keeping its last state on screen.
  void finish();

 private:
  std::string status(std::size_t done, Clock::time_point now) const;
  std::string bar(std::size_t done) const;

  std::ostream& out_;
  std::size_t total_;
  bool terminal_;
  Clock::time_point start_;
  Clock::time_point last_line_;
  std::size_t last_decile_ = 0;
  bool drawn_ = false;
};

}  // namespace shanzhi::cli
