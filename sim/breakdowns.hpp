#pragma once
// Breakdown tables: a metric split by a grouping (service category, population group, community,
// street), kept as tidy long rows (week, metric, breakdown, key, value) that pandas, R and
// gnuplot read directly. Recorded at a coarser cadence than the weekly series.

#include <string>
#include <vector>

namespace shanzhi::sim {

struct BreakdownRow {
  int week = 0;
  std::string metric;     ///< e.g. "satisfaction_mean"
  std::string breakdown;  ///< e.g. "category", "group", "community", "street"
  std::string key;        ///< e.g. "elderly", "living_alone", "东关 Dongguan 3"
  double value = 0;
};

class BreakdownTable {
 public:
  void add(int week, std::string metric, std::string breakdown, std::string key, double value) {
    rows_.push_back({week, std::move(metric), std::move(breakdown), std::move(key), value});
  }
  const std::vector<BreakdownRow>& rows() const { return rows_; }

 private:
  std::vector<BreakdownRow> rows_;
};

/// CSV with header week,metric,breakdown,key,value (RFC 4180 quoting, shortest round-trip numbers).
std::string breakdowns_csv(const BreakdownTable& table);

}  // namespace shanzhi::sim
