#pragma once
// Axis arithmetic for the plot module, kept free of ImGui so it can be tested: the y-range's
// room for legends and flat lines, and the visible time window under zoom and pan.

#include "sim/output/axis_ticks.hpp"

#include <vector>

namespace shanzhi::viz {

using sim::nice_ticks;  // round tick values (sim/output/axis_ticks.hpp)

/// [lo, hi] widened about its centre to at least `min_span` (unchanged when already wider).
/// A difference of exactly zero is then drawn at the metric's own scale, not as ±0.001.
void widen_to_span(double& lo, double& hi, double min_span);

/// The y-range of a flat line at `value`: ±5% of it, or ±`zero_half_span` at zero (e.g. 5 points
/// of a share, not ±0.001), never below zero for a non-negative value when `keep_sign`.
void flat_line_range(double value, double zero_half_span, bool keep_sign, double& lo, double& hi);

/// The top of a y-range [lo, hi] raised so the data fills only the part of a plot `plot_px`
/// high below a legend `legend_px` high (plus a 6 px gap), leaving the top corners to the
/// legend. Unchanged when there is no legend or it would take more than 55% of the height.
double top_leaving_room(double lo, double hi, float plot_px, float legend_px);

/// The visible range of a time axis: either following the data (`follow`) or a fixed window
/// the user zoomed or dragged to.
struct TimeWindow {
  bool follow = true;
  double lo = 0;
  double hi = 1;

  /// The range to draw for data spanning [data_lo, data_hi].
  void fit(double data_lo, double data_hi);
  /// Zooms by `factor` (< 1 zooms in) around `anchor`; leaves follow mode.
  void zoom(double factor, double anchor, double data_lo, double data_hi);
  /// Moves by `delta` units of time; leaves follow mode.
  void pan(double delta, double data_lo, double data_hi);
};

}  // namespace shanzhi::viz
