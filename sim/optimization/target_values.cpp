#include "sim/optimization/target_values.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace shanzhi::sim::optimization {
namespace {

/// The target's cell at the last breakdown week; throws naming the keys that exist.
double breakdown_value(const BreakdownTable& table, const Target& target) {
  int last_week = -1;
  for (const auto& row : table.rows())
    if (row.metric == target.metric && row.breakdown == target.breakdown) last_week = std::max(last_week, row.week);
  std::set<std::string> keys;
  for (const auto& row : table.rows()) {
    if (row.week != last_week || row.metric != target.metric || row.breakdown != target.breakdown) continue;
    if (row.key == target.key) return row.value;
    keys.insert(row.key);
  }
  std::string known;
  for (const auto& key : keys) known += (known.empty() ? "" : ", ") + key;
  if (last_week < 0) {
    std::set<std::string> breakdowns;
    for (const auto& row : table.rows())
      if (row.metric == target.metric) breakdowns.insert(row.breakdown);
    std::string names;
    for (const auto& name : breakdowns) names += (names.empty() ? "" : ", ") + name;
    if (!names.empty())
      throw std::invalid_argument("the model records no breakdown '" + target.breakdown + "' of " + target.metric +
                                  "; its breakdowns are: " + names);
    throw std::invalid_argument("the model records no breakdown '" + target.breakdown + "' of " + target.metric +
                                " (no breakdown was recorded: is the run shorter than run.breakdown_every_weeks?)");
  }
  throw std::invalid_argument("no key '" + target.key + "' in breakdown '" + target.breakdown + "' of " + target.metric +
                              "; keys are: " + known);
}

}  // namespace

std::vector<double> target_values(const MetricRecorder& recorder, const BreakdownTable& breakdowns,
                                  const std::vector<Target>& targets) {
  std::vector<double> values;
  for (const auto& target : targets)
    values.push_back(target.breakdown.empty() ? experiments::outcome_value(recorder, target.outcome())
                                              : breakdown_value(breakdowns, target));
  return values;
}

}  // namespace shanzhi::sim::optimization
