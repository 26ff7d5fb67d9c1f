#include "core/run_setup.hpp"

namespace shanzhi::viz {

void set_setting(Settings& base, const std::string& key, const sim::ParamValue& value) {
  for (auto& [k, v] : base)
    if (k == key) {
      v = value;
      return;
    }
  base.emplace_back(key, value);
}

Settings accumulated_settings(const std::vector<LeverChange>& changes) {
  Settings out;
  for (const auto& change : changes)
    for (const auto& [key, value] : change.settings) set_setting(out, key, value);
  return out;
}

}  // namespace shanzhi::viz
