#include "core/sim_thread.hpp"

#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <omp.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <variant>

namespace shanzhi::viz {

using Clock = std::chrono::steady_clock;

struct SimulationController::Command {
  enum class Kind { play, pause, step, speed, reset, run_to, levers, load, compare, error } kind;
  double number = 0;
  std::uint64_t seed = 0;
  int week = -1;
  bool flag = false;
  Settings settings;
  std::string text;
  std::unique_ptr<RunSetup> setup;
  std::uint64_t run_id = 0;  ///< load and reset: the id the new run gets
};

/// Everything the thread owns about the current run.
struct SimulationController::Run {
  RunSetup setup;
  std::size_t next_change = 0;  ///< first change of setup.changes not applied yet
  std::unique_ptr<gov::GovernanceModel> model;
  std::shared_ptr<const DistrictShape> shape;
  std::shared_ptr<const std::vector<sim::MetricInfo>> metrics;
  std::vector<std::shared_ptr<const WeekFrame>> frames;
  std::uint64_t run_id = 0;
  bool took_over_settling = false;  ///< model settling under a replaced run's scenario (start_run)
  bool playing = true;
  bool step_pending = false;
  int target_week = -1;
  double last_step_ms = 0;
  Clock::time_point next_step_time{};
  // Compare mode.
  bool compare = false;
  int compare_from_week = 0;
  std::unique_ptr<gov::GovernanceModel> twin;
  std::vector<LeverChange> twin_changes;
  std::size_t twin_next_change = 0;
  std::vector<std::shared_ptr<const std::vector<double>>> baseline_rows;

