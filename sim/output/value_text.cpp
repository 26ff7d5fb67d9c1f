#include "sim/output/value_text.hpp"

#include <cmath>
#include <cstdio>

namespace shanzhi::sim {
namespace {

std::string printed(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

/// `x` (≥ 0) to `digits` significant digits without an exponent: 1000 stays "1000", not "1e+03".
std::string significant(double x, int digits) {
  if (x >= std::pow(10.0, digits)) return printed("%.0f", x);
  return printed(digits == 3 ? "%.3g" : "%.4g", x);
}

/// Money in the reader's unit: English k / m, Chinese 万 (10^4) / 亿 (10^8).
std::string money_text(double yuan, Language language, int digits) {
  const double a = std::fabs(yuan);
  const std::string sign = yuan < 0 ? "-¥" : "¥";
  if (language == Language::zh) {
    if (a >= 1e8) return sign + significant(a / 1e8, digits) + "亿";
    if (a >= 1e4) return sign + significant(a / 1e4, digits) + "万";
    return sign + printed("%.0f", a);
  }
  if (a >= 1e6) return sign + significant(a / 1e6, digits) + "m";
  if (a >= 1e3) return sign + significant(a / 1e3, digits) + "k";
  return sign + printed("%.0f", a);
}

}  // namespace

std::string grouped_digits(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return (n < 0 ? "-" : "") + digits;
}

ValueKind kind_of_unit(const std::string& unit) {
  if (unit.rfind("share", 0) == 0) return ValueKind::share;
  if (unit.rfind("CNY", 0) == 0) return ValueKind::money;
  return ValueKind::number;
}

std::string axis_text(double value, ValueKind kind, Language language) {
  switch (kind) {
    case ValueKind::share: return printed("%.3g", value * 100) + "%";
    case ValueKind::money: return money_text(value, language, 3);
    case ValueKind::number: break;
  }
  const double a = std::fabs(value);
  if (a >= 1e6) return printed("%.3gm", value / 1e6);
  // From 1,000: "%.3g" alone would print 8000 as "8e+03".
  if (a >= 1e3) return printed("%.3gk", value / 1e3);
  return printed("%.3g", value);
}

std::string readout_text(double value, ValueKind kind, const char* number_format, Language language) {
  switch (kind) {
    case ValueKind::share: return printed("%.1f", value * 100) + "%";
    case ValueKind::money: return money_text(value, language, 4);
    case ValueKind::number: break;
  }
  return printed(number_format, value);
}

}  // namespace shanzhi::sim
