#include "core/csv_export.hpp"

#include "sim/output/run_outputs.hpp"

#include <charconv>

namespace shanzhi::viz {
namespace {

std::string number(double v) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, result.ptr);
}

}  // namespace

std::string plotted_data_csv(const Snapshot& s) {
  std::string out = "week";
  const std::size_t metric_count = s.metrics ? s.metrics->size() : 0;
  for (std::size_t m = 0; m < metric_count; ++m) out += "," + (*s.metrics)[m].name;
  if (s.compare_active)
    for (std::size_t m = 0; m < metric_count; ++m)
      out += ",baseline_" + (*s.metrics)[m].name + ",difference_" + (*s.metrics)[m].name;
  out += "\n";
  for (std::size_t i = 0; i < s.frames.size(); ++i) {
    const auto& f = *s.frames[i];
    out += std::to_string(f.week);
    for (double v : f.metrics) out += "," + number(v);
    if (s.compare_active) {
      const bool has_baseline = i < s.baseline_rows.size();
      for (std::size_t m = 0; m < metric_count; ++m) {
        if (!has_baseline) {
          out += ",,";
          continue;
        }
        const double b = (*s.baseline_rows[i])[m];
        out += "," + number(b) + "," + number(f.metrics[m] - b);
      }
    }
    out += "\n";
  }
  return out;
}

void export_plotted_data(const std::filesystem::path& file, const Snapshot& snapshot) {
  sim::write_file_atomically(file, plotted_data_csv(snapshot));
}

}  // namespace shanzhi::viz
