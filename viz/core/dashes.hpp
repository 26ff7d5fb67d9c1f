#pragma once
// Dashed lines for the plots: the dash pattern runs on along the whole polyline. Dashing each
// segment on its own restarts the pattern at every point and drops segments shorter than a pixel,
// so a long run in a narrow plot (Compare's baseline after some 80–200 weeks) vanished. Free of
// ImGui so it can be tested.

#include <vector>

namespace shanzhi::viz {

struct ScreenPoint {
  float x = 0;
  float y = 0;
};

/// One dash to draw, from `from` to `to`.
struct DashPiece {
  ScreenPoint from;
  ScreenPoint to;
};

/// The pieces of `polyline` that fall in the dashes of a pattern of `dash_px` drawn and `gap_px`
/// left out, measured along the line from its first point. A dash that spans several segments
/// comes as several pieces.
std::vector<DashPiece> dash_pieces(const std::vector<ScreenPoint>& polyline, float dash_px, float gap_px);

}  // namespace shanzhi::viz
