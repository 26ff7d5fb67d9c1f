#pragma once
// The factors of `compare --assumptions default`: every assumed number whose plausible range is
// known (ParamInfo::role = assumption with ParamInfo::plausible), varied over that range.

#include "sim/experiments/factors.hpp"

#include <vector>

namespace shanzhi::sim::experiments {

/// One uniform range factor per real or integer key of `schema` whose role is assumption and
/// that has a plausible range, in schema order. An integer key's range is narrowed to whole
/// numbers (⌈low⌉..⌊high⌋) and sampled as integers. A range that cannot vary (low ≥ high after
/// that) is left out; so are keys of other types. Throws std::logic_error naming the key when a
/// plausible range lies outside the key's allowed range (a mistake in the schema, not in input).
std::vector<Factor> plausible_range_factors(const std::vector<ParamInfo>& schema);

}  // namespace shanzhi::sim::experiments
