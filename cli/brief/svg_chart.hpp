#pragma once
// The policy brief's figures as inline SVG, so the brief is one file that any browser opens and
// prints without fetching anything: a time chart (lines with 95% bands) and an interval chart
// (one row per group, street or community: the effect as a dot with its 95% interval).
// Labels arrive already in the reader's language; values are written by sim/output/value_text.

#include "sim/output/language.hpp"
#include "sim/output/value_text.hpp"

#include <string>
#include <vector>

namespace shanzhi::cli::brief {

/// One line of a time chart with its band (lo/hi may equal mean: no band is drawn then).
struct TimeSeriesLine {
  std::string label;
  std::string colour;  ///< CSS colour
  bool dashed = false;
  std::vector<double> week, mean, lo, hi;
};

struct TimeChart {
  std::string title;
  std::string x_label;
  std::string y_label;
  sim::ValueKind kind = sim::ValueKind::number;
  sim::Language language = sim::Language::en;
  std::vector<TimeSeriesLine> lines;
  bool zero_line = false;  ///< a difference chart: mark zero
};

/// An <svg> element, `width` px wide; the y-range covers every line's band.
std::string time_chart_svg(const TimeChart& chart, int width = 720, int height = 300);

struct IntervalRow {
  std::string label;
  double mean = 0, low = 0, high = 0;
};

struct IntervalChart {
  std::string title;
  std::string x_label;
  sim::ValueKind kind = sim::ValueKind::number;
  sim::Language language = sim::Language::en;
  std::vector<IntervalRow> rows;
};

/// An <svg> element with one row per entry, zero marked; a row whose interval excludes zero is
/// drawn solid, one that includes it hollow (the effect's sign is not settled there).
std::string interval_chart_svg(const IntervalChart& chart, int width = 720);

/// `text` with &, <, >, " and ' escaped for HTML and SVG.
std::string escaped(const std::string& text);

}  // namespace shanzhi::cli::brief
