#pragma once
// The window writes values as the engine's value_text does (sim/output/value_text.hpp): the same
// ¥ units and percentages as the policy brief.

#include "core/i18n.hpp"
#include "sim/output/value_text.hpp"

namespace shanzhi::viz {

using sim::axis_text;
using sim::kind_of_unit;
using sim::readout_text;
using sim::ValueKind;

}  // namespace shanzhi::viz
