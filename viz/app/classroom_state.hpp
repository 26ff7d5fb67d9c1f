#pragma once
// The Classroom tab's state: the session the trainer started (its shared run, HTTP server and
// clock), being prepared on a thread while the burn-in runs, and the replay of a finished class.

#include "core/classroom/class_run.hpp"
#include "core/classroom/clock.hpp"
#include "core/classroom/server.hpp"
#include "core/classroom/session.hpp"
#include "core/plot_ticks.hpp"

#include <future>
#include <memory>
#include <optional>
#include <string>

namespace shanzhi::viz {

struct ClassroomState {
  char address[64] = "127.0.0.1:8080";  ///< HOST:PORT typed by the trainer (the classroom network's address)
  std::string error;
  /// The session while its burn-in runs (ClassroomSession's constructor), then moved below.
  std::future<std::unique_ptr<classroom::ClassroomSession>> preparing;
  classroom::ListenAddress pending_address;
  std::unique_ptr<classroom::ClassroomSession> session;
  std::unique_ptr<classroom::ClassroomServer> server;  ///< declared after session: stops first
  std::unique_ptr<classroom::ClassroomClock> clock;
  float weeks_per_second = 1;
  double play_when_ready = 0;  ///< > 0: start playing at this speed once the session is ready (--classroom-play)
  TimeWindow window;  ///< the satisfaction plot's zoom
  // Replay of the class from the scenario and the choice log.
  std::future<classroom::ClassRun> replaying;
  std::optional<classroom::ClassRun> replay;
  bool replay_identical = false;
  bool replay_started = false;  ///< a replay was asked for (by the button, or when the class finished)
  bool show_replay = false;     ///< bring the Replay tab to front on the next frame
  int replay_week = 0;

  bool active() const { return session != nullptr || preparing.valid(); }
};

/// Starts a classroom on `address` ("HOST:PORT") for the scenario `scenario`: the session is
/// prepared on a thread, and the server starts when it is ready. Errors show in the tab.
/// Called every frame, whichever tab is shown: serves a session whose burn-in finished and takes
/// a finished replay.
void update_classroom(ClassroomState& classroom);

void start_classroom(ClassroomState& classroom, const gov::GovernanceParameters& scenario, const std::string& address);

}  // namespace shanzhi::viz
