#include "core/dashes.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::viz {
namespace {

ScreenPoint along(ScreenPoint a, ScreenPoint b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

}  // namespace

std::vector<DashPiece> dash_pieces(const std::vector<ScreenPoint>& polyline, float dash_px, float gap_px) {
  std::vector<DashPiece> pieces;
  const float period = dash_px + gap_px;
  if (dash_px <= 0 || period <= 0) return pieces;
  float phase = 0;  // position in the pattern where the current segment starts
  for (std::size_t i = 1; i < polyline.size(); ++i) {
    const auto a = polyline[i - 1], b = polyline[i];
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    if (!(length > 0)) continue;
    float done = 0;
    while (done < length) {
      const float in_pattern = std::fmod(phase + done, period);
      const float next = std::min(length, done + (in_pattern < dash_px ? dash_px - in_pattern : period - in_pattern));
      if (in_pattern < dash_px) pieces.push_back({along(a, b, done / length), along(a, b, next / length)});
      done = next;
    }
    phase = std::fmod(phase + length, period);
  }
  return pieces;
}

}  // namespace shanzhi::viz
