// Checks a screenshot for the smoke test: `png_check FILE WIDTH HEIGHT` exits 0 when the PNG has
// that size and is not blank (many distinct colours, no single colour covering almost all of it).

#include <stb/stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <map>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: png_check FILE WIDTH HEIGHT\n");
    return 2;
  }
  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load(argv[1], &w, &h, &channels, 3);
  if (!pixels) {
    std::fprintf(stderr, "png_check: cannot read %s as PNG: %s\n", argv[1], stbi_failure_reason());
    return 1;
  }
  const int want_w = std::atoi(argv[2]), want_h = std::atoi(argv[3]);
  std::map<unsigned, long> colours;
  const long n = static_cast<long>(w) * h;
  for (long i = 0; i < n; ++i)
    ++colours[(unsigned{pixels[3 * i]} << 16) | (unsigned{pixels[3 * i + 1]} << 8) | pixels[3 * i + 2]];
  stbi_image_free(pixels);
  long largest = 0;
  for (const auto& [colour, count] : colours) largest = count > largest ? count : largest;
  std::printf("%s: %dx%d, %zu colours, most common colour covers %.1f%%\n", argv[1], w, h, colours.size(),
              100.0 * static_cast<double>(largest) / static_cast<double>(n));
  if (w != want_w || h != want_h) {
    std::fprintf(stderr, "png_check: expected %dx%d, got %dx%d\n", want_w, want_h, w, h);
    return 1;
  }
  if (colours.size() < 50 || largest > n * 9 / 10) {
    std::fprintf(stderr, "png_check: the screenshot looks blank\n");
    return 1;
  }
  return 0;
}
