#include "core/lever_groups.hpp"

#include "core/i18n.hpp"
#include "models/governance/spec/service_category.hpp"

#include <map>

namespace shanzhi::viz {

std::string lever_group_of(const std::string& lever_id) {
  // The seed's seven groups (MODEL_BRIEF §3). L4–L6 and L20–L21 are the party-led co-building
  // and information measures; L8 is the 1+4 bundle of government purchase with its supports.
  static const std::map<std::string, std::string> groups = {
      {"L3", "purchase"},         {"L8", "purchase"},
      {"L1", "burden"},           {"L9", "burden"},        {"L10", "burden"},   {"L16", "burden"},
      {"L2", "workforce"},        {"L7", "workforce"},     {"L17", "workforce"},
      {"L11", "linkage"},         {"L12", "linkage"},      {"L13", "linkage"},
      {"L14", "self_governance"}, {"L15", "self_governance"},
      {"L18", "evaluation"},      {"L19", "evaluation"},
      {"L4", "co_building"},      {"L5", "co_building"},   {"L6", "co_building"},
      {"L20", "co_building"},     {"L21", "co_building"},
  };
  auto it = groups.find(lever_id);
  return it == groups.end() ? "other" : it->second;
}

std::vector<LeverGroup> group_levers(const std::vector<sim::ParamInfo>& schema) {
  std::vector<LeverGroup> out;
  for (const char* id : lever_group_ids) {
    LeverGroup g{id, {}};
    for (const auto& info : schema)
      if (info.is_lever() && lever_group_of(info.lever) == id) g.levers.push_back(info);
    if (!g.levers.empty()) out.push_back(std::move(g));
  }
  return out;
}

LeverTextKeys lever_text_keys(const std::string& key) {
  if (find_text("lever." + key, Language::en)) return {"lever." + key, "lever_help." + key, -1};
  const auto dot = key.rfind('.');
  const std::string table = key.substr(0, dot), name = key.substr(dot + 1);
  for (int k = 0; k < gov::category_count; ++k)
    if (gov::info(k).key == name && find_text("lever_family." + table, Language::en))
      return {"lever_family." + table, "lever_family_help." + table, k};
  return {"lever." + key, "lever_help." + key, -1};
}

LeverWidget widget_for(const sim::ParamInfo& info) {
  LeverWidget w;
  w.min = info.min;
  w.max = info.max;
  if (info.type == sim::ParamType::integer) w.format = "%.0f";
  const bool money = info.unit.find("CNY") != std::string::npos;
  if (money) {
    w.format = "%.0f";
    w.logarithmic = info.max > 1000 * std::max(1.0, info.min);
  }
  return w;
}

}  // namespace shanzhi::viz