  int burn_in() const { return model->burn_in_weeks(); }
  int recorded_week() const { return model->week() - burn_in(); }
  /// The twin has fewer rows than the run has frames (rows and frames both start at week 0).
  bool twin_catching_up() const { return twin && baseline_rows.size() < frames.size(); }
};

namespace {

std::string describe(const sim::ScenarioError& e) {
  std::string text;
  for (const auto& d : e.diagnostics()) text += d.format() + "\n";
  if (!text.empty()) text.pop_back();
  return text.empty() ? e.what() : text;
}

/// Applies the changes of `changes` due at the model's current week (all earlier ones too).
void apply_changes_due(gov::GovernanceModel& model, const sim::ScenarioDocument& document,
                       const std::vector<LeverChange>& changes, std::size_t& next) {
  while (next < changes.size() && changes[next].week <= model.week()) {
    const std::vector<LeverChange> applied(changes.begin(), changes.begin() + static_cast<std::ptrdiff_t>(next + 1));
    model.apply_policy(gov::parameters_with(document, accumulated_settings(applied)), changes[next].label);
    ++next;
  }
}

/// Takes `model` one recorded row further. The burn-in runs unrecorded, as in `shanzhi run`, one
/// week per call (false: still settling); at its end the row of week 0 is recorded, then each call
/// applies the changes due, simulates a week and records it. `has_rows`: week 0 is recorded.
bool advance_one_row(gov::GovernanceModel& model, const sim::ScenarioDocument& document,
                     const std::vector<LeverChange>& changes, std::size_t& next, bool has_rows) {
  if (model.week() < model.burn_in_weeks()) {
    model.step();
    if (model.week() < model.burn_in_weeks()) return false;
  } else if (has_rows) {
    apply_changes_due(model, document, changes, next);
    model.step();
  }
  model.record(model.week() - model.burn_in_weeks());
  return true;
}

/// Whether a run of `params` would reach the same state as `model` until the reform: the same
/// district, assumptions and seed, whatever the reform levers.
bool same_until_reform(const gov::GovernanceModel& model, const gov::GovernanceParameters& params) {
  return model.scenario().run.seed == params.run.seed && gov::same_until_reform(model.scenario(), params);
}

/// A model of `params`: continued from `settled` when that is the same district and seed up to
/// the reform (its own burn-in would reach exactly that state), else built to run its burn-in.
std::unique_ptr<gov::GovernanceModel> model_from(const gov::GovernanceModel* settled, const gov::GovernanceParameters& params) {
  if (settled && same_until_reform(*settled, params)) return std::make_unique<gov::GovernanceModel>(*settled, params);
  return std::make_unique<gov::GovernanceModel>(params);
}

std::vector<double> last_row(const gov::GovernanceModel& model) {
  const auto& rec = model.recorder();
  std::vector<double> row(rec.metrics().size());
  for (std::size_t m = 0; m < row.size(); ++m) row[m] = rec.final_value(m);
  return row;
}

}  // namespace

SimulationController::SimulationController(RunSetup setup, bool playing) {
  auto command = std::make_unique<Command>();
  command->kind = Command::Kind::load;
  command->setup = std::make_unique<RunSetup>(std::move(setup));
  command->flag = playing;
  command->run_id = ++last_run_id_;
  commands_.push_back(std::move(command));
  auto first = std::make_shared<Snapshot>();
  first->status_key = "status.building";
  latest_ = first;
  thread_ = std::thread([this] { thread_main(); });
}

SimulationController::~SimulationController() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

namespace {
std::unique_ptr<SimulationController::Command> make_command(auto kind) {
  auto c = std::make_unique<SimulationController::Command>();
  c->kind = kind;
  return c;
}
}  // namespace

#define SHANZHI_POST(command)                      \
  do {                                             \
    {                                              \
      std::lock_guard lock(mutex_);                \
      commands_.push_back(std::move(command));     \
      busy_ = true;                                \
    }                                              \
    wake_.notify_all();                            \
  } while (false)

void SimulationController::play() { auto c = make_command(Command::Kind::play); SHANZHI_POST(c); }
void SimulationController::pause() { auto c = make_command(Command::Kind::pause); SHANZHI_POST(c); }
void SimulationController::step_week() { auto c = make_command(Command::Kind::step); SHANZHI_POST(c); }
void SimulationController::set_speed(double weeks_per_second) {
  auto c = make_command(Command::Kind::speed);
  c->number = weeks_per_second;
  SHANZHI_POST(c);
}
std::uint64_t SimulationController::reset(std::uint64_t seed) {
  auto c = make_command(Command::Kind::reset);
  c->seed = seed;
  {
    std::lock_guard lock(mutex_);
    c->run_id = ++last_run_id_;
  }
  const auto id = c->run_id;
  SHANZHI_POST(c);
  return id;
}
void SimulationController::run_to(int week) {
  auto c = make_command(Command::Kind::run_to);
  c->week = week;
  SHANZHI_POST(c);
}
void SimulationController::change_levers(Settings settings, std::string label) {
  auto c = make_command(Command::Kind::levers);
  c->settings = std::move(settings);
  c->text = std::move(label);
  SHANZHI_POST(c);
}
std::uint64_t SimulationController::load(RunSetup setup, int target_week, bool playing) {
  auto c = make_command(Command::Kind::load);
  c->setup = std::make_unique<RunSetup>(std::move(setup));
  c->week = target_week;
  c->flag = playing;
  {
    std::lock_guard lock(mutex_);
    c->run_id = ++last_run_id_;
  }
  const auto id = c->run_id;
  SHANZHI_POST(c);
  return id;
}
void SimulationController::set_compare(bool on) {
  auto c = make_command(Command::Kind::compare);
  c->flag = on;
  SHANZHI_POST(c);
}
void SimulationController::report_error(std::string message) {
  auto c = make_command(Command::Kind::error);
  c->text = std::move(message);
  SHANZHI_POST(c);
}
#undef SHANZHI_POST

std::shared_ptr<const Snapshot> SimulationController::snapshot() const {
  std::lock_guard lock(mutex_);
  return latest_;
}

void SimulationController::wait_until_idle() const {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return commands_.empty() && !busy_; });
}

