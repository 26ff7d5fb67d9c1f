#pragma once
// How precise a reported number may look. An effect known to ±3 points printed as +15.72 claims a
// precision the model does not have; the rule here keeps the last digit shown at the place of the
// uncertainty's leading digit, so ±3.4 gives "+16 [12, 19]" and ±0.17 gives "+15.7 [15.5, 15.9]".

#include "sim/output/language.hpp"

#include <string>

namespace shanzhi::sim::experiments {

/// Decimals to show for a value whose uncertainty has half-width `half_width` (in the units shown):
/// minus the decimal exponent of the half-width, within [0, most_decimals]. A half-width that is
/// zero, negative or not a number says nothing about precision: `most_decimals`.
int supported_decimals(double half_width, int most_decimals);

/// A metric value as people read it, by its unit: shares as percentages ("48.5%"), money in ¥
/// millions ("¥2.13m"), anything else as it is with 2 decimals. With a `half_width` (in the
/// metric's units, > 0) the decimals are those the uncertainty supports; `signed` adds "+".
/// In Chinese, money is written in 万 (10^4) or, from 1亿 (10^8) on, in 亿.
std::string shown_value(double value, const std::string& unit, double half_width = 0, bool with_sign = false,
                        Language language = Language::en);

}  // namespace shanzhi::sim::experiments
