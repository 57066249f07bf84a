// bcsc::mutex<T> and bcsc::rw_lock<T>: async locks that own the data they
// protect; the guards may be held across suspend points.
//
//   bcsc::mutex<config> cfg;
//   {
//     auto g = co_await cfg.lock();   // FIFO among waiters
//     g->retries = 3;
//     co_await bcsc::sleep_for(ms(1)); // still held: other lockers wait
//   }                                  // unlocked here (guard destructor)
//
//   bcsc::rw_lock<table> tbl;                                 // FIFO (phase-fair)
//   bcsc::rw_lock<table, bcsc::rw_policy::prefer_writers> t2; // writers jump the queue
//   { auto r = co_await tbl.read();  use(*r); }               // shared
//   { auto w = co_await tbl.write(); w->x = 1; }              // exclusive
//
// Both are built on detail::permit_queue (see semaphore.hpp): unlocking
// hands the lock to the first queued waiter (no barging), and a cancelled
// lock() future that was already handed the lock passes it on. No
// allocation: waiter nodes live in the lock futures.
//
// rw_lock: the lock has max_readers permits; read() takes 1, write() takes
// all of them.
//   rw_policy::fifo          strict arrival order: a queued writer blocks
//                            every later reader (writers never starve,
//                            readers never starve either).
//   rw_policy::prefer_writers a waiting writer is queued ahead of every
//                            waiting reader (FIFO among writers); readers
//                            may starve under a continuous stream of writers.
//
// Interrupt safety: none of the lock operations are meant for interrupt
// handlers (guards give task-context access to T). try_lock()/try_read()/
// try_write() are ISR-safe technically (one critical section) but an ISR
// must then release the guard before returning. Guards unlock in any context.
#pragma once

#include <cstddef>
#include <utility>

#include "critical_section.hpp"
#include "future.hpp"
#include "option.hpp"
#include "semaphore.hpp"

namespace bcsc {

namespace detail {
// Releases `n` permits of a queue when destroyed; gives access to a T.
template <class T, bool Const>
class lock_guard_base {
  using ref = std::conditional_t<Const, const T&, T&>;
  using ptr = std::conditional_t<Const, const T*, T*>;

 public:
  lock_guard_base(permit_queue& q, std::size_t n, T& v) noexcept : q_(&q), n_(n), v_(&v) {}
  lock_guard_base(lock_guard_base&& o) noexcept : q_(std::exchange(o.q_, nullptr)), n_(o.n_), v_(o.v_) {}
  lock_guard_base& operator=(lock_guard_base&&) = delete;
  ~lock_guard_base() { unlock(); }

  ref operator*() const noexcept { return *v_; }
  ptr operator->() const noexcept { return v_; }
  ptr get() const noexcept { return v_; }
  bool owns_lock() const noexcept { return q_ != nullptr; }
  // Unlock early; the guard becomes empty (dereferencing it is then a bug).
  void unlock() noexcept {
    if (q_ == nullptr) return;
    critical_section cs;
    std::exchange(q_, nullptr)->release_locked(n_);
  }

 private:
  permit_queue* q_;
  std::size_t n_;
  T* v_;
};

template <class Guard, class T>
class lock_future {
 public:
  using output_type = Guard;
  lock_future(permit_queue& q, std::size_t n, T& v, bool priority = false) noexcept
      : acq_(q, n, priority), n_(n), v_(&v) {}
  lock_future(lock_future&&) noexcept = default;
  poll_result<Guard> poll(context& cx) noexcept {
    if (!acq_.poll(cx)) return pending;
    return Guard(acq_.queue(), n_, *v_);
  }

 private:
  permit_acquire acq_;
  std::size_t n_;
  T* v_;
};
}  // namespace detail

template <class T>
class mutex {
 public:
  using guard = detail::lock_guard_base<T, false>;
  using lock_future = detail::lock_future<guard, T>;

  template <class... A>
  constexpr explicit mutex(A&&... a) : value_(std::forward<A>(a)...) {}
  mutex(const mutex&) = delete;
  mutex& operator=(const mutex&) = delete;

  // Task context. Completes (FIFO) with the guard.
  lock_future lock() noexcept { return lock_future(q_, 1, value_); }
  // Locks if free and nobody is queued.
  option<guard> try_lock() noexcept {
    {
      critical_section cs;
      if (!q_.try_take_locked(1)) return none;
    }
    return guard(q_, 1, value_);
  }
  bool is_locked() const noexcept {
    critical_section cs;
    return q_.available_locked() == 0;
  }
  // Unsynchronised access, e.g. before any task runs.
  T& get_unchecked() noexcept { return value_; }

 private:
  detail::permit_queue q_{1};
  T value_;
};

enum class rw_policy { fifo, prefer_writers };

template <class T, rw_policy Policy = rw_policy::fifo>
class rw_lock {
 public:
  static constexpr std::size_t max_readers = std::size_t(1) << 24;
  using read_guard = detail::lock_guard_base<T, true>;
  using write_guard = detail::lock_guard_base<T, false>;
  using read_future = detail::lock_future<read_guard, T>;
  using write_future = detail::lock_future<write_guard, T>;

  template <class... A>
  constexpr explicit rw_lock(A&&... a) : value_(std::forward<A>(a)...) {}
  rw_lock(const rw_lock&) = delete;
  rw_lock& operator=(const rw_lock&) = delete;

  read_future read() noexcept { return read_future(q_, 1, value_); }
  write_future write() noexcept {
    return write_future(q_, max_readers, value_, Policy == rw_policy::prefer_writers);
  }
  option<read_guard> try_read() noexcept {
    {
      critical_section cs;
      if (!q_.try_take_locked(1)) return none;
    }
    return read_guard(q_, 1, value_);
  }
  option<write_guard> try_write() noexcept {
    {
      critical_section cs;
      if (!q_.try_take_locked(max_readers)) return none;
    }
    return write_guard(q_, max_readers, value_);
  }
  // Number of read guards alive (0 when free or write-locked).
  std::size_t readers() const noexcept {
    critical_section cs;
    const std::size_t free = q_.available_locked();
    return free == 0 ? 0 : max_readers - free;
  }
  bool is_write_locked() const noexcept {
    critical_section cs;
    return q_.available_locked() == 0;
  }

 private:
  detail::permit_queue q_{max_readers};
  T value_;
};

}  // namespace bcsc
