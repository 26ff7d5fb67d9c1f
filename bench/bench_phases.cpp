// Benchmarks of the governance model's weekly phases on a small district (8 communities of
// 5,000 residents), plus one whole GovernanceModel::step.
//
// A phase run over and over on its own drifts into states the model never reaches: delivery
// alone empties the queues, arrivals alone fill them without end. So each benchmark iteration
// simulates a whole week on a private copy of the model state, and only the phase under test
// is timed (manual timing). Rates are reported as resident-weeks per second.

#include "models/governance/phases/encounter.hpp"
#include "models/governance/model.hpp"
#include "models/governance/phases/phases.hpp"
#include "sim/calendar.hpp"
#include "sim/schedule.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <utility>

namespace {

namespace gov = shanzhi::gov;
namespace sim = shanzhi::sim;

using PhaseFunction = void (*)(gov::ModelState&, const sim::CalendarDate&);

struct Phase {
  sim::Cadence cadence;
  PhaseFunction run;
};

/// The phases in the order and at the cadences GovernanceModel::build_schedule declares them
/// (models/governance/model.cpp). Keep the two lists in step.
constexpr std::array<Phase, 14> model_phases{{
    {sim::Cadence::year_start, gov::open_fiscal_year},
    {sim::Cadence::weekly, gov::arrive_needs},
    {sim::Cadence::weekly, gov::pay_contracts_and_plan_capacity},
    {sim::Cadence::weekly, gov::allocate_worker_time},
    {sim::Cadence::weekly, gov::deliver_services},
    {sim::Cadence::weekly, gov::hold_meetings},
    {sim::Cadence::weekly, gov::update_residents},
    {sim::Cadence::weekly, gov::update_workforce},
    {sim::Cadence::monthly, gov::settle_organization_finances},
    {sim::Cadence::monthly, gov::decide_facility_sharing},
    {sim::Cadence::monthly, gov::improve_property_services},
    {sim::Cadence::quarterly, gov::appraise_communities},
    {sim::Cadence::quarterly, gov::develop_organizations},
    {sim::Cadence::yearly, gov::close_fiscal_year},
}};

/// Weeks simulated before any measurement, so that queues, waits and contracts are in their
/// running state rather than the empty initial one (requests expire after 8 weeks).
constexpr int warm_up_weeks = 13;

gov::GovernanceParameters small_district() {
  gov::GovernanceParameters p;
  p.district.streets = 2;
  p.district.communities_per_street = 4;
  p.district.residents_per_community = 5000;
  p.run.burn_in_weeks = 0;  // levers as given from week 0; no policy switch mid-benchmark
  p.run.weeks = 1'000'000;  // never "finished", however many iterations a benchmark takes
  return p;
}

/// State of the small district after the warm-up, built once and copied by each benchmark.
const gov::ModelState& warmed_up_state() {
  static const gov::ModelState state = [] {
    gov::GovernanceModel model(small_district());
    for (int week = 0; week < warm_up_weeks; ++week) model.step();
    return model.state();
  }();
  return state;
}

/// Simulates the week `s.week` as GovernanceModel::step does (minus the burn-in policy switch,
/// which cannot occur with no burn-in), and returns the seconds spent in `timed` (zero when it
/// was not due this week).
double run_week_timing(gov::ModelState& s, PhaseFunction timed) {
  using clock = std::chrono::steady_clock;
  const sim::CalendarDate date = sim::date_of_week(s.week);
  s.rolling.start_week(s.week);
  double seconds = 0;
  for (const Phase& phase : model_phases) {
    if (!sim::runs_in(phase.cadence, date)) continue;
    if (phase.run != timed) {
      phase.run(s, date);
      continue;
    }
    const auto start = clock::now();
    phase.run(s, date);
    seconds = std::chrono::duration<double>(clock::now() - start).count();
  }
  ++s.week;
  return seconds;
}

void benchmark_phase(benchmark::State& state, PhaseFunction timed, gov::ModelState s) {
  for (auto _ : state) state.SetIterationTime(run_week_timing(s, timed));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(s.residents.size()));
  state.counters["residents"] = static_cast<double>(s.residents.size());
}

void BM_Phase(benchmark::State& state, PhaseFunction timed) { benchmark_phase(state, timed, warmed_up_state()); }

/// Meetings are held only in a few weeks a year; with one every week each iteration times a
/// real meeting round instead of averaging in weeks where the phase returns at once.
void BM_HoldMeetingsEveryWeek(benchmark::State& state) {
  gov::ModelState s = warmed_up_state();
  s.params.participation.meetings_per_year = sim::weeks_per_year;
  benchmark_phase(state, gov::hold_meetings, std::move(s));
}

BENCHMARK_CAPTURE(BM_Phase, arrive_needs, gov::arrive_needs)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Phase, allocate_worker_time, gov::allocate_worker_time)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Phase, deliver_services, gov::deliver_services)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Phase, update_residents, gov::update_residents)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HoldMeetingsEveryWeek)->UseManualTime()->Unit(benchmark::kMillisecond);

/// The resident pass with nobody talking: the difference from update_residents is the cost of
/// word of mouth (talk decisions are still drawn; only the talks themselves are skipped).
void BM_UpdateResidentsWithoutWordOfMouth(benchmark::State& state) {
  gov::ModelState s = warmed_up_state();
  s.params.word_of_mouth.talk_base = 0;
  s.params.word_of_mouth.talk_satisfied = 0;
  s.params.word_of_mouth.talk_dissatisfied = 0;
  benchmark_phase(state, gov::update_residents, std::move(s));
}
BENCHMARK(BM_UpdateResidentsWithoutWordOfMouth)->UseManualTime()->Unit(benchmark::kMillisecond);

/// Satisfaction and expectation updates of service encounters (EDM, expectation learning,
/// normative ratchet): one encounter for every resident, categories in turn.
void BM_ApplyEncounters(benchmark::State& state) {
  gov::ModelState s = warmed_up_state();
  const auto residents = static_cast<std::uint32_t>(s.residents.size());
  int week = s.week;
  for (auto _ : state) {
    for (std::uint32_t i = 0; i < residents; ++i)
      gov::apply_encounter(s, i, static_cast<int>(i % gov::category_count), week - 1, 0.7f, 1.5f, 0.8f, week);
    ++week;
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(residents));
}
BENCHMARK(BM_ApplyEncounters)->Unit(benchmark::kMillisecond);

/// Recording one week's metrics row (community summaries combined in order), with the
/// breakdown pass every 13th week as in a run: the cost of outputs per simulated week.
void BM_RecordWeek(benchmark::State& state) {
  gov::GovernanceModel model(small_district());
  for (int week = 0; week < warm_up_weeks; ++week) model.step();
  int recorded = 1;
  for (auto _ : state) model.record(recorded++);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(model.state().residents.size()));
}
BENCHMARK(BM_RecordWeek)->Unit(benchmark::kMicrosecond);

/// One whole week of the model, scheduler and all. Phases run on OpenMP threads, so wall time
/// (not the main thread's CPU time) is the figure that matters.
void BM_ModelStep(benchmark::State& state) {
  gov::GovernanceModel model(small_district());
  for (int week = 0; week < warm_up_weeks; ++week) model.step();
  for (auto _ : state) model.step();
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(model.state().residents.size()));
}
BENCHMARK(BM_ModelStep)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
