#pragma once
// The run's status as the window writes it: what the simulation thread is doing and, while the
// district settles (the burn-in, run unrecorded before anything is shown), how far it is.

#include "core/snapshot.hpp"

#include <string>

namespace shanzhi::viz {

/// Percent of the burn-in simulated (0–100) while the district settles, or −1 once the run is
/// shown (or before the district is built).
int settling_percent(const Snapshot& s);

/// The status line in the current language, e.g. "Settling the district ... 37%" or "Paused".
std::string run_status_text(const Snapshot& s);

}  // namespace shanzhi::viz
