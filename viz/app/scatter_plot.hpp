#pragma once
// A scatter plot drawn with ImDrawList, the companion of plot.hpp's time plot: points with
// optional error bars (95% intervals), a line through chosen points (a Pareto front), dashed
// links between pairs of points, round ticks on both axes, a legend below the plot (so it never
// hides points), and which point the mouse is over or clicked.

#include "core/value_text.hpp"

#include <imgui.h>

#include <span>
#include <string>
#include <vector>

namespace shanzhi::viz {

struct ScatterPoint {
  double x = 0, y = 0;
  ImU32 color = IM_COL32(120, 120, 130, 255);
  float radius = 3.0f;
  bool filled = true;
  bool square = false;  ///< a square marker instead of a dot
  bool x_bar = false, y_bar = false;  ///< draw an error bar on that axis
  double x_low = 0, x_high = 0, y_low = 0, y_high = 0;
};

struct ScatterLegend {
  std::string label;
  ImU32 color = 0;
  bool filled = true;
  bool bar = false;     ///< shown as an error bar instead of a dot
  bool square = false;  ///< shown as a square
};

struct ScatterOptions {
  const char* title = "";
  const char* help = nullptr;          ///< shown when the title is hovered
  const char* x_label = "";
  const char* y_label = "";
  ValueKind x_kind = ValueKind::number;  ///< tick labels: shares as %, money with ¥
  ValueKind y_kind = ValueKind::number;
  std::span<const std::size_t> line;   ///< points joined in this order (e.g. the front)
  ImU32 line_color = IM_COL32(214, 39, 40, 160);
  /// Pairs of points joined by a thin dashed segment (e.g. a search estimate and its re-evaluation).
  std::span<const std::pair<std::size_t, std::size_t>> links;
  int highlighted = -1;                ///< a point drawn with a ring (the selection)
  std::span<const ScatterLegend> legend;
};

/// Which point the mouse is over (nearest within a few pixels) and which one was clicked, or −1.
struct ScatterHit {
  int hovered = -1;
  int clicked = -1;
};

/// Draws the plot filling `size` at the cursor. The caller shows the hovered point's tooltip.
ScatterHit draw_scatter_plot(const char* id, ImVec2 size, const ScatterOptions& options,
                             std::span<const ScatterPoint> points);

}  // namespace shanzhi::viz
