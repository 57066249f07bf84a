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
// The timer queue is an intrusive pairing heap ordered by deadline (stable
// for equal deadlines); its nodes live inside the sleep futures, so it never
// allocates. Insert O(1), removal and expiry O(log n) amortised. Destroying
// a pending sleep future unlinks its node (cancellation).
//
//   co_await bcsc::timeout(fut, bcsc::milliseconds(5));   // option<T>: empty = timed out
//   bcsc::interval iv(bcsc::milliseconds(10)); co_await iv.tick();  // drift-free, skips missed
//
// Interrupt safety: on_alarm() is ISR-safe; sleep futures are polled in task
// context; queue operations run inside bcsc::critical_section.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>

#include "critical_section.hpp"
#include "detail/child.hpp"
#include "future.hpp"
#include "option.hpp"

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
// An intrusive pairing heap ordered by (deadline, registration order): the
// earliest deadline is the root; equal deadlines fire in the order they were
// scheduled. Nodes live inside the sleeping futures (no allocation).
// Insert O(1), pop-min and remove O(log n) amortised, peek O(1). Every
// operation runs inside bcsc::critical_section.
class timer_queue;

class timer_node {
 public:
  explicit timer_node(instant deadline) noexcept : deadline_(deadline) {}
  // Only while unlinked (before the future's first poll).
  timer_node(timer_node&& o) noexcept : deadline_(o.deadline_) {
    if (o.linked()) panic("bcsc: a registered timer was moved (future moved after its first poll)");
  }
  timer_node& operator=(timer_node&&) = delete;
  timer_node(const timer_node&) = delete;
  timer_node& operator=(const timer_node&) = delete;
  inline ~timer_node();

  instant deadline() const noexcept { return deadline_; }
  // Change the deadline; only while not linked (it panics otherwise).
  void set_deadline(instant t) noexcept {
    if (queue_ != nullptr) panic("bcsc: timer_node::set_deadline on a scheduled timer");
    deadline_ = t;
  }
  bool linked() const noexcept {
    critical_section cs;
    return queue_ != nullptr;
  }
  // Remove from the queue if scheduled. Idempotent.
  inline void unlink() noexcept;

 private:
  friend class timer_queue;
  timer_queue* queue_ = nullptr;
  timer_node* child_ = nullptr;  // first child
  timer_node* next_ = nullptr;   // next sibling
  timer_node* prev_ = nullptr;   // previous sibling, or the parent for a first child
  std::uint64_t seq_ = 0;
  waker waker_;
  instant deadline_;
};

class timer_queue {
 public:
  constexpr timer_queue() noexcept = default;
  timer_queue(const timer_queue&) = delete;
  timer_queue& operator=(const timer_queue&) = delete;

  // The process-wide queue used by sleep_for/sleep_until and on_alarm().
  // Constant-initialised with a trivial destructor: no guard variable, no
  // atexit registration (matters on bare metal).
  static inline timer_queue& global() noexcept;

  // Register `n` with waker `w` (or refresh the waker), and re-arm the
  // driver if `n` became the earliest deadline.
  void schedule(timer_node& n, const waker& w, clock_driver& d) noexcept {
    bool earliest;
    {
      critical_section cs;
      n.waker_ = w;
      if (n.queue_ == nullptr) {
        n.queue_ = this;
        n.seq_ = next_seq_++;
        root_ = meld(root_, &n);
        ++size_;
      }
      earliest = root_ == &n;
    }
    if (earliest) arm(d);
  }

  // Wake every node whose deadline is <= driver.now() and arm the alarm for
  // the next one. Loops so a deadline that expires while arming is not lost.
  std::size_t fire(clock_driver& d) noexcept {
    std::size_t woken = 0;
    for (;;) {
      const instant t = d.now();
      {
        critical_section cs;
        while (root_ != nullptr && root_->deadline_ <= t) {
          timer_node* n = root_;
          remove_locked(*n);
          n->waker_.wake();
          ++woken;
        }
      }
      const instant next = arm(d);
      if (next > d.now()) return woken;
    }
  }

