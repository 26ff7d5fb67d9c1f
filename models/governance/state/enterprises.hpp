#pragma once
// Enterprises (MODEL_BRIEF §2.4): a property company per residential compound, and resident
// units (驻区单位: schools, firms, hospitals) that may open their facilities to residents.

#include <cstdint>
#include <vector>

namespace shanzhi::gov {

struct PropertyCompany {
  std::uint32_t community = 0;
  std::uint32_t residents = 0;
  float quality = 0;               ///< 0–1, drawn at set-up
};

struct ResidentUnit {
  std::uint32_t community = 0;
  float csr_propensity = 0;        ///< logit shift, fixed per unit
  bool facilities_open = false;
};

struct Enterprises {
  std::vector<PropertyCompany> property_companies;
  std::vector<ResidentUnit> resident_units;
};

}  // namespace shanzhi::gov
