// One executor per thread, each thread pinned to a core (Linux host).
//
//   bcsc::host::core_executor<4> a(0), b(1);         // cores 0 and 1
//   bcsc::channel<int, 8> ch;
//   a.start([&](auto& exec) { (void)exec.spawn(producer(ch.get_sender())); });
//   b.start([&](auto& exec) { (void)exec.spawn(consumer(ch.get_receiver())); });
//   a.join(); b.join();
//
// start(setup) launches the thread, pins it with pthread_setaffinity_np
// (pin_error() reports a failure, e.g. EINVAL for a core outside the
// process's CPU set; the executor then runs unpinned), calls setup(exec)
// ON that thread (spawn is executor-thread-only) and runs exec.run() until
// no task is left. join() waits for that.
//
// Cross-executor wake-ups need nothing special: a waker is {task header,
// wake fn}; waking pushes onto the owning executor's lock-free run queue and
// notifies ITS idle hook. Each core_executor has its own thread_parker, so a
// wake for executor B only unparks B's thread. Every primitive (channel,
// signal, semaphore, mutex, watch, ...) guards its state with
// bcsc::critical_section (a spin lock on hosts), so tasks on different
// executors may share them. Futures themselves stay on their executor.
#pragma once

#include <pthread.h>
#include <sched.h>

#include <cerrno>
#include <cstddef>
#include <thread>
#include <utility>

#include "../executor.hpp"
#include "idle.hpp"

namespace bcsc {
namespace host {

// Pin the calling thread to `cpu`. Returns 0 or an errno value.
inline int pin_current_thread(unsigned cpu) noexcept {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  return pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

// The core the calling thread runs on now (-1 if unknown).
inline int current_core() noexcept { return sched_getcpu(); }

inline unsigned core_count() noexcept {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

template <std::size_t N, std::size_t SlotSize = 256, std::size_t SlotAlign = alignof(std::max_align_t)>
class core_executor {
 public:
  using executor_type = executor<N, SlotSize, SlotAlign>;

  explicit core_executor(unsigned cpu) noexcept : cpu_(cpu), exec_(parker_) {}
  core_executor(const core_executor&) = delete;
  core_executor& operator=(const core_executor&) = delete;
  ~core_executor() { join(); }

  template <class Setup>
  void start(Setup setup) {
    thread_ = std::thread([this, setup = std::move(setup)]() mutable {
      pin_error_ = pin_current_thread(cpu_);
      setup(exec_);
      exec_.run();
    });
  }
  void join() {
    if (thread_.joinable()) thread_.join();
  }
  unsigned cpu() const noexcept { return cpu_; }
  // Valid after join() (or from inside the executor thread).
  int pin_error() const noexcept { return pin_error_; }
  executor_type& get() noexcept { return exec_; }

 private:
  unsigned cpu_;
  int pin_error_ = 0;
  thread_parker parker_;
  executor_type exec_;
  std::thread thread_;
};

}  // namespace host
}  // namespace bcsc