  // Deadline of the earliest sleeper, or instant::max() if none.
  instant next_deadline() const noexcept {
    critical_section cs;
    return front_deadline_locked();
  }
  bool empty() const noexcept {
    critical_section cs;
    return root_ == nullptr;
  }
  std::size_t size() const noexcept {
    critical_section cs;
    return size_;
  }

 private:
  friend class timer_node;

  static bool before(const timer_node* a, const timer_node* b) noexcept {
    return a->deadline_ < b->deadline_ || (a->deadline_ == b->deadline_ && a->seq_ < b->seq_);
  }
  // Meld two heap roots (each with null sibling links); returns the new root.
  static timer_node* meld(timer_node* a, timer_node* b) noexcept {
    if (a == nullptr) return b;
    if (b == nullptr) return a;
    if (before(b, a)) {
      timer_node* t = a;
      a = b;
      b = t;
    }
    b->prev_ = a;
    b->next_ = a->child_;
    if (a->child_ != nullptr) a->child_->prev_ = b;
    a->child_ = b;
    return a;
  }
  // Two-pass pairing of a sibling list; returns the merged root.
  static timer_node* merge_pairs(timer_node* first) noexcept {
    timer_node* stack = nullptr;
    while (first != nullptr) {
      timer_node* a = first;
      timer_node* b = a->next_;
      first = b != nullptr ? b->next_ : nullptr;
      a->next_ = a->prev_ = nullptr;
      if (b != nullptr) b->next_ = b->prev_ = nullptr;
      timer_node* m = meld(a, b);
      m->next_ = stack;  // next_ doubles as the stack link
      stack = m;
    }
    timer_node* root = nullptr;
    while (stack != nullptr) {
      timer_node* next = stack->next_;
      stack->next_ = nullptr;
      root = meld(root, stack);
      stack = next;
    }
    return root;
  }
  void remove_locked(timer_node& n) noexcept {
    if (n.queue_ != this) return;
    timer_node* sub = merge_pairs(n.child_);
    if (&n == root_) {
      root_ = sub;
    } else {
      if (n.prev_->child_ == &n) n.prev_->child_ = n.next_;
      else n.prev_->next_ = n.next_;
      if (n.next_ != nullptr) n.next_->prev_ = n.prev_;
      root_ = meld(root_, sub);
    }
    if (root_ != nullptr) root_->prev_ = root_->next_ = nullptr;
    n.child_ = n.next_ = n.prev_ = nullptr;
    n.queue_ = nullptr;
    --size_;
  }

  // set_alarm runs inside the critical section so that concurrent schedule()
  // and fire() calls cannot leave the driver armed for a stale deadline.
  instant arm(clock_driver& d) noexcept {
    critical_section cs;
    instant next = front_deadline_locked();
    d.set_alarm(next);
    return next;
  }
  instant front_deadline_locked() const noexcept { return root_ ? root_->deadline_ : instant::max(); }

  timer_node* root_ = nullptr;
  std::uint64_t next_seq_ = 0;
  std::size_t size_ = 0;
};

namespace detail {
inline timer_queue global_timer_queue{};
}  // namespace detail
inline timer_queue& timer_queue::global() noexcept { return detail::global_timer_queue; }

inline void timer_node::unlink() noexcept {
  critical_section cs;
  if (queue_ != nullptr) queue_->remove_locked(*this);
}
inline timer_node::~timer_node() { unlink(); }

// Called by the clock driver when the alarm time is reached. ISR-safe.
inline void on_alarm() noexcept {
  if (clock_driver* d = current_clock_driver()) timer_queue::global().fire(*d);
}

// ---------------------------------------------------------- sleep futures ---
// Completes once now() >= deadline. Movable until first poll. Never ends
// early: it completes only when the driver's now() has reached the deadline.
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
  // Unschedule now (what the destructor does); polling again re-schedules.
  void cancel() noexcept { node_.unlink(); }

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

// ------------------------------------------------------------- timeout -----
// timeout(fut, d) / timeout_at(fut, t): run `fut` with a deadline.
// Output: option<T> (option<unit> for a void future) -- the output of `fut`
// if it completed first, empty if the deadline passed first. `fut` is polled
// before the timer, so a future that is ready at the deadline wins. When
// the deadline wins, the owned `fut` is destroyed right away (cancelled);
// when `fut` wins, the timer is unlinked at once. An lvalue `fut` is
// borrowed (never destroyed by the timeout, never polled after it ends).
template <class C>
class timeout_future {
  static_assert(is_future_v<C>, "timeout: argument must be a bcsc future");

