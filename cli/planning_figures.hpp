#pragma once
// Figures of `shanzhi optimize` and `shanzhi calibrate`, drawn by gnuplot like `shanzhi plot`'s:
// each PNG has its data (.dat) and script (.gp) beside it, so it can be restyled and redrawn.

#include <filesystem>
#include <string>

namespace shanzhi::cli {

/// Writes NAME.dat and NAME.gp into `dir`, runs gnuplot, and returns the PNG's path. Throws
/// std::runtime_error when gnuplot fails.
std::filesystem::path draw_figure(const std::filesystem::path& dir, const std::string& name, const std::string& data,
                                  const std::string& script);

/// Text for a single-quoted gnuplot string (quotes doubled; figures are drawn noenhanced).
std::string gnuplot_text(const std::string& text);

}  // namespace shanzhi::cli
