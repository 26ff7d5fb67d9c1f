#include "core/plot_ticks.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::viz {

void TimeWindow::fit(double data_lo, double data_hi) {
  if (data_hi <= data_lo) data_hi = data_lo + 1;
  if (follow) {
    lo = data_lo;
    hi = data_hi;
  }
}

void TimeWindow::zoom(double factor, double anchor, double data_lo, double data_hi) {
  const double width = std::clamp((hi - lo) * factor, 4.0, std::max(4.0, (data_hi - data_lo) * 1.05));
  const double t = hi > lo ? (anchor - lo) / (hi - lo) : 0.5;
  lo = anchor - t * width;
  hi = lo + width;
  follow = false;
  if (width >= data_hi - data_lo) {  // zoomed all the way out: follow the data again
    follow = true;
    lo = data_lo;
    hi = data_hi;
  }
}

void TimeWindow::pan(double delta, double data_lo, double data_hi) {
  const double width = hi - lo;
  lo = std::clamp(lo + delta, data_lo - width * 0.5, std::max(data_lo, data_hi - width * 0.5));
  hi = lo + width;
  follow = false;
}

void widen_to_span(double& lo, double& hi, double min_span) {
  if (hi - lo >= min_span) return;
  const double centre = (lo + hi) / 2;
  lo = centre - min_span / 2;
  hi = centre + min_span / 2;
}

void flat_line_range(double value, double zero_half_span, bool keep_sign, double& lo, double& hi) {
  const double half = value != 0 ? std::abs(value) * 0.05 : zero_half_span;
  lo = value >= 0 && keep_sign ? std::max(0.0, value - half) : value - half;
  hi = value + half;
}

double top_leaving_room(double lo, double hi, float plot_px, float legend_px) {
  if (legend_px <= 0 || legend_px > 0.55f * plot_px) return hi;
  return lo + (hi - lo) * plot_px / (plot_px - legend_px - 6);
}

}  // namespace shanzhi::viz
