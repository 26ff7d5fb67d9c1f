#pragma once
// Community workers: state, weekly time allocation and turnover (MODEL_BRIEF §2.2).

#include "models/governance/spec/parameters.hpp"
#include "sim/agent_table.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace shanzhi::gov {

/// Discretionary activities a worker splits free hours across (after mandatory admin and
/// appraisal preparation). Records are ledgers and reports: rewarded by appraisal, unseen by
/// residents.
enum class Activity : std::uint8_t { counter, outreach, casework, self_governance, records };
inline constexpr int activity_count = 5;

/// Which body a worker belongs to (MODEL_BRIEF §2.2): the workstation handles public affairs, the
/// residents' committee self-governance (kept free of admin only where 居站分设 applies, L9), the
/// social-work station professional services (L2: its posts never take admin tasks).
enum class WorkerPool : std::uint8_t { workstation, committee, social_work_station };

/// A post waiting to be filled.
struct Vacancy {
  std::int32_t fill_week = 0;
  WorkerPool pool = WorkerPool::workstation;
};

struct WorkerTag {};

struct WorkerColumns {
  std::vector<std::uint16_t> community;
  std::vector<float> skill;        ///< 0–1
  std::vector<float> certification_draw;  ///< licensed when below workforce.certified_share (L7)
  std::vector<std::uint8_t> exam_certified;  ///< 1 once the worker passed the licence exam on the job (L7)
  std::vector<WorkerPool> pool;
  std::vector<float> burnout;      ///< 0–1
  std::vector<std::int32_t> hired_week;

  template <class F>
  void for_each_column(F&& f) {
    f(community);
    f(skill);
    f(certification_draw);
    f(exam_certified);
    f(pool);
    f(burnout);
    f(hired_week);
  }
};

using Workers = sim::AgentTable<WorkerTag, WorkerColumns>;
using WorkerId = Workers::Id;

/// How one community's workers spent the week, summed over its workers.
struct CommunityWorkHours {
  double admin = 0;          ///< mandatory tasks done
  double appraisal_prep = 0; ///< 迎检
  double overtime = 0;
  double unfinished_admin = 0;  ///< mandatory hours nobody could do
  std::array<double, activity_count> activity{};
  int workers = 0;           ///< filled posts when the hours were allocated
  double available = 0;      ///< contract hours of filled posts
  double quality_weighted_hours = 0;  ///< Σ hours × worker quality, for service quality
  double total_worked() const {
    double t = admin + appraisal_prep;
    for (double h : activity) t += h;
    return t;
  }
};

/// Service quality of a worker (0–1) from skill and licensing: base + per_skill·skill + the
/// licensed bonus (workforce.quality_base, quality_per_skill, licensed_quality_bonus).
inline float worker_quality(const WorkforceParameters& w, float skill, bool certified) {
  return static_cast<float>(w.quality_base) + static_cast<float>(w.quality_per_skill) * skill +
         (certified ? static_cast<float>(w.licensed_quality_bonus) : 0.0f);
}

/// Whether worker `slot` is licensed (持证上岗, L7): social-work station posts always are; other
/// workers are when their draw falls below the licensed share (a licence brought to the post) or
/// once they have passed the exam on the job (workforce.certification_rate_per_year).
inline bool is_licensed(const WorkforceParameters& w, const WorkerColumns& col, std::uint32_t slot) {
  return col.pool[slot] == WorkerPool::social_work_station || col.certification_draw[slot] < w.certified_share ||
         col.exam_certified[slot] != 0;
}

/// Quality of worker `slot` (licensed as is_licensed says).
inline float worker_quality(const WorkforceParameters& w, const WorkerColumns& col, std::uint32_t slot) {
  return worker_quality(w, col.skill[slot], is_licensed(w, col, slot));
}

}  // namespace shanzhi::gov
