#pragma once
// Axis arithmetic for the plot module, kept free of ImGui so it can be tested: "nice" tick
// values (1, 2, 5 × 10^k) and the visible time window under zoom and pan.

#include <vector>

namespace shanzhi::viz {

/// About `target_count` round tick values covering [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int target_count);

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
