#pragma once
// "For whom": a comparison's effect on every population group, street, community and service
// category, each with its paired 95% interval, as a tidy CSV (for_whom.csv) and a short printed
// section (satisfaction by group, the streets that gain most and least).

#include "models/governance/experiments/comparison.hpp"

#include <string>

namespace shanzhi::cli {

/// for_whom.csv: metric,breakdown,key,unit,baseline,policy,difference,low,high,replicates, one row
/// per breakdown cell both arms recorded (mean of the last recorded year of each replicate).
std::string for_whom_csv(const gov::Comparison& comparison);

/// Satisfaction by population group and the streets with the largest and smallest gain, with
/// intervals, rounded to what the replicates support.
void print_for_whom(const gov::Comparison& comparison);

}  // namespace shanzhi::cli
