#include "cli/brief/svg_chart.hpp"

#include "sim/output/axis_ticks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace shanzhi::cli::brief {
namespace {

std::string px(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string plain_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

/// Maps data values onto pixels along one axis.
struct Scale {
  double lo = 0, hi = 1;        // data
  double from = 0, to = 1;      // pixels
  double operator()(double v) const { return from + (v - lo) / (hi - lo) * (to - from); }
};

/// [lo, hi] with a little room, never empty: a flat line gets ±5% of its value (±1 at zero).
void padded(double& lo, double& hi) {
  if (!(hi > lo)) {
    const double half = lo != 0 ? std::fabs(lo) * 0.05 : 1.0;
    lo -= half, hi += half;
    return;
  }
  const double room = (hi - lo) * 0.05;
  lo -= room, hi += room;
}

std::string text_element(double x, double y, const std::string& text, const char* anchor, const char* extra = "") {
  return "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" + anchor + "\"" + extra + ">" + escaped(text) +
         "</text>";
}

std::string line_element(double x1, double y1, double x2, double y2, const char* style) {
  return "<line x1=\"" + px(x1) + "\" y1=\"" + px(y1) + "\" x2=\"" + px(x2) + "\" y2=\"" + px(y2) + "\" " + style + "/>";
}

std::string svg_open(int width, int height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
         "\" role=\"img\"><title>" + escaped(title) + "</title>" +
         text_element(4, 16, title, "start", " class=\"chart-title\"");
}

/// The y-range every band and line fits in.
void value_range(const TimeChart& chart, double& lo, double& hi) {
  lo = std::numeric_limits<double>::infinity();
  hi = -lo;
  for (const auto& line : chart.lines)
    for (std::size_t i = 0; i < line.mean.size(); ++i) {
      for (double v : {line.lo[i], line.hi[i], line.mean[i]})
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (chart.zero_line) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
  padded(lo, hi);
}

std::string polyline_path(const std::vector<double>& xs, const std::vector<double>& ys, const Scale& x, const Scale& y) {
  std::string d;
  for (std::size_t i = 0; i < xs.size(); ++i) d += (i ? " L" : "M") + px(x(xs[i])) + "," + px(y(ys[i]));
  return d;
}

std::string band_path(const TimeSeriesLine& line, const Scale& x, const Scale& y) {
  std::string d = polyline_path(line.week, line.hi, x, y);
  for (std::size_t i = line.week.size(); i-- > 0;) d += " L" + px(x(line.week[i])) + "," + px(y(line.lo[i]));
  return d + " Z";
}

std::string legend(const std::vector<TimeSeriesLine>& lines, double left, double top) {
  std::string out;
  double x = left;
  for (const auto& line : lines) {
    out += "<line x1=\"" + px(x) + "\" y1=\"" + px(top - 4) + "\" x2=\"" + px(x + 22) + "\" y2=\"" + px(top - 4) +
           "\" stroke=\"" + line.colour + "\" stroke-width=\"2.5\"" + (line.dashed ? " stroke-dasharray=\"6 4\"" : "") +
           "/>";
    out += text_element(x + 28, top, line.label, "start");
    x += 40 + 8.0 * static_cast<double>(line.label.size());
  }
  return out;
}

std::string y_axis(const Scale& y, double left, double right, sim::ValueKind kind, sim::Language language) {
  std::string out;
  for (double t : sim::nice_ticks(y.lo, y.hi, 5)) {
    out += line_element(left, y(t), right, y(t), "class=\"grid\"");
    out += text_element(left - 6, y(t) + 4, sim::axis_text(t, kind, language), "end");
  }
  return out;
}

std::string x_axis(const Scale& x, double bottom, double top) {
  std::string out;
  for (double t : sim::nice_ticks(x.lo, x.hi, 8)) {
    out += line_element(x(t), top, x(t), bottom, "class=\"grid\"");
    out += text_element(x(t), bottom + 16, plain_number(t), "middle");
  }
  return out;
}

bool has_band(const TimeSeriesLine& line) {
  for (std::size_t i = 0; i < line.mean.size(); ++i)
    if (line.hi[i] > line.lo[i]) return true;
  return false;
}

}  // namespace

std::string escaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string time_chart_svg(const TimeChart& chart, int width, int height) {
  const double left = 72, right = width - 16.0, top = 48, bottom = height - 40.0;
  double lo = 0, hi = 1;
  value_range(chart, lo, hi);
  double first = std::numeric_limits<double>::infinity(), last = -first;
  for (const auto& line : chart.lines)
    if (!line.week.empty()) first = std::min(first, line.week.front()), last = std::max(last, line.week.back());
  if (!(last > first)) first = 0, last = 1;
  const Scale x{first, last, left, right};
  const Scale y{lo, hi, bottom, top};
  std::string svg = svg_open(width, height, chart.title);
  svg += legend(chart.lines, left, 36);
  svg += y_axis(y, left, right, chart.kind, chart.language) + x_axis(x, bottom, top);
  if (chart.zero_line) svg += line_element(left, y(0), right, y(0), "class=\"zero\"");
  for (const auto& line : chart.lines)
    if (has_band(line))
      svg += "<path d=\"" + band_path(line, x, y) + "\" fill=\"" + line.colour + "\" fill-opacity=\"0.18\" stroke=\"none\"/>";
  for (const auto& line : chart.lines)
    svg += "<path d=\"" + polyline_path(line.week, line.mean, x, y) + "\" fill=\"none\" stroke=\"" + line.colour +
           "\" stroke-width=\"2\"" + (line.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>";
  svg += text_element((left + right) / 2, height - 6.0, chart.x_label, "middle", " class=\"axis-label\"");
  svg += text_element(14, (top + bottom) / 2, chart.y_label, "middle",
                      (" class=\"axis-label\" transform=\"rotate(-90 14 " + px((top + bottom) / 2) + ")\"").c_str());
  return svg + "</svg>";
}

std::string interval_chart_svg(const IntervalChart& chart, int width) {
  constexpr double row_height = 22, label_width = 190, top = 30;
  const double left = label_width, right = width - 24.0;
  const double bottom = top + row_height * static_cast<double>(chart.rows.size());
  const int height = static_cast<int>(bottom + 40);
  double lo = 0, hi = 0;
  for (const auto& r : chart.rows)
    for (double v : {r.low, r.high, r.mean})
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  padded(lo, hi);
  const Scale x{lo, hi, left, right};
  std::string svg = svg_open(width, height, chart.title);
  for (double t : sim::nice_ticks(lo, hi, 6)) {
    svg += line_element(x(t), top, x(t), bottom, "class=\"grid\"");
    svg += text_element(x(t), bottom + 16, sim::axis_text(t, chart.kind, chart.language), "middle");
  }
  svg += line_element(x(0), top, x(0), bottom, "class=\"zero\"");
  for (std::size_t i = 0; i < chart.rows.size(); ++i) {
    const auto& r = chart.rows[i];
    const double y = top + row_height * (static_cast<double>(i) + 0.5);
    const bool settled = r.low > 0 || r.high < 0;
    svg += text_element(left - 8, y + 4, r.label, "end");
    svg += line_element(x(r.low), y, x(r.high), y, "class=\"whisker\"");
    svg += "<circle cx=\"" + px(x(r.mean)) + "\" cy=\"" + px(y) + "\" r=\"4.5\" class=\"" +
           (settled ? "dot" : "dot unsettled") + "\"/>";
  }
  svg += text_element((left + right) / 2, bottom + 34, chart.x_label, "middle", " class=\"axis-label\"");
  return svg + "</svg>";
}

}  // namespace shanzhi::cli::brief
