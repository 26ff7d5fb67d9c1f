#pragma once
// The window: GLFW 3.3 with an OpenGL 3.3 core context, Dear ImGui's GLFW and OpenGL3 backends,
// the CJK font, and reading the back buffer for screenshots.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct GLFWwindow;

namespace shanzhi::viz {

struct WindowOptions {
  int width = 0;   ///< 0: follow the screen (default_window_size)
  int height = 0;
  bool vsync = true;
  /// Every text the UI may show, so the font atlas holds exactly the glyphs needed.
  std::vector<std::string> texts;
};

class GlWindow {
 public:
  /// Opens the window; throws std::runtime_error with a user-facing message on failure
  /// (e.g. no display).
  explicit GlWindow(const WindowOptions& options);
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  bool should_close() const;
  /// Moves the pointer to the window's bottom-right corner (unattended screenshots show no
  /// hover tooltip from wherever the display put the pointer).
  void park_cursor();
  /// Starts a frame. `idle`: nothing changed since the last frame, so wait up to 1/30 s for
  /// input instead of drawing again at once (saves a core when the window is just shown).
  void begin_frame(bool idle = false);
  /// Renders ImGui's draw data (after ImGui::Render()) into the back buffer, before present().
  void render();
  void present();
  /// RGB pixels of the back buffer, rows top to bottom (call between render() and present()).
  std::vector<std::uint8_t> read_pixels(int& width, int& height) const;
  /// Whether the font has CJK glyphs (the font file was found).
  bool has_cjk_font() const { return cjk_font_; }

 private:
  GLFWwindow* window_ = nullptr;
  bool cjk_font_ = false;
  std::vector<unsigned short> glyph_ranges_;  // must outlive the font atlas build
};

/// Writes RGB pixels as PNG, atomically. Throws std::runtime_error on failure.
void write_png(const std::string& path, const std::vector<std::uint8_t>& rgb, int width, int height);

}  // namespace shanzhi::viz
