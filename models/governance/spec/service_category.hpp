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

struct CategoryInfo {
  std::string_view key;       ///< snake_case, used in metric names and scenario keys
  std::string_view name_en;
  std::string_view name_zh;
  /// Hours of provider time one request takes [A].
  float hours_per_request;
  /// Tolerable wait W0 in weeks: the wait term of performance is exp(-W/W0) (MODEL_BRIEF §3.1) [A].
  float tolerable_wait_weeks;
};

// Hours per request [A]: casework-type needs (assistance, elderly care, disability) take about two
// hours; group services (culture and sports, health talks) serve several people per hour.
inline constexpr std::array<CategoryInfo, category_count> categories{{
    {"admin", "Administrative services", "办事服务", 0.5f, 1.0f},
    {"assistance", "Social assistance", "社会救助", 2.0f, 3.0f},
    {"elderly", "Elderly care", "养老服务", 2.0f, 4.0f},
    {"family", "Children, youth and family", "儿童青少年与家庭", 1.0f, 4.0f},
    {"disability", "Disability services", "助残服务", 2.0f, 4.0f},
    {"health", "Health promotion", "健康促进", 0.5f, 3.0f},
    {"culture", "Culture and sports", "文体活动", 0.25f, 3.0f},
    {"environment", "Environment and property", "环境物业", 0.5f, 2.0f},
    {"safety", "Safety and mediation", "平安调解", 1.0f, 2.0f},
}};

constexpr const CategoryInfo& info(int category) { return categories[static_cast<std::size_t>(category)]; }

}  // namespace shanzhi::gov
