// Host clock driver over std::chrono::steady_clock.
//
//   bcsc::host::steady_clock_driver clock;   // starts its alarm thread
//   bcsc::set_clock_driver(&clock);          // (or use install() below)
//
// now() is microseconds since the driver was constructed. set_alarm() hands
// the deadline to a private thread that sleeps until then and calls
// bcsc::on_alarm() -- the host stand-in for a timer interrupt. Destroying
// the driver stops the thread and uninstalls it if it is installed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "../time.hpp"

namespace bcsc {
namespace host {

class steady_clock_driver final : public clock_driver {
  using clock = std::chrono::steady_clock;

 public:
  steady_clock_driver() : epoch_(clock::now()), thread_([this] { alarm_loop(); }) {}
  ~steady_clock_driver() {
    if (current_clock_driver() == this) set_clock_driver(nullptr);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }
  steady_clock_driver(const steady_clock_driver&) = delete;
  steady_clock_driver& operator=(const steady_clock_driver&) = delete;

  instant now() noexcept override {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - epoch_).count();
    return instant{static_cast<std::uint64_t>(us)};
  }

  void set_alarm(instant at) noexcept override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      alarm_ = at;
    }
    cv_.notify_one();
  }

  // A process-wide driver, installed on first use.
  static steady_clock_driver& install() {
    static steady_clock_driver driver;
    set_clock_driver(&driver);
    return driver;
  }

 private:
  clock::time_point to_time_point(instant t) const {
    return epoch_ + std::chrono::microseconds(static_cast<std::int64_t>(t.us));
  }

  // The "timer interrupt": sleeps until the alarm, then runs on_alarm()
  // without holding mutex_ (on_alarm re-arms through set_alarm).
  void alarm_loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
      if (alarm_ == instant::max()) {
        cv_.wait(lock);
        continue;
      }
      const instant due = alarm_;
      if (now() < due) {
        cv_.wait_until(lock, to_time_point(due));
        continue;
      }
      alarm_ = instant::max();
      lock.unlock();
      if (current_clock_driver() == this) on_alarm();
      lock.lock();
    }
  }

  const clock::time_point epoch_;
  std::mutex mutex_;
  std::condition_variable cv_;
  instant alarm_ = instant::max();
  bool stop_ = false;
  std::thread thread_;  // last: starts after every other member exists
};

}  // namespace host
}  // namespace bcsc
