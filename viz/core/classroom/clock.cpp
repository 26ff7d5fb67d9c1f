#include "core/classroom/clock.hpp"

#include <chrono>

namespace shanzhi::viz::classroom {

ClassroomClock::ClassroomClock(ClassroomSession& session) : session_(session), thread_([this] { loop(); }) {}

ClassroomClock::~ClassroomClock() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ClassroomClock::play(double weeks_per_second) {
  {
    std::lock_guard lock(mutex_);
    playing_ = weeks_per_second > 0;
    if (playing_) weeks_per_second_ = weeks_per_second;
  }
  wake_.notify_all();
}

void ClassroomClock::pause() {
  std::lock_guard lock(mutex_);
  playing_ = false;
}

bool ClassroomClock::playing() const {
  std::lock_guard lock(mutex_);
  return playing_;
}

void ClassroomClock::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (!playing_) {
      wake_.wait(lock, [&] { return stopping_ || playing_; });
      continue;
    }
    const auto period = std::chrono::duration<double>(1.0 / weeks_per_second_);
    lock.unlock();
    const auto started = std::chrono::steady_clock::now();
    session_.advance(1);
    const bool at_end = session_.finished();
    lock.lock();
    if (at_end) playing_ = false;
    // Waits out the rest of the week's period, waking early for pause or stop.
    wake_.wait_until(lock, started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(period),
                     [&] { return stopping_ || !playing_; });
  }
}

}  // namespace shanzhi::viz::classroom
