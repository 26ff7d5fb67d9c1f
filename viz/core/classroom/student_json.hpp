#pragma once
// What the student page receives: JSON texts of a refusal, a join and a street's state.

#include "core/classroom/session.hpp"

#include <string>

namespace shanzhi::viz::classroom {

/// {"error": "..."}
std::string error_json(const std::string& message);
/// {"token": "...", "street": 1, "street_name": "..."}
std::string join_json(const JoinReply& reply, const std::string& street_name);
/// {"streets": [{"street": 0, "name": "...", "taken": false}, ...]}: the seats for the join form.
std::string seats_json(const std::vector<Seat>& seats);
/// The street's levers (key, value, whether its own, range, unit), its budget envelope, and its
/// and the district's outcomes for the latest week and every week (for the page's small plot).
std::string street_json(const StreetView& view);

}  // namespace shanzhi::viz::classroom
