#pragma once
// How a value is written for people, by what it is: shares as percentages ("48%"), money with
// ¥ and the unit readers use (English: k and m; Chinese: 万 and 亿), other numbers as they are.
// The window's axes and hover readouts and the policy brief's figures use it.

#include "sim/output/language.hpp"

#include <cstdint>
#include <string>

namespace shanzhi::sim {

enum class ValueKind {
  number,  ///< as it is (counts, points 0–100, weeks)
  share,   ///< 0–1, shown as a percentage
  money,   ///< CNY
};

/// The kind of a value by its unit as the schema and metrics write it: "share 0-1" (and other
/// "share ..." units) a share, "CNY..." money, anything else a number.
ValueKind kind_of_unit(const std::string& unit);

/// An axis tick: "50%", "¥1.5m" / "¥150万", "2.5k", "0.2".
std::string axis_text(double value, ValueKind kind, Language language);

/// A value read off a plot (hover): shares with one decimal ("48.2%"), money to four significant
/// digits ("¥1.524m" / "¥152.4万"), numbers with `number_format` (printf, e.g. "%.2f").
std::string readout_text(double value, ValueKind kind, const char* number_format, Language language);

/// A whole number with thousands separated by commas: 336000 → "336,000", -1200 → "-1,200".
std::string grouped_digits(std::int64_t n);

}  // namespace shanzhi::sim
