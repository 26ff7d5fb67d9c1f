#pragma once
// The nine service categories residents need (MODEL_BRIEF §2.1), with their fixed properties.

#include <array>
#include <cstdint>
#include <string_view>

namespace shanzhi::gov {

inline constexpr int category_count = 9;

enum class Category : std::uint8_t {
  admin,        ///< 办事: certificates, benefit processing
  assistance,   ///< 救助: social assistance
  elderly,      ///< 养老: elderly care
  family,       ///< children, youth and family
  disability,   ///< 助残
  health,       ///< health promotion
  culture,      ///< 文体: culture and sports
  environment,  ///< 环境物业: environment and property
  safety,       ///< 平安调解: safety and dispute mediation
};

constexpr int index(Category c) { return static_cast<int>(c); }

/// A category's names. What a request of it takes and how long residents will wait for it are
/// assumptions, so they are scenario keys (services.hours_per_request_*, services.tolerable_wait_weeks_*).
struct CategoryInfo {
  std::string_view key;       ///< snake_case, used in metric names and scenario keys
  std::string_view name_en;
  std::string_view name_zh;
};

inline constexpr std::array<CategoryInfo, category_count> categories{{
    {"admin", "Administrative services", "办事服务"},
    {"assistance", "Social assistance", "社会救助"},
    {"elderly", "Elderly care", "养老服务"},
    {"family", "Children, youth and family", "儿童青少年与家庭"},
    {"disability", "Disability services", "助残服务"},
    {"health", "Health promotion", "健康促进"},
    {"culture", "Culture and sports", "文体活动"},
    {"environment", "Environment and property", "环境物业"},
    {"safety", "Safety and mediation", "平安调解"},
}};

constexpr const CategoryInfo& info(int category) { return categories[static_cast<std::size_t>(category)]; }

}  // namespace shanzhi::gov