// ---- On the simulation thread ------------------------------------------------------------------

void SimulationController::set_error(std::string message) {
  error_ = std::move(message);
  ++error_serial_;
}

void SimulationController::thread_main() {
  // The window must stay responsive: leave one core to the UI and software rendering, and run
  // the model at a lower priority (results do not depend on the thread count).
  // Not every core even while the district settles: on a shared 2-core machine two OpenMP
  // threads waiting at each phase's barrier made the burn-in slower, not faster (docs/viz.md).
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  omp_set_num_threads(std::max(1, cores - 1));
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
  for (;;) {
    std::deque<std::unique_ptr<Command>> batch;
    {
      std::unique_lock lock(mutex_);
      auto has_work = [this] { return stopping_ || !commands_.empty(); };
      const bool catching_up = run_ && run_->twin_catching_up();
      if (!catching_up && !wants_step()) {
        busy_ = false;
        idle_.notify_all();
        wake_.wait(lock, has_work);
      } else if (!catching_up && Clock::now() < run_->next_step_time) {
        wake_.wait_until(lock, run_->next_step_time, has_work);
      }
      if (stopping_) return;
      busy_ = true;
      batch.swap(commands_);
    }
    for (auto& command : batch) handle(*command);
    if (!run_) {
      publish();
      continue;
    }
    if (run_->twin_catching_up()) {
      step_twin();
      publish();
      continue;
    }
    if (wants_step() && Clock::now() >= run_->next_step_time) {
      step_run();
      publish();
    } else if (!batch.empty()) {
      publish();
    }
  }
}

bool SimulationController::wants_step() const {
  if (!run_ || !run_->model || run_->model->finished()) return false;
  if (run_->frames.empty()) return true;  // the burn-in always runs through to week 0
  if (run_->step_pending) return true;
  if (run_->target_week >= 0) return run_->recorded_week() < run_->target_week;
  return run_->playing;
}

void SimulationController::step_run() {
  auto& r = *run_;
  const auto start = Clock::now();
  const bool settling = r.model->week() < r.burn_in();
  if (settling && r.model->week() + 1 == r.burn_in()) {
    r.model->step();
    settled_ = std::make_unique<gov::GovernanceModel>(*r.model, r.model->scenario());
    // A district taken over from a replaced run settled under that run's scenario: from the
    // reform on it is this run's.
    if (r.took_over_settling) r.model = model_from(settled_.get(), r.setup.parameters);
    // A twin made while this run settled, of the same district and seed, need not run its own
    // burn-in: it continues from here.
    if (r.twin && r.twin->week() == 0 && same_until_reform(*settled_, r.twin->scenario()))
      r.twin = std::make_unique<gov::GovernanceModel>(*settled_, r.twin->scenario());
    advance_one_row(*r.model, r.setup.document, r.setup.changes, r.next_change, false);
  } else if (!advance_one_row(*r.model, r.setup.document, r.setup.changes, r.next_change, !r.frames.empty())) {
    r.last_step_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    r.next_step_time = Clock::now();
    return;
  }
  r.frames.push_back(std::make_shared<const WeekFrame>(make_frame(*r.model, *r.shape)));
  while (r.twin && r.baseline_rows.size() < r.frames.size()) step_twin();
  const auto end = Clock::now();
  r.last_step_ms = std::chrono::duration<double, std::milli>(end - start).count();
  r.step_pending = false;
  if (r.target_week >= 0 && r.recorded_week() >= r.target_week) {
    r.target_week = -1;
    r.playing = false;
  }
  const bool throttled = r.playing && r.target_week < 0 && !settling && weeks_per_second_ > 0;
  r.next_step_time = throttled ? start + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(1.0 / weeks_per_second_))
                               : end;
}

