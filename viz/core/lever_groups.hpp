#pragma once
// The lever panel's structure, derived from the parameter schema: every key with a lever id is
// shown, in the seed's groups. Only the small table of lever id → group lives here, so a lever
// the model adds appears by itself (an unknown id lands in "other levers").

#include "sim/parameters.hpp"

#include <string>
#include <vector>

namespace shanzhi::viz {

/// The seed's lever groups, in panel order (i18n keys "group.<id>").
inline constexpr const char* lever_group_ids[] = {
    "purchase", "burden", "workforce", "linkage", "self_governance", "evaluation", "co_building", "other"};

/// Group id of a seed lever id such as "L3"; "other" for ids the table does not know.
std::string lever_group_of(const std::string& lever_id);

struct LeverGroup {
  std::string id;                   ///< one of lever_group_ids
  std::vector<sim::ParamInfo> levers;  ///< in schema order
};

/// Non-empty groups of every lever in `schema`, in panel order.
std::vector<LeverGroup> group_levers(const std::vector<sim::ParamInfo>& schema);

/// The i18n key of a lever's label and tooltip: "lever.<key>" / "lever_help.<key>", or for a
/// family of levers with one key per service category ("catalogue.elderly_care")
/// "lever_family.<table>" / "lever_family_help.<table>" plus the category's own name.
struct LeverTextKeys {
  std::string label;
  std::string help;
  int category = -1;  ///< service category the family key names, or −1
};
LeverTextKeys lever_text_keys(const std::string& key);

/// Slider step and display format for a lever ("%.2f", "%.0f"), from its range and unit.
struct LeverWidget {
  double min = 0;
  double max = 1;
  const char* format = "%.2f";
  bool logarithmic = false;  ///< money ranges spanning orders of magnitude
};
LeverWidget widget_for(const sim::ParamInfo& info);

}  // namespace shanzhi::viz
