#include "cli/planning_figures.hpp"

#include "sim/output/run_outputs.hpp"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace shanzhi::cli {

namespace fs = std::filesystem;

fs::path draw_figure(const fs::path& dir, const std::string& name, const std::string& data, const std::string& script) {
  sim::write_file_atomically(dir / (name + ".dat"), data);
  const fs::path png = dir / (name + ".png");
  // noenhanced: metric names keep their underscores instead of turning them into subscripts.
  const std::string header = "set terminal pngcairo noenhanced size 900,600 font 'WenQuanYi Micro Hei,11'\n"
                             "set output '" + name + ".png'\nset key outside bottom center horizontal\nset grid\n";
  sim::write_file_atomically(dir / (name + ".gp"), header + script);
  // gnuplot's messages are kept for the error, not printed: its layout warnings ("difficulty
  // making room for xtic labels") say nothing to the user about the results.
  const std::string command = "cd '" + dir.string() + "' && gnuplot '" + name + ".gp' 2>&1";
  std::string messages;
  int status = -1;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) messages += buffer;
    status = pclose(pipe);
  }
  if (status != 0 || !fs::exists(png) || fs::file_size(png) == 0)
    throw std::runtime_error("gnuplot could not draw " + png.string() +
                             " (is gnuplot installed? scripts/setup.sh installs it)" +
                             (messages.empty() ? "" : ":\n" + messages));
  return png;
}

std::string gnuplot_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\'') out += "'";
    out += c;
  }
  return out;
}

}  // namespace shanzhi::cli