void SimulationController::step_twin() {
  auto& r = *run_;
  if (advance_one_row(*r.twin, r.setup.document, r.twin_changes, r.twin_next_change, !r.baseline_rows.empty()))
    r.baseline_rows.push_back(std::make_shared<const std::vector<double>>(last_row(*r.twin)));
}

void SimulationController::start_run(RunSetup setup, std::uint64_t run_id) {
  const bool playing = run_ ? run_->playing : true;
  const bool compare = run_ && run_->compare;
  // A run replaced while it still settles (the launch run when a lesson starts at once) hands its
  // district on when the new run is the same district and seed until the reform, so it is
  // neither built nor settled twice.
  std::unique_ptr<gov::GovernanceModel> settling;
  if (run_ && run_->frames.empty() && run_->model->week() < run_->burn_in() &&
      same_until_reform(*run_->model, setup.parameters))
    settling = std::move(run_->model);
  run_.reset();
  {
    auto building = std::make_shared<Snapshot>();
    building->status_key = "status.building";
    building->run_id = run_id;
    std::lock_guard lock(mutex_);
    latest_ = building;
  }
  auto run = std::make_unique<Run>();
  // A change before the end of burn-in would be overwritten by the scenario's reforms.
  const int first_change_week = static_cast<int>(setup.parameters.run.burn_in_weeks) + 1;
  for (auto& change : setup.changes) change.week = std::max(change.week, first_change_week);
  std::stable_sort(setup.changes.begin(), setup.changes.end(),
                   [](const LeverChange& a, const LeverChange& b) { return a.week < b.week; });
  run->setup = std::move(setup);
  run->took_over_settling = settling != nullptr;
  run->model = settling ? std::move(settling) : model_from(settled_.get(), run->setup.parameters);
  run->shape = std::make_shared<const DistrictShape>(make_district_shape(run->model->state()));
  run->metrics = std::make_shared<const std::vector<sim::MetricInfo>>(run->model->recorder().metrics());
  run->run_id = run_id;
  run->playing = playing;
  run_ = std::move(run);
  if (compare) handle_compare(true);
}

void SimulationController::handle_compare(bool on) {
  auto& r = *run_;
  r.compare = on;
  r.twin.reset();
  r.baseline_rows.clear();
  if (!on) return;
  r.twin_next_change = 0;
  if (r.setup.baseline) {
    // Another scenario as the baseline (a loaded policy against its base scenario): the runs
    // differ from week 0 on, and the twin keeps that scenario's levers.
    r.compare_from_week = 0;
    r.twin = model_from(settled_.get(), *r.setup.baseline);
    r.twin_changes.clear();
    return;
  }
  // The twin is the same scenario and seed with the changes applied so far: it retraces the
  // run exactly (common random numbers) and then keeps the levers as they are now.
  r.compare_from_week = std::max(0, r.recorded_week());
  r.twin = model_from(settled_.get(), r.setup.parameters);
  r.twin_changes.assign(r.setup.changes.begin(), r.setup.changes.begin() + static_cast<std::ptrdiff_t>(r.next_change));
}

