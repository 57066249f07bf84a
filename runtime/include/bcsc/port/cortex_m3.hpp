// The Cortex-M3 port: a SysTick clock/alarm driver, a WFI idle hook and
// interrupt masking, for the runtime's driver interfaces (time.hpp, idle.hpp).
//
//   #include <bcsc/bcsc.hpp>
//   #include <bcsc/port/cortex_m3.hpp>
//   int main() {
//     bcsc::port::cortex_m3::start();   // SysTick at 1 kHz, driver + idle hook installed
//     bcsc::executor<4> exec;  ...  exec.run();
//   }
//
// Link with runtime/port/cortex-m3/startup.cpp and link.ld (see the README
// there). This header defines SysTick_Handler, which the startup code's
// vector table points at.
//
// Clock. SysTick interrupts every 1/tick_hz seconds and the handler counts
// ticks in a 64-bit counter. now() adds the microseconds elapsed within the
// current tick, read from the SysTick down-counter, so sleep_for(d) measures
// d from the real start: a sleep never ends early (with whole-tick time, a
// 1 ms sleep begun late in a tick would end at the next tick, almost at
// once). Alarms still fire on ticks, so a sleep ends on the first tick at or
// after its deadline: sleep_for(1ms) lasts between 1 and 2 ms at 1 kHz.
//
// Alarm. set_alarm(t) only stores t. Every tick the handler compares now()
// with it and, once reached, clears it and calls bcsc::on_alarm(), which
// wakes the expired sleepers (their wakers are interrupt-safe) and re-arms.
//
// Idle. wfi_idle_hook::wait() sleeps in WFI until an interrupt. WFI is
// entered with interrupts masked after checking the notify flag: an
// interrupt that becomes pending in between still ends the WFI (a masked
// pending interrupt wakes the core), so no wake-up is lost. Under QEMU this
// really sleeps: the core idles until the next SysTick.
//
// Critical sections. The runtime's default Cortex-M critical section already
// masks interrupts with PRIMASK, which is what this port wants; it installs
// no critical-section hooks.
#pragma once

#include <atomic>
#include <cstdint>
#include <limits>

#include "../idle.hpp"
#include "../time.hpp"

namespace bcsc::port::cortex_m3 {

// ------------------------------------------------------ interrupt masking ---
// Mask all configurable interrupts; returns the previous PRIMASK so masks
// nest (unlike bcsc::critical_section, these may be taken inside one).
inline std::uint32_t mask_interrupts() noexcept {
  std::uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask) : : "memory");
  return primask;
}
inline void restore_interrupts(std::uint32_t primask) noexcept {
  __asm__ volatile("msr primask, %0" : : "r"(primask) : "memory");
}

class interrupt_mask {
 public:
  interrupt_mask() noexcept : primask_(mask_interrupts()) {}
  ~interrupt_mask() { restore_interrupts(primask_); }
  interrupt_mask(const interrupt_mask&) = delete;
  interrupt_mask& operator=(const interrupt_mask&) = delete;

 private:
  std::uint32_t primask_;
};

// The active exception number (IPSR): 0 in thread mode, 15 in SysTick.
inline std::uint32_t active_exception() noexcept {
  std::uint32_t ipsr;
  __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
  return ipsr;
}
inline constexpr std::uint32_t systick_exception = 15;

// Sleep until an interrupt is pending. DSB first so buffered writes finish.
inline void wait_for_interrupt() noexcept { __asm__ volatile("dsb\n\twfi" : : : "memory"); }

// -------------------------------------------------------------- registers ---
namespace reg {
inline volatile std::uint32_t& at(std::uintptr_t address) noexcept {
  return *reinterpret_cast<volatile std::uint32_t*>(address);
}
inline volatile std::uint32_t& syst_csr() noexcept { return at(0xE000E010); }  // control/status
inline volatile std::uint32_t& syst_rvr() noexcept { return at(0xE000E014); }  // reload value
inline volatile std::uint32_t& syst_cvr() noexcept { return at(0xE000E018); }  // current value
inline volatile std::uint32_t& scb_icsr() noexcept { return at(0xE000ED04); }   // interrupt control/state
inline volatile std::uint32_t& scb_shpr3() noexcept { return at(0xE000ED20); }  // PendSV/SysTick priority

inline constexpr std::uint32_t csr_enable = 1u << 0;
inline constexpr std::uint32_t csr_tickint = 1u << 1;
inline constexpr std::uint32_t csr_clksource_cpu = 1u << 2;
inline constexpr std::uint32_t shpr3_systick_shift = 24;
inline constexpr std::uint32_t icsr_pendstset = 1u << 26;  // SysTick pending
}  // namespace reg

// mps2-an385 (and QEMU's model of it) runs the core at 25 MHz.
inline constexpr std::uint32_t default_cpu_hz = 25'000'000;
inline constexpr std::uint32_t default_tick_hz = 1'000;

// ---------------------------------------------------------- SysTick driver ---
// Called from the SysTick handler on every tick, before the alarm check,
// with the new time. For drivers or tests that poll hardware periodically;
// it may wake tasks (wakers are interrupt-safe) but must be short.
using tick_hook = void (*)(instant now) noexcept;

class systick_driver final : public clock_driver {
 public:
  constexpr systick_driver() noexcept = default;
  systick_driver(const systick_driver&) = delete;
  systick_driver& operator=(const systick_driver&) = delete;

