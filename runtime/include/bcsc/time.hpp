// Time: instants, durations, the pluggable clock/alarm driver, the timer
// queue, and the sleep futures.
//
// ---------------------------------------------------------------- units ----
// bcsc::instant and bcsc::duration count microseconds (uint64_t) since the
// driver's epoch (usually boot). A driver with a coarser tick (SysTick at
// 1 kHz) reports multiples of 1000. 2^64 us is ~584,000 years: no wrap.
//
// ---------------------------------------------------------- driver API -----
// A port implements bcsc::clock_driver and installs it once at start-up:
//
//   class systick_driver final : public bcsc::clock_driver {
//     bcsc::instant now() noexcept override;              // ISR-safe, monotonic
//     void set_alarm(bcsc::instant at) noexcept override;  // see below
//   };
//   static systick_driver drv;  bcsc::set_clock_driver(&drv);
//
//   now():       monotonic current time. Called from task context, from inside
//                bcsc::critical_section and from bcsc::on_alarm().
//   set_alarm(t): arrange ONE call of bcsc::on_alarm() at or after time t.
//                A new call replaces the previous request; t == instant::max()
//                means "no alarm needed" (the driver may keep ticking anyway).
//                It may be called inside bcsc::critical_section (interrupts
//                masked on Cortex-M) and from within on_alarm(), so it must
//                only program hardware/store t -- never block, never call back
//                into bcsc. If t is already past, the driver may fire at once
//                or not at all: the runtime re-checks now() after arming.
//   bcsc::on_alarm(): the driver calls this (typically from its timer ISR,
//                or from a host thread) when the alarm time is reached.
//                Spurious/extra calls are harmless. It wakes every sleeper
//                whose deadline has passed and re-arms for the next one.
//
// A SysTick driver can simply call bcsc::on_alarm() from every tick whose
// count reaches the stored alarm time.
//
// ---------------------------------------------------------- user API -------
//   co_await bcsc::sleep_for(bcsc::milliseconds(10));
//   co_await bcsc::sleep_until(bcsc::now() + bcsc::seconds(1));
//   bcsc::now()  -- current time from the installed driver (panics if none)
//
// The timer queue is a deadline-ordered intrusive list (stable for equal
// deadlines); its nodes live inside the sleep futures, so it never
// allocates. Insertion is O(n) in the number of sleepers, wake-up O(1) each.
// Destroying a pending sleep future unlinks its node (cancellation).
//
// Interrupt safety: on_alarm() is ISR-safe; sleep futures are polled in task
// context; queue operations run inside bcsc::critical_section.
#pragma once

#include <cstdint>
#include <limits>

#include "future.hpp"
#include "wait_list.hpp"

namespace bcsc {

// ------------------------------------------------------------ durations ----
struct duration {
  std::uint64_t us = 0;
  friend constexpr duration operator+(duration a, duration b) noexcept { return {a.us + b.us}; }
  friend constexpr duration operator-(duration a, duration b) noexcept { return {a.us - b.us}; }
  friend constexpr duration operator*(duration a, std::uint64_t k) noexcept { return {a.us * k}; }
  friend constexpr bool operator==(duration a, duration b) noexcept { return a.us == b.us; }
  friend constexpr bool operator!=(duration a, duration b) noexcept { return a.us != b.us; }
  friend constexpr bool operator<(duration a, duration b) noexcept { return a.us < b.us; }
  friend constexpr bool operator<=(duration a, duration b) noexcept { return a.us <= b.us; }
  friend constexpr bool operator>(duration a, duration b) noexcept { return a.us > b.us; }
  friend constexpr bool operator>=(duration a, duration b) noexcept { return a.us >= b.us; }
};

constexpr duration microseconds(std::uint64_t n) noexcept { return {n}; }
constexpr duration milliseconds(std::uint64_t n) noexcept { return {n * 1000u}; }
constexpr duration seconds(std::uint64_t n) noexcept { return {n * 1000000u}; }

struct instant {
  std::uint64_t us = 0;  // microseconds since the driver's epoch
  static constexpr instant max() noexcept { return {std::numeric_limits<std::uint64_t>::max()}; }
  // Saturating: now + huge duration never wraps into the past.
  friend constexpr instant operator+(instant t, duration d) noexcept {
    return {t.us > max().us - d.us ? max().us : t.us + d.us};
  }
  friend constexpr duration operator-(instant a, instant b) noexcept { return {a.us - b.us}; }
  friend constexpr bool operator==(instant a, instant b) noexcept { return a.us == b.us; }
  friend constexpr bool operator!=(instant a, instant b) noexcept { return a.us != b.us; }
  friend constexpr bool operator<(instant a, instant b) noexcept { return a.us < b.us; }
  friend constexpr bool operator<=(instant a, instant b) noexcept { return a.us <= b.us; }
  friend constexpr bool operator>(instant a, instant b) noexcept { return a.us > b.us; }
  friend constexpr bool operator>=(instant a, instant b) noexcept { return a.us >= b.us; }
};

// --------------------------------------------------------------- driver ----
class clock_driver {
 public:
  virtual instant now() noexcept = 0;
  virtual void set_alarm(instant at) noexcept = 0;

