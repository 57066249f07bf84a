// bcsc::event: a manual-reset flag that tasks can wait for.
//
//   bcsc::event data_ready;                  // static, or in a parent frame
//   void uart_isr() { data_ready.set(); }    // interrupt-safe
//   co_await data_ready.wait();              // completes once set
//
// set() stores the flag and wakes every waiter; reset() clears it; waiters
// that have not yet observed the flag see the new state on their next poll.
// Waiters are intrusive wait_nodes inside the wait futures (no allocation);
// destroying a pending wait future unlinks it.
//
// Interrupt safety: set(), reset(), is_set() are safe from interrupt
// handlers and other threads. wait() futures are polled in task context.
// The event must outlive its wait futures (they borrow it).
#pragma once

#include <atomic>

#include "future.hpp"
#include "wait_list.hpp"

namespace bcsc {

class event;

class event_wait_future {
 public:
  using output_type = void;
  explicit event_wait_future(event& ev) noexcept : ev_(&ev) {}
  event_wait_future(event_wait_future&&) noexcept = default;  // node panics if linked
  inline poll_result<void> poll(context& cx) noexcept;

 private:
  event* ev_;
  wait_node node_;
};

class event {
 public:
  constexpr event() noexcept = default;
  event(const event&) = delete;
  event& operator=(const event&) = delete;

  void set() noexcept {
    set_.store(true, std::memory_order_release);
    waiters_.wake_all();
  }
  void reset() noexcept { set_.store(false, std::memory_order_release); }
  bool is_set() const noexcept { return set_.load(std::memory_order_acquire); }
  event_wait_future wait() noexcept { return event_wait_future(*this); }

 private:
  friend class event_wait_future;
  std::atomic<bool> set_{false};
  wait_list waiters_;
};

inline poll_result<void> event_wait_future::poll(context& cx) noexcept {
  if (ev_->is_set()) {
    node_.unlink();
    return ready();
  }
  ev_->waiters_.register_waiter(node_, cx.get_waker());
  // set() may have run between the check and the registration.
  if (ev_->is_set()) {
    node_.unlink();
    return ready();
  }
  return pending;
}

}  // namespace bcsc
