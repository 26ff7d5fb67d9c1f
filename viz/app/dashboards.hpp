#pragma once
// The headline dashboards: which metrics each plot shows (by the model's metric names).

#include "core/value_text.hpp"

#include <vector>

namespace shanzhi::viz {

struct DashboardDef {
  const char* title_key;               ///< i18n key of the plot title
  std::vector<const char*> metrics;    ///< series, by metric name
  const char* band_lo = nullptr;       ///< optional interval band (metric names)
  const char* band_hi = nullptr;
  const char* value_format = "%.2f";
  ValueKind kind = ValueKind::number;  ///< shares as %, money with ¥
};

const std::vector<DashboardDef>& dashboard_defs();

}  // namespace shanzhi::viz