 public:
  using value_type = unit_if_void<output_t<C>>;
  using output_type = option<value_type>;

  template <class A>
  timeout_future(A&& fut, instant deadline) : child_(std::forward<A>(fut)), sleep_(deadline) {}
  timeout_future(timeout_future&& o) : child_(std::move(o.child_)), sleep_(std::move(o.sleep_)) {
    if (o.started_) panic("bcsc::timeout moved after its first poll");
  }
  timeout_future& operator=(timeout_future&&) = delete;

  poll_result<output_type> poll(context& cx) {
    if (finished_) panic("bcsc::timeout polled after it completed");
    started_ = true;
    if (detail::poll_child(child_, cx)) {
      finished_ = true;
      sleep_.cancel();
      return output_type(child_.take());
    }
    if (sleep_.poll(cx).is_pending()) return pending;
    finished_ = true;
    child_.release();  // cancel the slow future now
    return output_type();
  }
  instant deadline() const noexcept { return sleep_.deadline(); }

 private:
  detail::child_slot<C> child_;
  sleep_future sleep_;
  bool started_ = false;
  bool finished_ = false;
};

template <class F>
timeout_future<std::conditional_t<std::is_lvalue_reference_v<F>, F, std::remove_cv_t<std::remove_reference_t<F>>>>
timeout_at(F&& fut, instant deadline) {
  return {std::forward<F>(fut), deadline};
}
// The deadline is fixed when the timeout is created (now() + d).
template <class F>
auto timeout(F&& fut, duration d) {
  return timeout_at(std::forward<F>(fut), now() + d);
}

// ------------------------------------------------------------ interval -----
// A drift-free periodic timer:
//
//   bcsc::interval every(bcsc::milliseconds(10));      // first tick at now()+10ms
//   for (;;) { auto t = co_await every.tick(); ... }   // t.scheduled, t.missed
//
// Deadlines lie on a fixed grid: first, first + period, first + 2*period...
// The next deadline is computed from the previous DEADLINE, never from the
// time the task got around to it, so lateness does not accumulate.
//
// Missed ticks: policy SKIP. If the task is late by one or more whole
// periods, tick() completes once, immediately, reporting in `missed` how
// many grid points were skipped; the next deadline is the first grid point
// after now (no burst of catch-up ticks, and the grid is kept).
//
// A cancelled tick() (destroyed before completing) consumes nothing: the
// next tick() waits for the same deadline. The tick future borrows the
// interval; one tick() at a time.
struct interval_tick {
  instant scheduled;      // the grid point this tick stands for
  std::uint64_t missed;   // grid points skipped since the previous tick
};

class interval {
 public:
  class tick_future {
   public:
    using output_type = interval_tick;
    explicit tick_future(interval& iv) noexcept : iv_(&iv), sleep_(iv.next_) {}
    tick_future(tick_future&&) noexcept = default;
    poll_result<interval_tick> poll(context& cx) noexcept {
      if (sleep_.poll(cx).is_pending()) return pending;
      return iv_->advance(now());
    }

   private:
    interval* iv_;
    sleep_future sleep_;
  };

  explicit interval(duration period) noexcept : interval(now() + period, period) {}
  interval(instant first, duration period) noexcept : next_(first), period_(period) {
    if (period.us == 0) panic("bcsc::interval: period must not be zero");
  }

  tick_future tick() noexcept { return tick_future(*this); }
  instant next_deadline() const noexcept { return next_; }
  duration period() const noexcept { return period_; }
  // Restart the grid at `first`.
  void reset(instant first) noexcept { next_ = first; }

 private:
  interval_tick advance(instant t) noexcept {
    const instant scheduled = next_;
    const std::uint64_t late = (t - scheduled).us / period_.us;  // whole periods missed
    next_ = scheduled + period_ * (late + 1);
    return {scheduled, late};
  }
  instant next_;
  duration period_;
};

}  // namespace bcsc
