// bcsc::critical_section: the one lock of the runtime.
//
// Intrusive lists that an interrupt handler (or another thread) may touch --
// wait lists, the timer queue -- are only read or written inside a
// critical_section. On Cortex-M the default masks interrupts (PRIMASK), so
// those lists are interrupt-safe; on hosts the default is a global spin lock
// (threads, no interrupts). A port may replace both with
// set_critical_section_hooks() (e.g. a BASEPRI mask that leaves the
// highest-priority interrupts enabled).
//
// Rules: critical sections are short and never nest; code running inside one
// may call waker::wake() (wake functions never take the critical section)
// and clock_driver::set_alarm(), nothing else of the runtime.
#pragma once

#include <atomic>
#include <cstdint>

#include "config.hpp"

namespace bcsc {

struct critical_section_hooks {
  // enter() returns a token that exit() receives (e.g. the previous PRIMASK).
  std::uint32_t (*enter)() noexcept;
  void (*exit)(std::uint32_t token) noexcept;
};

namespace detail {

#if BCSC_CORTEX_M
inline std::uint32_t default_cs_enter() noexcept {
  std::uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask) : : "memory");
  return primask;
}
inline void default_cs_exit(std::uint32_t primask) noexcept {
  __asm__ volatile("msr primask, %0" : : "r"(primask) : "memory");
}
#else
inline std::atomic_flag& default_cs_flag() noexcept {
  static std::atomic_flag flag = ATOMIC_FLAG_INIT;
  return flag;
}
inline std::uint32_t default_cs_enter() noexcept {
  while (default_cs_flag().test_and_set(std::memory_order_acquire)) {
  }
  return 0;
}
inline void default_cs_exit(std::uint32_t) noexcept {
  default_cs_flag().clear(std::memory_order_release);
}
#endif

inline critical_section_hooks& cs_hooks() noexcept {
  static critical_section_hooks hooks{&default_cs_enter, &default_cs_exit};
  return hooks;
}

}  // namespace detail

// Install port-specific hooks; call before the runtime is used (not while a
// critical section is held). Returns the previous hooks.
inline critical_section_hooks set_critical_section_hooks(critical_section_hooks h) noexcept {
  critical_section_hooks old = detail::cs_hooks();
  detail::cs_hooks() = h;
  return old;
}

class critical_section {
 public:
  critical_section() noexcept : token_(detail::cs_hooks().enter()) {}
  ~critical_section() { detail::cs_hooks().exit(token_); }
  critical_section(const critical_section&) = delete;
  critical_section& operator=(const critical_section&) = delete;

 private:
  std::uint32_t token_;
};

}  // namespace bcsc
