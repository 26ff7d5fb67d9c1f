#include "app/gl_window.hpp"

#include "core/window_size.hpp"

#include "sim/output/run_outputs.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
// libstb (Debian) holds the implementation.
#include <stb/stb_image_write.h>

#include <filesystem>
#include <stdexcept>

namespace shanzhi::viz {
namespace {

constexpr const char* cjk_font_path = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
std::string glfw_error;

void on_glfw_error(int code, const char* description) {
  glfw_error = "GLFW error " + std::to_string(code) + ": " + description;
}

void apply_style() {
  ImGui::StyleColorsLight();
  auto& style = ImGui::GetStyle();
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.WindowBorderSize = 1;
  style.ItemSpacing = ImVec2(8, 5);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
  style.Colors[ImGuiCol_FrameBg] = ImVec4(0.91f, 0.92f, 0.95f, 1);
  style.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.84f, 0.88f, 0.95f, 1);
  style.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.78f, 0.84f, 0.92f, 1);
  style.Colors[ImGuiCol_TitleBg] = ImVec4(0.86f, 0.89f, 0.94f, 1);
}

}  // namespace

GlWindow::GlWindow(const WindowOptions& options) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    throw std::runtime_error("cannot open a window (" + glfw_error +
                             "). shanzhi-viz needs a display: run it on a desktop, or under "
                             "xvfb-run -a -s \"-screen 0 1280x800x24\" for screenshots.");
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
  // Without --width/--height the window takes most of the screen it opens on.
  int screen_width = 0, screen_height = 0;
  if (const GLFWvidmode* mode = glfwGetPrimaryMonitor() ? glfwGetVideoMode(glfwGetPrimaryMonitor()) : nullptr)
    screen_width = mode->width, screen_height = mode->height;
  const auto fitted = default_window_size(screen_width, screen_height);
  const int width = options.width > 0 ? options.width : fitted.width;
  const int height = options.height > 0 ? options.height : fitted.height;
  window_ = glfwCreateWindow(width, height, "Shanzhi 善治", nullptr, nullptr);
  if (!window_) {
    glfwTerminate();
    throw std::runtime_error("cannot create an OpenGL 3.3 window (" + glfw_error + ")");
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(options.vsync ? 1 : 0);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  auto& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini: layout is fixed and tests write nothing
  apply_style();

  // Glyphs: the common Chinese range plus every character of every UI text (the common range
  // lacks some, e.g. 拟 and 帧); the full range would make a huge, slow atlas.
  if (std::filesystem::exists(cjk_font_path)) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
    for (const auto& text : options.texts) builder.AddText(text.c_str());
    builder.AddText("−×·≥≤–—…“”‘’（）：，。、；！？¥");
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    glyph_ranges_.assign(ranges.begin(), ranges.end());
    ImFontConfig config;
    config.FontNo = 0;
    config.OversampleH = 1;
    config.PixelSnapH = true;
    cjk_font_ = io.Fonts->AddFontFromFileTTF(cjk_font_path, 16.0f, &config, glyph_ranges_.data()) != nullptr;
  }
  if (!cjk_font_) io.Fonts->AddFontDefault();

  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

GlWindow::~GlWindow() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

void GlWindow::park_cursor() {
  int w = 0, h = 0;
  glfwGetWindowSize(window_, &w, &h);
  glfwSetCursorPos(window_, w - 2, h - 2);
}

bool GlWindow::should_close() const { return glfwWindowShouldClose(window_) != 0; }

void GlWindow::begin_frame(bool idle) {
  if (idle) glfwWaitEventsTimeout(1.0 / 30.0);
  else glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void GlWindow::render() {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.93f, 0.94f, 0.96f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void GlWindow::present() { glfwSwapBuffers(window_); }

std::vector<std::uint8_t> GlWindow::read_pixels(int& width, int& height) const {
  glfwGetFramebufferSize(window_, &width, &height);
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, rgb.data());
  // OpenGL rows run bottom to top.
  const std::size_t row = static_cast<std::size_t>(width) * 3;
  for (int y = 0; y < height / 2; ++y)
    std::swap_ranges(rgb.begin() + static_cast<std::ptrdiff_t>(y * row), rgb.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                     rgb.begin() + static_cast<std::ptrdiff_t>((height - 1 - y) * row));
  return rgb;
}

void write_png(const std::string& path, const std::vector<std::uint8_t>& rgb, int width, int height) {
  std::string png;
  auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
  };
  if (!stbi_write_png_to_func(append, &png, width, height, 3, rgb.data(), width * 3))
    throw std::runtime_error("cannot encode the screenshot as PNG");
  sim::write_file_atomically(path, png);
}

}  // namespace shanzhi::viz