void SimulationController::handle(Command& c) {
  using Kind = Command::Kind;
  if (c.kind == Kind::load) {
    try {
      start_run(std::move(*c.setup), c.run_id);
    } catch (const std::exception& e) {
      set_error(e.what());
      return;
    }
    run_->playing = c.flag;
    run_->target_week = c.week;
    return;
  }
  if (c.kind == Kind::error) {
    set_error(std::move(c.text));
    return;
  }
  if (c.kind == Kind::speed) {
    weeks_per_second_ = std::max(0.0, c.number);
    if (run_) run_->next_step_time = Clock::now();
    return;
  }
  if (!run_) return;
  auto& r = *run_;
  switch (c.kind) {
    case Kind::play:
      r.playing = true;
      r.next_step_time = Clock::now();
      break;
    case Kind::pause:
      r.playing = false;
      r.target_week = -1;
      break;
    case Kind::step:
      r.playing = false;
      r.step_pending = true;
      r.next_step_time = Clock::now();
      break;
    case Kind::run_to:
      r.target_week = c.week;
      r.next_step_time = Clock::now();
      break;
    case Kind::reset: {
      RunSetup fresh = r.setup;
      fresh.changes.clear();
      fresh.parameters.run.seed = static_cast<std::int64_t>(c.seed);
      if (fresh.baseline) {  // the baseline scenario follows the new seed (common random numbers)
        auto baseline = *fresh.baseline;
        baseline.run.seed = fresh.parameters.run.seed;
        fresh.baseline = std::make_shared<const gov::GovernanceParameters>(std::move(baseline));
      }
      start_run(std::move(fresh), c.run_id);
      break;
    }
    case Kind::levers: {
      // Changes take effect before a simulated week; the end of burn-in applies the scenario's
      // levers, so changes during burn-in wait for the first recorded week.
      LeverChange change{std::max(r.model->week(), r.burn_in() + 1), std::move(c.settings), std::move(c.text)};
      std::vector<LeverChange> applied(r.setup.changes.begin(),
                                       r.setup.changes.begin() + static_cast<std::ptrdiff_t>(r.next_change));
      applied.push_back(change);
      try {
        (void)gov::parameters_with(r.setup.document, accumulated_settings(applied));
      } catch (const sim::ScenarioError& e) {
        set_error(describe(e));
        break;
      }
      r.setup.changes.insert(r.setup.changes.begin() + static_cast<std::ptrdiff_t>(r.next_change), std::move(change));
      break;
    }
    case Kind::compare:
      if (c.flag != r.compare) handle_compare(c.flag);
      break;
    default:
      break;
  }
}

void SimulationController::publish() {
  auto s = std::make_shared<Snapshot>();
  {
    std::lock_guard lock(mutex_);
    s->version = latest_->version + 1;
  }
  s->error = error_;
  s->error_serial = error_serial_;
  s->weeks_per_second = weeks_per_second_;
  if (run_) {
    const auto& r = *run_;
    s->run_id = r.run_id;
    s->shape = r.shape;
    s->metrics = r.metrics;
    s->frames = r.frames;
    const int burn_in = r.burn_in();
    for (const auto& e : r.model->state().events) s->events.push_back({e.week - burn_in, e.label});
    for (std::size_t i = r.next_change; i < r.setup.changes.size(); ++i)
      s->events.push_back({r.setup.changes[i].week - burn_in, r.setup.changes[i].label});
    for (const auto& change : r.setup.changes)
      if (changes_at_fiscal_year(change.settings))
        s->fiscal_effects.push_back({fiscal_year_effect_week(change.week - burn_in, burn_in), change.label});
    s->playing = (r.playing || r.target_week >= 0) && !r.model->finished();
    s->model_week = r.model->week();
    s->burn_in_weeks = burn_in;
    s->total_weeks = r.model->total_weeks();
    s->target_week = r.target_week;
    s->last_step_ms = r.last_step_ms;
    s->scenario_name = r.setup.document.name;
    s->scenario_path = r.setup.document.path;
    s->seed = static_cast<std::uint64_t>(r.setup.parameters.run.seed);
    s->active_parameters = r.model->state().params;
    s->setup = r.setup;
    s->compare_active = r.compare;
    s->compare_from_week = r.compare_from_week;
    s->compare_against_base = r.setup.baseline != nullptr;
    s->baseline_rows = r.baseline_rows;
    if (r.twin_catching_up()) s->status_key = "status.catching_up";
    else if (r.frames.empty()) s->status_key = "status.settling";
    else if (r.model->finished()) s->status_key = "status.finished";
    else if (s->playing) s->status_key = "status.running";
    else s->status_key = "status.paused";
  } else {
    s->status_key = "status.no_run";
  }
  std::lock_guard lock(mutex_);
  latest_ = std::move(s);
}

}  // namespace shanzhi::viz
