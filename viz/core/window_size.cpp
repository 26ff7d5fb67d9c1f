#include "core/window_size.hpp"

#include <algorithm>

namespace shanzhi::viz {

WindowSize default_window_size(int screen_width, int screen_height) {
  const WindowSize designed;
  if (screen_width <= 0 || screen_height <= 0) return designed;
  const auto fit = [](int screen, int design) { return std::max(screen * 9 / 10, std::min(design, screen)); };
  return {fit(screen_width, designed.width), fit(screen_height, designed.height)};
}

}  // namespace shanzhi::viz