  // Program SysTick to interrupt tick_hz times a second from the CPU clock,
  // at the lowest priority so device interrupts preempt the timer work.
  void start(std::uint32_t cpu_hz = default_cpu_hz, std::uint32_t tick_hz = default_tick_hz) noexcept {
    us_per_tick_ = 1'000'000u / tick_hz;
    cycles_per_us_ = cpu_hz / 1'000'000u;
    reload_ = cpu_hz / tick_hz - 1;  // 24-bit: tick_hz >= 2 at 25 MHz
    reg::syst_csr() = 0;
    reg::syst_rvr() = reload_;
    reg::syst_cvr() = 0;                     // any write clears the counter
    reg::scb_shpr3() = (reg::scb_shpr3() & 0x00FFFFFFu) | (0xFFu << reg::shpr3_systick_shift);
    reg::syst_csr() = reg::csr_clksource_cpu | reg::csr_tickint | reg::csr_enable;
  }

  // Whole ticks plus the time into the current tick. Interrupts are masked
  // so the handler cannot bump the count between the two reads; if the
  // counter wrapped while masked (SysTick pending), that tick is counted
  // here and the counter re-read. Returned values never decrease, even if a
  // simulator updates the counter and the pending bit at different moments.
  instant now() noexcept override {
    interrupt_mask mask;
    std::uint64_t ticks = ticks_;
    std::uint32_t count = reg::syst_cvr();
    if (reg::scb_icsr() & reg::icsr_pendstset) {
      ticks += 1;
      count = reg::syst_cvr();
    }
    std::uint32_t into_tick = (reload_ - count) / cycles_per_us_;
    if (into_tick >= us_per_tick_) into_tick = us_per_tick_ - 1;
    std::uint64_t us = ticks * us_per_tick_ + into_tick;
    if (us < last_now_us_) us = last_now_us_;
    last_now_us_ = us;
    return {us};
  }

  // Only stores the deadline; the tick handler compares against it. Masked
  // because a 64-bit store is two instructions the handler must not split.
  void set_alarm(instant at) noexcept override {
    interrupt_mask mask;
    alarm_us_ = at.us;
  }

  // Ticks since start(). The 64-bit counter is read with interrupts masked
  // for the same reason.
  std::uint64_t ticks() const noexcept {
    interrupt_mask mask;
    return ticks_;
  }

  void set_tick_hook(tick_hook hook) noexcept {
    interrupt_mask mask;
    tick_hook_ = hook;
  }

  // The SysTick handler's body: count, run the hook, fire a due alarm once.
  void on_tick() noexcept {
    ticks_ = ticks_ + 1;
    const instant t{ticks_ * us_per_tick_};
    if (tick_hook_ != nullptr) tick_hook_(t);
    if (t.us >= alarm_us_) {
      alarm_us_ = instant::max().us;  // one call per request; on_alarm re-arms
      bcsc::on_alarm();
    }
  }

 private:
  volatile std::uint64_t ticks_ = 0;
  volatile std::uint64_t alarm_us_ = std::numeric_limits<std::uint64_t>::max();
  volatile std::uint64_t last_now_us_ = 0;  // now() is monotonic: never below this
  std::uint32_t us_per_tick_ = 1'000'000u / default_tick_hz;
  std::uint32_t cycles_per_us_ = default_cpu_hz / 1'000'000u;
  std::uint32_t reload_ = default_cpu_hz / default_tick_hz - 1;
  tick_hook tick_hook_ = nullptr;
};

// ----------------------------------------------------------- WFI idle hook ---
class wfi_idle_hook final : public idle_hook {
 public:
  constexpr wfi_idle_hook() noexcept = default;

  // Returns at once if notify() ran since the last wait(); otherwise sleeps
  // in WFI. The flag is tested and cleared with interrupts masked, and WFI
  // wakes on an interrupt that is pending while masked, so a notify() from
  // an interrupt can never slip between the test and the sleep. The pending
  // handler runs right after the mask is restored, before wait() returns.
  void wait() noexcept override {
    const std::uint32_t primask = mask_interrupts();
    if (!notified_.load(std::memory_order_relaxed)) {
      ++sleeps_;
      wait_for_interrupt();
    }
    notified_.store(false, std::memory_order_relaxed);
    restore_interrupts(primask);
  }

  void notify() noexcept override { notified_.store(true, std::memory_order_release); }

  // How many times wait() actually executed WFI (for tests and profiling).
  std::uint32_t sleeps() const noexcept { return sleeps_; }

 private:
  std::atomic<bool> notified_{false};
  volatile std::uint32_t sleeps_ = 0;
};

// --------------------------------------------------------- the port's state ---
// One SysTick exists per core, so the driver and hook are single objects
// with constant initialisation (no constructor runs, no guard variable).
inline systick_driver systick{};
inline wfi_idle_hook wfi_idle{};

// Install the SysTick driver and the WFI idle hook, then start ticking.
// Call once at start-up, before any sleep future is created.
inline void start(std::uint32_t cpu_hz = default_cpu_hz, std::uint32_t tick_hz = default_tick_hz) noexcept {
  set_clock_driver(&systick);
  set_default_idle_hook(&wfi_idle);
  systick.start(cpu_hz, tick_hz);
}

}  // namespace bcsc::port::cortex_m3

// Exception 15 of the vector table in runtime/port/cortex-m3/startup.cpp.
// `used` makes every including translation unit emit it (as a mergeable
// inline definition), so the vector table's weak reference resolves here.
extern "C" inline __attribute__((used)) void SysTick_Handler() {
  bcsc::port::cortex_m3::systick.on_tick();
}
