#pragma once
// Demographic classes: age band × four flags (living alone, disabled, minimum income, migrant)
// = 64 classes. Need rates, satisfaction weights and vulnerability depend only on the class, so
// residents store one byte and the hot loop reads small tables.

#include "models/governance/spec/parameters.hpp"
#include "models/governance/spec/service_category.hpp"

#include <array>
#include <cstdint>

namespace shanzhi::gov {

enum class AgeBand : std::uint8_t { child_0_14, adult_15_59, young_old_60_79, oldest_80_plus };
inline constexpr int age_band_count = 4;

namespace flag {
inline constexpr std::uint8_t living_alone = 1;
inline constexpr std::uint8_t disabled = 2;
inline constexpr std::uint8_t low_income = 4;
inline constexpr std::uint8_t migrant = 8;
}  // namespace flag

inline constexpr int demographic_class_count = age_band_count * 16;

constexpr std::uint8_t make_class(AgeBand age, std::uint8_t flags) {
  return static_cast<std::uint8_t>(static_cast<int>(age) * 16 + (flags & 15));
}
constexpr AgeBand age_of(std::uint8_t cls) { return static_cast<AgeBand>(cls / 16); }
constexpr std::uint8_t flags_of(std::uint8_t cls) { return cls % 16; }
constexpr bool is_elderly(std::uint8_t cls) { return age_of(cls) >= AgeBand::young_old_60_79; }

/// Vulnerable groups the seed's "precise governance" targets: elderly living alone, disabled,
/// minimum-income households.
constexpr bool is_vulnerable(std::uint8_t cls) {
  const auto f = flags_of(cls);
  return (is_elderly(cls) && (f & flag::living_alone)) || (f & flag::disabled) || (f & flag::low_income);
}

/// Tables derived once from the parameters.
struct DemographyTables {
  /// Weekly need rate per category for each class (already scaled by needs.rate_scale).
  std::array<std::array<float, category_count>, demographic_class_count> weekly_need_rate{};
  /// Probability of at least one need in a week, and the cumulative category shares to pick it.
  std::array<float, demographic_class_count> weekly_any_need{};
  std::array<std::array<float, category_count>, demographic_class_count> category_cumulative{};
  /// Salience weights of categories in overall satisfaction (sum 1 per class).
  std::array<std::array<float, category_count>, demographic_class_count> salience{};
  /// Self-referral probability and queue priority weight per class.
  std::array<float, demographic_class_count> self_referral{};
  std::array<float, demographic_class_count> vulnerability{};
};

DemographyTables build_demography_tables(const GovernanceParameters& params);

/// Annual need rates of a class before scaling, from the needs.annual_rate_* keys.
std::array<float, category_count> annual_need_rates(const NeedParameters& needs, std::uint8_t cls);

}  // namespace shanzhi::gov
