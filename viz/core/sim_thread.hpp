#pragma once
// SimulationController: runs the governance model on its own thread. The UI posts commands
// (play, pause, step, speed, reset, run to a week, lever changes, load, compare) and reads the
// latest immutable Snapshot; neither call waits for a simulation step.

#include "core/run_setup.hpp"
#include "core/snapshot.hpp"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace shanzhi::viz {

class SimulationController {
 public:
  /// Starts the thread with `setup` (built and burnt in on the thread). The burn-in runs at full
  /// speed and unrecorded, as in `shanzhi run`: the first snapshot with frames is at recorded
  /// week 0 (snapshots before carry the settling progress). `playing`: whether the run plays on
  /// after the burn-in.
  explicit SimulationController(RunSetup setup, bool playing = true);
  ~SimulationController();
  SimulationController(const SimulationController&) = delete;
  SimulationController& operator=(const SimulationController&) = delete;

  void play();
  void pause();
  /// Simulates one more week, then pauses.
  void step_week();
  /// Weeks per second while playing; 0 = as fast as the model runs.
  void set_speed(double weeks_per_second);
  /// Starts the scenario again from the beginning with `seed`, dropping mid-run changes.
  /// Returns the run id the new run's snapshots will carry.
  std::uint64_t reset(std::uint64_t seed);
  /// Runs (from where the run is) to recorded week `week`, then pauses.
  void run_to(int week);
  /// Applies lever values from the next simulated week on, recorded as a policy event named
  /// `label`. Invalid values are refused with a message in Snapshot::error; the run goes on.
  void change_levers(Settings settings, std::string label);
  /// Replaces the run by `setup` (its scheduled changes included); with `target_week` ≥ 0 the
  /// new run goes to that recorded week and pauses, else it plays if `playing`.
  /// Returns the run id the new run's snapshots will carry.
  std::uint64_t load(RunSetup setup, int target_week = -1, bool playing = false);
  /// Compare mode on: a baseline twin with the same seed replays the run so far and then
  /// ignores further lever changes. Off: drops the twin.
  void set_compare(bool on);
  /// Shows an error in the window (e.g. from a file the UI could not open); the run goes on.
  void report_error(std::string message);

  /// The latest published snapshot (never null).
  std::shared_ptr<const Snapshot> snapshot() const;
  /// Blocks until no command is queued and the thread neither steps nor catches up (tests and
  /// the --frames mode use it; the interactive UI never calls it).
  void wait_until_idle() const;

 public:
  struct Command;  // defined in sim_thread.cpp

 private:
  struct Run;
  void thread_main();
  void handle(Command& command);
  bool wants_step() const;
  void step_run();
  void step_twin();
  void apply_due_changes();
  void start_run(RunSetup setup, std::uint64_t run_id);
  void handle_compare(bool on);
  void publish();
  void set_error(std::string message);

  mutable std::mutex mutex_;
  mutable std::condition_variable wake_;
  mutable std::condition_variable idle_;
  std::deque<std::unique_ptr<Command>> commands_;
  bool stopping_ = false;
  std::uint64_t last_run_id_ = 0;  ///< run ids are handed out when a run is requested
  bool busy_ = true;
  std::shared_ptr<const Snapshot> latest_;

  // Owned by the simulation thread.
  std::unique_ptr<Run> run_;
  double weeks_per_second_ = 8;
  std::string error_;
  std::uint64_t error_serial_ = 0;
  /// The latest run's model at the end of its burn-in, before recording: a replay of the same
  /// district and seed (a lesson step, compare mode's twin, a policy's base scenario) continues
  /// from it instead of settling again.
  std::unique_ptr<gov::GovernanceModel> settled_;
  std::thread thread_;
};

}  // namespace shanzhi::viz
