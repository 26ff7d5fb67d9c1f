// Weekly burnout, skill, turnover and hiring of community workers (MODEL_BRIEF §2.2).
//
// Burnout follows b ← b + α_b·stress − r_b·b with stress = admin share of the week + w_o ×
// overtime share (w_o = workforce.overtime_stress_weight, 2). The brief's b ← b + α_b·(hours/H − 1)⁺ − r_b has no resting level below full burnout
// under a steady overload; proportional recovery gives one (α_b·stress/r_b), and admin pressure
// is what the seed's workers complain of (docs/model.md).
// Turnover hazard (annual rate): h = h0·exp(−β_w(pay − 1))·(1 + β_b·b)·(1 − promotion cut), where a
// licensed worker's pay includes the licence's pay grade (L7).
// Licensing accrues (持证上岗, L7): each week an unlicensed worker passes the licence exam with the
// weekly chance of workforce.certification_rate_per_year, and stays licensed while in the post.

#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::gov {
namespace {

/// `pay_bonus`: a 好社工 award (L18) and a licence's pay grade (L7) count as pay.
double weekly_leave_probability(const WorkforceParameters& w, float burnout, double pay_bonus) {
  const double base_rate = -std::log(1.0 - std::min(w.turnover_reference_annual, 0.999));
  const double rate = base_rate * std::exp(-w.pay_sensitivity * (w.pay_ratio + pay_bonus - 1.0)) *
                      (1.0 + w.burnout_sensitivity * burnout) * (w.promotion_path ? 1.0 - w.promotion_hazard_cut : 1.0);
  return 1.0 - std::exp(-rate / sim::weeks_per_year);
}

void age_and_maybe_leave(ModelState& s, std::size_t c, int week) {
  const auto& w = s.params.workforce;
  const auto& hours = s.work[c];
  auto& staff = s.workers_by_community[c];
  auto& col = s.workers.columns;
  const double admin_share = hours.available > 0 ? hours.admin / hours.available : 0.0;
  const double overtime_share = hours.available > 0 ? hours.overtime / hours.available : 0.0;
  const double stress = admin_share + w.overtime_stress_weight * overtime_share;
  const double skill_gain = (w.experience_skill_per_year + w.training_skill_per_year) / sim::weeks_per_year;
  const double award_bonus = week < s.appraisals[c].award_until_week ? s.params.appraisal.award_pay_bonus : 0.0;
  const double exam_pass = 1.0 - std::exp(-w.certification_rate_per_year / sim::weeks_per_year);
  auto keep = staff.begin();
  for (auto slot : staff) {
    float& burnout = col.burnout[slot];
    burnout = static_cast<float>(std::clamp(burnout + w.burnout_gain * stress - w.burnout_recovery * burnout, 0.0, 1.0));
    col.skill[slot] = static_cast<float>(std::min(1.0, col.skill[slot] + skill_gain));
    if (exam_pass > 0 && !is_licensed(w, col, slot)) {
      sim::RandomStream exam(s.seed, slot, static_cast<std::uint32_t>(week), purpose::licence_exam);
      if (exam.uniform() < exam_pass) col.exam_certified[slot] = 1;
    }
    const double pay_bonus = award_bonus + (is_licensed(w, col, slot) ? w.licensed_pay_premium : 0.0);
    sim::RandomStream rng(s.seed, slot, static_cast<std::uint32_t>(week), purpose::turnover);
    if (rng.uniform() < weekly_leave_probability(w, burnout, pay_bonus)) {
      s.vacancies[c].push_back({week + static_cast<int>(w.vacancy_fill_weeks), col.pool[slot]});
      s.workers.destroy(s.workers.id_at(slot));
      ++s.rolling.separations_now();
    } else {
      *keep++ = slot;
    }
  }
  staff.erase(keep, staff.end());
}

void hire(ModelState& s, std::size_t c, WorkerPool pool, int week) {
  const auto id = s.workers.create();
  auto& col = s.workers.columns;
  sim::RandomStream rng(s.seed, id.index, static_cast<std::uint32_t>(week), purpose::hiring);
  col.community[id.index] = static_cast<std::uint16_t>(c);
  col.skill[id.index] = static_cast<float>(s.params.workforce.new_hire_skill);
  col.certification_draw[id.index] = static_cast<float>(rng.uniform());
  col.exam_certified[id.index] = 0;  // a licence passed on the job stays with the worker who passed it
  col.pool[id.index] = pool;  // the new hire takes the departed colleague's post
  col.burnout[id.index] = static_cast<float>(s.params.workforce.new_hire_burnout);
  col.hired_week[id.index] = week;
  s.workers_by_community[c].push_back(id.index);
}

void fill_vacancies(ModelState& s, std::size_t c, int week) {
  auto& vacancies = s.vacancies[c];
  auto keep = vacancies.begin();
  for (const auto& vacancy : vacancies) {
    if (vacancy.fill_week > week)
      *keep++ = vacancy;
    else
      hire(s, c, vacancy.pool, week);
  }
  vacancies.erase(keep, vacancies.end());
}

}  // namespace

void adjust_social_work_posts(ModelState& s) {
  const auto target = static_cast<std::size_t>(s.params.workforce.social_work_posts_per_community);
  auto& col = s.workers.columns;
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    auto& staff = s.workers_by_community[c];
    auto& vacancies = s.vacancies[c];
    auto is_station = [](WorkerPool p) { return p == WorkerPool::social_work_station; };
    std::size_t posts = 0;
    for (auto slot : staff) posts += is_station(col.pool[slot]);
    for (const auto& v : vacancies) posts += is_station(v.pool);
    // New posts are advertised and filled like any vacancy.
    for (; posts < target; ++posts)
      vacancies.push_back({s.week + static_cast<int>(s.params.workforce.vacancy_fill_weeks), WorkerPool::social_work_station});
    // Posts cut: unfilled ones first, then the most recently filled.
    for (auto it = vacancies.end(); posts > target && it != vacancies.begin();) {
      --it;
      if (is_station(it->pool)) {
        it = vacancies.erase(it);
        --posts;
      }
    }
    for (std::size_t i = staff.size(); posts > target && i-- > 0;) {
      if (!is_station(col.pool[staff[i]])) continue;
      s.workers.destroy(s.workers.id_at(staff[i]));
      staff.erase(staff.begin() + static_cast<std::ptrdiff_t>(i));
      --posts;
    }
  }
}

void update_workforce(ModelState& s, const sim::CalendarDate& date) {
  // Sequential: a few hundred workers, and hiring reuses slots in a fixed order.
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    age_and_maybe_leave(s, c, date.week);
    fill_vacancies(s, c, date.week);
    s.rolling.posts_now() += static_cast<int>(s.workers_by_community[c].size());
    s.records_hours_this_quarter[c] += s.work[c].activity[static_cast<std::size_t>(Activity::records)];
    // What the committee will rate the street office on at the next evaluation (两评, L15).
    s.appraisals[c].admin_hours_since_evaluation += s.work[c].admin + s.work[c].appraisal_prep;
    s.appraisals[c].worked_hours_since_evaluation += s.work[c].total_worked();
  }
}

}  // namespace shanzhi::gov
