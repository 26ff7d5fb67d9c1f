// The precision a reported number may show follows its uncertainty.

#include "sim/experiments/reported_precision.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using shanzhi::sim::experiments::supported_decimals;

TEST_CASE("A reported number shows digits down to its uncertainty's leading digit", "[experiments][precision]") {
  CHECK(supported_decimals(3.4, 2) == 0);    // +15.72 ± 3.4 reads +16
  CHECK(supported_decimals(0.17, 2) == 1);   // ± 0.17 reads +15.7
  CHECK(supported_decimals(0.05, 2) == 2);   // ± 0.05 reads +15.72
  CHECK(supported_decimals(0.001, 2) == 2);  // never more than the plain form
  CHECK(supported_decimals(250.0, 2) == 0);  // large uncertainties still show whole numbers
  CHECK(supported_decimals(1.0, 2) == 0);
  CHECK(supported_decimals(0.999, 2) == 1);
}

TEST_CASE("An uncertainty of zero or not a number leaves the plain precision", "[experiments][precision]") {
  CHECK(supported_decimals(0.0, 2) == 2);
  CHECK(supported_decimals(-1.0, 3) == 3);
  CHECK(supported_decimals(std::numeric_limits<double>::quiet_NaN(), 1) == 1);
  CHECK(supported_decimals(std::numeric_limits<double>::infinity(), 2) == 2);
}

TEST_CASE("A shown value reads by its unit and never shows a sign on zero", "[experiments][precision]") {
  using shanzhi::sim::experiments::shown_value;
  CHECK(shown_value(0.485, "share 0-1") == "48.5%");
  CHECK(shown_value(2'130'000, "CNY") == "¥2.13m");
  CHECK(shown_value(15.72, "points 0-100", 3.4, true) == "+16");
  CHECK(shown_value(15.72, "points 0-100", 0.17, true) == "+15.7");
  CHECK(shown_value(-15.72, "points 0-100", 0.17, true) == "-15.7");
  // Rounded to zero, an effect has no direction to show.
  CHECK(shown_value(-0.02, "points 0-100", 0.2, true) == "0.0");
  CHECK(shown_value(0.004, "points 0-100", 0.02, true) == "0.00");
  CHECK(shown_value(0.006, "points 0-100", 0.02, true) == "+0.01");
  CHECK(shown_value(std::nan(""), "points 0-100") == "n/a");
}

TEST_CASE("Chinese money is written in whole 万 or in 亿 with the precision English m has", "[experiments][precision]") {
  using shanzhi::sim::Language;
  using shanzhi::sim::experiments::shown_value;
  // ¥14.4m known to ±¥14,400: two decimals of m in English, whole 万 in Chinese.
  CHECK(shown_value(14'400'000, "CNY", 14'400, true) == "+¥14.40m");
  CHECK(shown_value(14'400'000, "CNY", 14'400, true, Language::zh) == "+¥1440万");
  // A wider interval takes digits away in both, down to the place of its leading digit.
  CHECK(shown_value(14'400'000, "CNY", 2'000'000, false, Language::zh) == "¥1400万");
  CHECK(shown_value(82, "organisations", 12) == "80");
  CHECK(shown_value(14'400'000, "CNY", 2'000'000) == "¥14m");
  // From 1亿 on, 亿 with up to two decimals; other units are the same in both languages.
  CHECK(shown_value(320'000'000, "CNY", 0, false, Language::zh) == "¥3.20亿");
  CHECK(shown_value(-300'000, "CNY", 1'000, true, Language::zh) == "-¥30万");
  CHECK(shown_value(0.485, "share 0-1", 0, false, Language::zh) == "48.5%");
}
