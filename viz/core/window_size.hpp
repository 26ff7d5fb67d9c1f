#pragma once
// The window's size when the user does not give one: most of the screen, so a classroom
// projector or a large monitor is used, but never smaller than the 1280×800 layout the panels
// are designed for (unless the screen itself is smaller).

namespace shanzhi::viz {

struct WindowSize {
  int width = 1280;
  int height = 800;
};

/// 90% of a `screen_width` × `screen_height` screen, at least 1280×800 where the screen allows;
/// 1280×800 when the screen is unknown (0 × 0).
WindowSize default_window_size(int screen_width, int screen_height);

}  // namespace shanzhi::viz
