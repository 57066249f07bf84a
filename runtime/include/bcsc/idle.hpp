// bcsc::idle_hook: what a run loop does when it has nothing to poll.
//
// An idle hook has "event" semantics, like Cortex-M WFE/SEV or a futex
// token:
//   notify()  -- makes the next (or the current) wait() return. Called by
//                wake functions, therefore MUST be interrupt-safe and
//                thread-safe, never block, never take bcsc::critical_section.
//   wait()    -- sleep until notify() has been called since the previous
//                wait() returned on this thread. May return spuriously.
// Because a notify() between "queue looks empty" and wait() is remembered,
// run loops do not lose wake-ups.
//
// Ports:   Cortex-M: wait() = __WFE, notify() = __SEV (the runtime's
//          port helper installs it); a WFI-based hook must check its own
//          flag with interrupts masked.
// Host:    <bcsc/host/idle.hpp> provides a condition-variable parker and
//          installs it as the default.
// Default: spin_idle_hook (wait() returns at once: busy polling, correct
//          but wasteful).
#pragma once

#include <atomic>

namespace bcsc {

class idle_hook {
 public:
  virtual void wait() noexcept = 0;
  virtual void notify() noexcept = 0;

 protected:
  idle_hook() = default;
  ~idle_hook() = default;
  idle_hook(const idle_hook&) = default;
  idle_hook& operator=(const idle_hook&) = default;
};

// Busy-wait hook: correct everywhere, sleeps nowhere.
class spin_idle_hook final : public idle_hook {
 public:
  void wait() noexcept override {}
  void notify() noexcept override {}
  static spin_idle_hook& instance() noexcept {
    static spin_idle_hook h;
    return h;
  }
};

namespace detail {
inline std::atomic<idle_hook*>& default_idle_hook_slot() noexcept {
  static std::atomic<idle_hook*> slot{nullptr};
  return slot;
}
}  // namespace detail

// The hook executors and block_on use when not given one. Install it at
// start-up (the port / host header does); the hook must outlive every user.
inline idle_hook* set_default_idle_hook(idle_hook* h) noexcept {
  return detail::default_idle_hook_slot().exchange(h, std::memory_order_acq_rel);
}
inline idle_hook& default_idle_hook() noexcept {
  idle_hook* h = detail::default_idle_hook_slot().load(std::memory_order_acquire);
  return h ? *h : spin_idle_hook::instance();
}

}  // namespace bcsc
