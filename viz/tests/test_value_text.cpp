#include "core/value_text.hpp"

#include <catch2/catch.hpp>

using namespace shanzhi::viz;

TEST_CASE("Plotted shares read as percentages", "[viz][plot]") {
  CHECK(axis_text(0.5, ValueKind::share, Language::en) == "50%");
  CHECK(axis_text(0.05, ValueKind::share, Language::zh) == "5%");
  CHECK(axis_text(0, ValueKind::share, Language::en) == "0%");
  CHECK(readout_text(0.4823, ValueKind::share, "%.3f", Language::en) == "48.2%");
}

TEST_CASE("Plotted money reads with the yuan sign in each language's unit", "[viz][plot]") {
  CHECK(axis_text(1.5e6, ValueKind::money, Language::en) == "¥1.5m");
  CHECK(axis_text(1.5e6, ValueKind::money, Language::zh) == "¥150万");
  CHECK(axis_text(500e3, ValueKind::money, Language::en) == "¥500k");
  CHECK(axis_text(500e3, ValueKind::money, Language::zh) == "¥50万");
  CHECK(axis_text(2.5e8, ValueKind::money, Language::zh) == "¥2.5亿");
  CHECK(axis_text(1e7, ValueKind::money, Language::zh) == "¥1000万");  // never "1e+03万"
  CHECK(axis_text(1e9, ValueKind::money, Language::en) == "¥1000m");
  CHECK(axis_text(0, ValueKind::money, Language::en) == "¥0");
  CHECK(axis_text(-2e6, ValueKind::money, Language::en) == "-¥2m");
  CHECK(readout_text(1'523'456, ValueKind::money, "%.0f", Language::en) == "¥1.523m");
  CHECK(readout_text(1'523'456, ValueKind::money, "%.0f", Language::zh) == "¥152.3万");
}

TEST_CASE("Other plotted numbers keep their format", "[viz][plot]") {
  CHECK(axis_text(12.5, ValueKind::number, Language::en) == "12.5");
  CHECK(axis_text(25'000, ValueKind::number, Language::en) == "25k");
  // Thousands (worker hours a week in a district) read as k, not as "8e+03".
  CHECK(axis_text(8'000, ValueKind::number, Language::en) == "8k");
  CHECK(axis_text(7'500, ValueKind::number, Language::en) == "7.5k");
  CHECK(axis_text(999, ValueKind::number, Language::en) == "999");
  CHECK(readout_text(3.14159, ValueKind::number, "%.2f", Language::zh) == "3.14");
}

TEST_CASE("A value's kind is read from its unit", "[viz][plot]") {
  CHECK(kind_of_unit("share 0-1") == ValueKind::share);
  CHECK(kind_of_unit("CNY/year") == ValueKind::money);
  CHECK(kind_of_unit("CNY") == ValueKind::money);
  CHECK(kind_of_unit("points 0-100") == ValueKind::number);
  CHECK(kind_of_unit("") == ValueKind::number);
}

TEST_CASE("Whole numbers are grouped by thousands", "[viz][plot]") {
  using shanzhi::sim::grouped_digits;
  CHECK(grouped_digits(336'000) == "336,000");
  CHECK(grouped_digits(999) == "999");
  CHECK(grouped_digits(1'000) == "1,000");
  CHECK(grouped_digits(-1'234'567) == "-1,234,567");
  CHECK(grouped_digits(0) == "0");
}
