// Shared helpers for the runtime unit tests: hand-written futures, objects
// that count their constructions/destructions, a counting waker and a fake
// clock driver.
#pragma once

#include <bcsc/bcsc.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bcsc_test {

// Counts live instances; every constructor and destructor is tallied so a
// test can assert "destroyed exactly once".
struct counted {
  static inline int constructed = 0;
  static inline int destroyed = 0;
  static void reset() { constructed = destroyed = 0; }
  static int alive() { return constructed - destroyed; }

  counted() { ++constructed; }
  counted(const counted&) { ++constructed; }
  counted(counted&&) noexcept { ++constructed; }
  ~counted() { ++destroyed; }
};

// Completes with `value` after `n` pending polls; wakes itself each time.
// Fails the test if polled again after completing.
template <class T = int>
struct countdown {
  using output_type = T;
  int n;
  T value{};
  counted tag{};
  bool done = false;
  bool self_wake = true;

  bcsc::poll_result<T> poll(bcsc::context& cx) {
    EXPECT_FALSE(done) << "countdown polled after it completed";
    if (n == 0) {
      done = true;
      return value;
    }
    --n;
    if (self_wake) cx.get_waker().wake();
    return bcsc::pending;
  }
};

template <>
struct countdown<void> {
  using output_type = void;
  int n;
  counted tag{};
  bool done = false;

  bcsc::poll_result<void> poll(bcsc::context& cx) {
    EXPECT_FALSE(done) << "countdown polled after it completed";
    if (n == 0) {
      done = true;
      return bcsc::ready();
    }
    --n;
    cx.get_waker().wake();
    return bcsc::pending;
  }
};

// Appends `name` to a log when polled and when completed.
struct logged {
  using output_type = int;
  std::vector<std::string>* log;
  std::string name;
  int n;
  bcsc::poll_result<int> poll(bcsc::context& cx) {
    log->push_back("poll " + name);
    if (n-- > 0) {
      cx.get_waker().wake();
      return bcsc::pending;
    }
    log->push_back("done " + name);
    return static_cast<int>(name.size());
  }
};

// Never completes; holds a counted tag so its destruction is observable.
struct forever {
  using output_type = int;
  counted tag{};
  int* polls = nullptr;
  bcsc::poll_result<int> poll(bcsc::context&) {
    if (polls) ++*polls;
    return bcsc::pending;
  }
};

// A waker that counts wake() calls; for polling futures by hand.
struct counting_waker {
  int wakes = 0;
  static void wake_fn(void* p) noexcept { ++static_cast<counting_waker*>(p)->wakes; }
  bcsc::waker get() { return bcsc::waker(this, &wake_fn); }
};

// Deterministic clock driver: time moves only when the test says so, and
// the alarm "interrupt" fires synchronously inside advance_to().
class fake_clock final : public bcsc::clock_driver {
 public:
  bcsc::instant t{0};
  bcsc::instant alarm = bcsc::instant::max();
  int alarms_set = 0;

  bcsc::instant now() noexcept override { return t; }
  void set_alarm(bcsc::instant at) noexcept override {
    alarm = at;
    ++alarms_set;
  }
  void advance_to(bcsc::instant x) {
    t = x;
    if (alarm <= t) bcsc::on_alarm();
  }
  void advance_by(bcsc::duration d) { advance_to(t + d); }
};

// Installs a fake clock for the lifetime of the object.
struct fake_clock_scope {
  fake_clock clock;
  bcsc::clock_driver* previous;
  fake_clock_scope() : previous(bcsc::set_clock_driver(&clock)) {}
  ~fake_clock_scope() { bcsc::set_clock_driver(previous); }
};

}  // namespace bcsc_test
