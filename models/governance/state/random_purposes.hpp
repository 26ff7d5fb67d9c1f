#pragma once
// Every kind of random decision in the model has its own purpose number, so the stream a
// decision sees never depends on which other decisions were drawn. Never renumber; only append.

#include "sim/random.hpp"

namespace shanzhi::gov::purpose {
inline constexpr sim::Purpose initial_resident = 1;
inline constexpr sim::Purpose need_arrival = 2;       ///< category, severity, referral, next need, visibility
inline constexpr sim::Purpose encounter = 3;          ///< performance noise
inline constexpr sim::Purpose network = 4;            ///< small-world rewiring (fixed per run)
inline constexpr sim::Purpose word_of_mouth = 5;      ///< (no longer drawn: the talk word picks the tie)
inline constexpr sim::Purpose meeting = 6;            ///< attendance
inline constexpr sim::Purpose initial_worker = 7;
inline constexpr sim::Purpose turnover = 8;
inline constexpr sim::Purpose admin_tasks = 9;
inline constexpr sim::Purpose initial_organization = 10;
inline constexpr sim::Purpose organization_month = 11;
inline constexpr sim::Purpose tender = 12;
inline constexpr sim::Purpose venture_entry = 13;
inline constexpr sim::Purpose enterprise_init = 14;
inline constexpr sim::Purpose facility_month = 15;
inline constexpr sim::Purpose appraisal_survey = 16;
inline constexpr sim::Purpose service_rounding = 17;
inline constexpr sim::Purpose hiring = 18;
inline constexpr sim::Purpose resident_update = 19;   ///< (no longer drawn: see 23 and 24)
inline constexpr sim::Purpose deliberation_meeting = 20;  ///< attendance at 群议 and 评议 (L15)
inline constexpr sim::Purpose evaluation_meeting = 21;    ///< attendance at the two evaluations (L15)
inline constexpr sim::Purpose project_choice = 22;        ///< an office's unprompted project choice
inline constexpr sim::Purpose talk_decision = 23;   ///< whether a resident talks (one word per resident)
inline constexpr sim::Purpose complaint = 24;       ///< complaint and its resolution (below S = 50)
inline constexpr sim::Purpose need_schedule = 25;   ///< next need week, drawn when the rates change
inline constexpr sim::Purpose background_founding = 26;  ///< organisations founded to fill a street's niche
/// The stream the pilot's seed is derived with from the run's (spin_up.cpp): any fixed number
/// that keeps the pilot's draws apart from the run's.
inline constexpr std::uint64_t pilot_seed = 0x5e771ed;
inline constexpr sim::Purpose settled_state = 27;   ///< which pilot resident or worker an agent takes after (spin_up.cpp)
inline constexpr sim::Purpose licence_exam = 28;    ///< whether an unlicensed worker passes the licence exam (L7)
inline constexpr sim::Purpose organization_field = 29;  ///< a new organisation's field (hub membership, L11)
inline constexpr sim::Purpose general_practice_placement = 30;    ///< which communities get 全科社工 (L10)
inline constexpr sim::Purpose station_separation_placement = 31;  ///< which communities separate the station (L9)
/// Encounter noise is keyed by the request (category and arrival week, which identify it for a
/// resident: at most one need a week, and no request waits 64 weeks), so two encounters closing
/// in one week stay independent.
constexpr sim::Purpose encounter_of(int category, int arrival_week) {
  return 1000 + 64 * static_cast<sim::Purpose>(category) + static_cast<sim::Purpose>(arrival_week % 64);
}
}  // namespace shanzhi::gov::purpose
