#pragma once
// A small reusable time-series plot drawn with ImDrawList (ImPlot is not packaged in Debian 12):
// axes with round ticks, several series, a legend, a hover readout, interval bands, event
// markers, and zoom (mouse wheel) and pan (drag) on the time axis; double-click follows the data.

#include "core/plot_ticks.hpp"
#include "core/value_text.hpp"

#include <imgui.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace shanzhi::viz {

struct PlotSeries {
  std::string label;
  std::span<const double> x;
  std::span<const double> y;
  ImU32 color = IM_COL32(80, 160, 230, 255);
  float thickness = 2.0f;
  bool dashed = false;
};

/// A shaded interval (e.g. 10th–90th percentile) drawn behind the series.
struct PlotBand {
  std::string label;
  std::span<const double> x;
  std::span<const double> lo;
  std::span<const double> hi;
  ImU32 color = IM_COL32(80, 160, 230, 50);
};

struct PlotMarker {
  double x = 0;
  std::string label;
};

struct PlotOptions {
  const char* title = "";
  const char* help = nullptr;       ///< shown when the title is hovered
  const char* value_format = "%.2f";  ///< hover readout of plain numbers (printf)
  ValueKind kind = ValueKind::number;  ///< shares as %, money with ¥ (ticks and readout)
  std::optional<double> y_min;      ///< fixed lower bound (else from data)
  std::optional<double> y_max;
  bool zero_line = false;           ///< emphasise y = 0 (difference plots)
  /// Smallest y span shown: a difference of exactly zero is drawn at the metric's own scale
  /// (e.g. ±5% of the policy panel's range), not as ±0.001 of nothing.
  double min_span = 0;
  /// The y-range holds the series and bands over every week they have, not only the visible ones,
  /// so zooming or panning never moves a line out of the plot (Compare's panels).
  bool y_over_whole_run = false;
  double shade_before_x = -1e300;   ///< shade the region left of this x (burn-in)
  const char* shade_label = nullptr;
};

/// Draws one plot filling `size` at the cursor. `window` holds the time range (shared between
/// plots so they zoom together); `data_lo`/`data_hi` bound the data's time range.
void draw_time_plot(const char* id, ImVec2 size, const PlotOptions& options, std::span<const PlotSeries> series,
                    std::span<const PlotBand> bands, std::span<const PlotMarker> markers, TimeWindow& window,
                    double data_lo, double data_hi);

/// Tick labels: compact numbers ("1.2m", "350k") so money fits the margin.
std::string tick_label(double v);

/// The (?) marker with a wrapped tooltip, as in imgui_demo's HelpMarker.
void help_marker(const char* text);
/// A tooltip with wrapped text for the last item.
void wrapped_tooltip(const char* text);

/// Colours of the dashboards' series.
ImU32 series_color(int index);

}  // namespace shanzhi::viz
