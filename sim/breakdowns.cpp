#include "sim/breakdowns.hpp"

#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"

namespace shanzhi::sim {

std::string breakdowns_csv(const BreakdownTable& table) {
  std::string out;
  append_csv_line(out, {"week", "metric", "breakdown", "key", "value"});
  for (const auto& r : table.rows())
    append_csv_line(out, {std::to_string(r.week), r.metric, r.breakdown, r.key, format_number(r.value)});
  return out;
}

}  // namespace shanzhi::sim
