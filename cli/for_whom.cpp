#include "cli/for_whom.hpp"

#include "sim/experiments/reported_precision.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace shanzhi::cli {
namespace {

namespace ex = sim::experiments;

/// The unit of a breakdown's metric: the compared metric's of the same name, else empty.
std::string unit_of(const gov::Comparison& c, const std::string& metric) {
  const auto* m = ex::find_metric(c, metric);
  return m ? m->metric.unit : "";
}

std::string number(double value) { return sim::format_number(value); }

/// "+2.1 [1.4, 2.8]" in the metric's unit, to the decimals an uncertainty of `rounding` supports
/// (the cell's own half-width unless lines set side by side need one precision).
std::string effect_text(const ex::BreakdownComparison& b, const std::string& unit, double rounding = -1) {
  const auto& d = b.difference;
  const double precision = rounding >= 0 ? rounding : d.half_width;
  return ex::shown_value(d.mean, unit, precision, true) + " [" + ex::shown_value(d.mean - d.half_width, unit, precision) +
         ", " + ex::shown_value(d.mean + d.half_width, unit, precision) + "]";
}

}  // namespace

std::string for_whom_csv(const gov::Comparison& c) {
  std::string text;
  sim::append_csv_line(text, {"metric", "breakdown", "key", "unit", "baseline", "policy", "difference", "low", "high",
                              "replicates"});
  for (const auto& b : c.breakdowns) {
    const auto& d = b.difference;
    sim::append_csv_line(text, {sim::csv_field(b.metric), sim::csv_field(b.breakdown), sim::csv_field(b.key),
                                sim::csv_field(unit_of(c, b.metric)), number(b.baseline.mean), number(b.policy.mean),
                                number(d.mean), number(d.mean - d.half_width), number(d.mean + d.half_width),
                                std::to_string(d.n)});
  }
  return text;
}

void print_for_whom(const gov::Comparison& c) {
  const std::string metric = "satisfaction_mean";
  const auto unit = unit_of(c, metric);
  const auto groups = ex::breakdown_cells(c, metric, "group");
  if (groups.empty()) return;
  std::printf("\n  for whom: %s by population group (difference [95%% CI]; every breakdown in for_whom.csv)\n",
              metric.c_str());
  for (const auto* g : groups) std::printf("    %-22s %s\n", g->key.c_str(), effect_text(*g, unit).c_str());
  auto streets = ex::breakdown_cells(c, metric, "street");
  if (streets.size() < 2) return;
  const auto [least, most] = std::minmax_element(streets.begin(), streets.end(), [](const auto* a, const auto* b) {
    return a->difference.mean < b->difference.mean;
  });
  // One precision for both, so that rounding cannot make the larger gain look the smaller.
  const double rounding = std::min((*most)->difference.half_width, (*least)->difference.half_width);
  std::printf("    streets: most %s in %s, least %s in %s (of %zu)\n", effect_text(**most, unit, rounding).c_str(),
              (*most)->key.c_str(), effect_text(**least, unit, rounding).c_str(), (*least)->key.c_str(),
              streets.size());
}

}  // namespace shanzhi::cli
