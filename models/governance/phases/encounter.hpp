#pragma once
// One service encounter of a resident in a category: perceived performance, then the EDM update
// of satisfaction, expectation and the normative floor (MODEL_BRIEF §3.1–3.4).

#include "models/governance/state/model_state.hpp"

namespace shanzhi::gov {

/// Applies an encounter with the given quality (0–1), wait (weeks) and fit (0–1) and returns the
/// performance P the resident perceived. A need that went unmet is an encounter with quality 0
/// and fit 0 at the maximum wait.
float apply_encounter(ModelState& s, std::uint32_t resident, int category, int arrival_week, float quality,
                     float wait_weeks, float fit, int week);

}  // namespace shanzhi::gov
