#pragma once
// The classroom's clock: advances the shared run a week at a time at the trainer's pace, on a
// thread of its own, so the window and the HTTP server stay responsive while the class plays.

#include "core/classroom/session.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace shanzhi::viz::classroom {

class ClassroomClock {
 public:
  explicit ClassroomClock(ClassroomSession& session);
  ~ClassroomClock();
  ClassroomClock(const ClassroomClock&) = delete;
  ClassroomClock& operator=(const ClassroomClock&) = delete;

  /// Plays at `weeks_per_second` (> 0) until paused or the run's horizon.
  void play(double weeks_per_second);
  void pause();
  bool playing() const;

 private:
  void loop();

  ClassroomSession& session_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool playing_ = false;
  bool stopping_ = false;
  double weeks_per_second_ = 1;
  std::thread thread_;
};

}  // namespace shanzhi::viz::classroom
