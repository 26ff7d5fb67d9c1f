#include "core/run_status.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <cstdio>

namespace shanzhi::viz {

int settling_percent(const Snapshot& s) {
  if (s.status_key != "status.settling" || s.burn_in_weeks <= 0) return -1;
  return std::clamp(s.model_week * 100 / s.burn_in_weeks, 0, 100);
}

std::string run_status_text(const Snapshot& s) {
  const int percent = settling_percent(s);
  if (percent < 0) return tr(s.status_key);
  char text[256];
  std::snprintf(text, sizeof text, tr("status.settling"), percent);
  return text;
}

}  // namespace shanzhi::viz