 protected:
  clock_driver() = default;
  ~clock_driver() = default;  // not deleted through this interface
  clock_driver(const clock_driver&) = default;
  clock_driver& operator=(const clock_driver&) = default;
};

namespace detail {
inline std::atomic<clock_driver*>& clock_driver_slot() noexcept {
  static std::atomic<clock_driver*> slot{nullptr};
  return slot;
}
}  // namespace detail

// Install (or, with nullptr, remove) the driver. Returns the previous one.
// Install before any sleep future is created; swap drivers only while no
// sleeper is pending.
inline clock_driver* set_clock_driver(clock_driver* d) noexcept {
  return detail::clock_driver_slot().exchange(d, std::memory_order_acq_rel);
}
inline clock_driver* current_clock_driver() noexcept {
  return detail::clock_driver_slot().load(std::memory_order_acquire);
}
inline clock_driver& require_clock_driver() noexcept {
  clock_driver* d = current_clock_driver();
  if (d == nullptr) panic("bcsc: no clock driver installed (call bcsc::set_clock_driver)");
  return *d;
}

inline instant now() noexcept { return require_clock_driver().now(); }

// ---------------------------------------------------------- timer queue ----
// A node of the timer queue: a wait node plus its deadline. Lives inside the
// sleeping future.
class timer_node : public wait_node {
 public:
  explicit timer_node(instant deadline) noexcept : deadline_(deadline) {}
  timer_node(timer_node&&) noexcept = default;  // wait_node panics if linked
  instant deadline() const noexcept { return deadline_; }

 private:
  instant deadline_;
};

class timer_queue {
 public:
  // The process-wide queue used by sleep_for/sleep_until and on_alarm().
  static timer_queue& global() noexcept {
    static timer_queue q;
    return q;
  }

  // Register `n` with waker `w` (or refresh the waker), keep deadline order,
  // and re-arm the driver if `n` became the earliest deadline.
  void schedule(timer_node& n, const waker& w, clock_driver& d) noexcept {
    bool earliest = list_.register_sorted(n, w, [](const wait_node& a, const wait_node& b) {
      return static_cast<const timer_node&>(a).deadline() < static_cast<const timer_node&>(b).deadline();
    });
    if (earliest) arm(d);
  }

  // Wake every node whose deadline is <= driver.now() and arm the alarm for
  // the next one. Loops so a deadline that expires while arming is not lost.
  std::size_t fire(clock_driver& d) noexcept {
    std::size_t woken = 0;
    for (;;) {
      const instant t = d.now();
      woken += list_.wake_while([t](const wait_node& n) {
        return static_cast<const timer_node&>(n).deadline() <= t;
      });
      const instant next = arm(d);
      if (next > d.now()) return woken;
    }
  }

  // Deadline of the earliest sleeper, or instant::max() if none.
  instant next_deadline() const noexcept {
    return list_.with_front([](const wait_node* n) {
      return n ? static_cast<const timer_node*>(n)->deadline() : instant::max();
    });
  }
  bool empty() const noexcept { return list_.empty(); }

 private:
  // set_alarm runs inside the critical section so that concurrent schedule()
  // and fire() calls cannot leave the driver armed for a stale deadline.
  instant arm(clock_driver& d) noexcept {
    critical_section cs;
    instant next = front_deadline_locked();
    d.set_alarm(next);
    return next;
  }
  instant front_deadline_locked() const noexcept {
    const wait_node* n = list_.front_locked();
    return n ? static_cast<const timer_node*>(n)->deadline() : instant::max();
  }

  wait_list list_;
};

// Called by the clock driver when the alarm time is reached. ISR-safe.
inline void on_alarm() noexcept {
  if (clock_driver* d = current_clock_driver()) timer_queue::global().fire(*d);
}

// ---------------------------------------------------------- sleep futures ---
// Completes once now() >= deadline. Movable until first poll.
class sleep_future {
 public:
  using output_type = void;
  explicit sleep_future(instant deadline) noexcept : node_(deadline) {}
  sleep_future(sleep_future&&) noexcept = default;

  poll_result<void> poll(context& cx) noexcept {
    clock_driver& d = require_clock_driver();
    if (expired(d)) return ready();
    timer_queue::global().schedule(node_, cx.get_waker(), d);
    // The deadline may have passed while we were linking/arming.
    if (expired(d)) return ready();
    return pending;
  }
  instant deadline() const noexcept { return node_.deadline(); }

 private:
  bool expired(clock_driver& d) noexcept {
    if (d.now() < node_.deadline()) return false;
    node_.unlink();
    return true;
  }
  timer_node node_;
};

inline sleep_future sleep_until(instant deadline) noexcept { return sleep_future(deadline); }
// The deadline is fixed when the future is created (now() + d).
inline sleep_future sleep_for(duration d) noexcept { return sleep_future(now() + d); }

}  // namespace bcsc
