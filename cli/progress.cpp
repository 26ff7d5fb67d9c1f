#include "cli/progress.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace shanzhi::cli {

std::string duration_text(double seconds) {
  if (!std::isfinite(seconds)) return "?";
  const auto total = static_cast<long>(std::lround(seconds));
  char buffer[32];
  if (seconds < 10) {  // short runs (tests, --limit) would all read "0s"
    std::snprintf(buffer, sizeof buffer, "%.1fs", seconds);
    return buffer;
  }
  if (total >= 3600) std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", total / 3600, total % 3600 / 60);
  else if (total >= 60) std::snprintf(buffer, sizeof buffer, "%ldm%02lds", total / 60, total % 60);
  else std::snprintf(buffer, sizeof buffer, "%lds", total);
  return buffer;
}

std::string rate_text(double runs_per_minute) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, runs_per_minute < 10 ? "%.2f" : "%.1f", runs_per_minute);
  return buffer;
}

Progress::Progress(std::ostream& out, std::size_t total, bool terminal)
    : out_(out), total_(total), terminal_(terminal), start_(Clock::now()), last_line_(start_) {}

void Progress::update(std::size_t done) {
  const auto now = Clock::now();
  if (terminal_) {
    if (done < total_ && now - last_line_ < std::chrono::milliseconds(200)) return;
    out_ << "\r" << status(done, now) << "\033[K" << std::flush;  // redraw in place, clear the rest
    drawn_ = true;
  } else {
    const std::size_t decile = total_ ? done * 10 / total_ : 10;
    if (decile <= last_decile_ && now - last_line_ < std::chrono::seconds(30) && done < total_) return;
    last_decile_ = decile;
    out_ << "  " << status(done, now) << "\n" << std::flush;
  }
  last_line_ = now;
}

void Progress::finish() {
  if (terminal_ && drawn_) out_ << "\n";
}

std::string Progress::status(std::size_t done, Clock::time_point now) const {
  const double minutes = std::chrono::duration<double>(now - start_).count() / 60;
  const double rate = minutes > 0 ? static_cast<double>(done) / minutes : 0;
  const double left = rate > 0 ? static_cast<double>(total_ - done) / rate * 60 : NAN;
  std::ostringstream line;
  if (terminal_) line << bar(done) << " ";
  line << done << "/" << total_ << " runs";
  if (!terminal_) line << " (" << (total_ ? done * 100 / total_ : 100) << "%)";
  line << ", " << rate_text(rate) << " runs/min, ETA " << (done == total_ ? "0s" : duration_text(left));
  return line.str();
}

std::string Progress::bar(std::size_t done) const {
  constexpr std::size_t width = 30;
  const std::size_t filled = total_ ? done * width / total_ : width;
  return "[" + std::string(filled, '#') + std::string(width - filled, '.') + "]";
}

}  // namespace shanzhi::cli
