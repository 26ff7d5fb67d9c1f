#include "sim/experiments/reported_precision.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace shanzhi::sim::experiments {

std::string shown_value(double value, const std::string& unit, double half_width, bool with_sign, Language language) {
  if (std::isnan(value)) return "n/a";
  double scale = 1;
  const char* prefix = "";
  const char* suffix = "";
  int most = 2;
  if (unit.rfind("share", 0) == 0) scale = 100, suffix = "%", most = 1;
  else if (unit == "CNY" && language == Language::zh && std::fabs(value) >= 1e8) scale = 1e-8, prefix = "¥", suffix = "亿";
  // 万 is a hundredth of the English m: whole 万 show what two decimals of m show.
  else if (unit == "CNY" && language == Language::zh) scale = 1e-4, prefix = "¥", suffix = "万", most = 0;
  else if (unit == "CNY") scale = 1e-6, prefix = "¥", suffix = "m";
  const int decimals = supported_decimals(half_width * scale, most);
  // An uncertainty of tens or more rounds the whole part too: ±200万 shows 1400万, not 1440万.
  const double place = half_width * scale >= 10 ? std::pow(10.0, std::floor(std::log10(half_width * scale))) : 1;
  if (place > 1) value = std::round(value * scale / place) * place / scale;
  // A value that rounds to zero is shown without a sign: "-0.0" would claim a direction.
  const bool rounds_to_zero = std::round(std::fabs(value) * scale * std::pow(10.0, decimals)) == 0;
  const char* sign = rounds_to_zero ? "" : value < 0 ? "-" : (with_sign && value > 0 ? "+" : "");
  char text[64];
  std::snprintf(text, sizeof text, "%s%s%.*f%s", sign, prefix, decimals, std::fabs(value) * scale, suffix);
  return text;
}

int supported_decimals(double half_width, int most_decimals) {
  if (!(half_width > 0) || !std::isfinite(half_width)) return most_decimals;
  const int leading_place = static_cast<int>(std::floor(std::log10(half_width)));
  return std::clamp(-leading_place, 0, most_decimals);
}

}  // namespace shanzhi::sim::experiments
