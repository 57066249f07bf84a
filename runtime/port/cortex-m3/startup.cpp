// Startup code for the Cortex-M3 port: the vector table, the Reset handler
// and fault handlers that report over semihosting instead of hanging.
//
// Build it into every Cortex-M3 image together with link.ld. The SysTick
// handler comes from <bcsc/port/cortex_m3.hpp>; it is referenced weakly here
// so this file links without it (SysTick is never enabled without the port).
#include <cstdint>
#include <cstdlib>

#include "semihosting.hpp"

extern "C" {
// Symbols from link.ld.
extern std::uint32_t _sidata, _sdata, _edata, __bss_start__, __bss_end__, _estack;

void __libc_init_array();
int main();

void Reset_Handler();
void NMI_Handler();
void HardFault_Handler();
void MemManage_Handler();
void BusFault_Handler();
void UsageFault_Handler();
void Unexpected_Handler();
void SysTick_Handler() __attribute__((weak));

// crti/crtn are not linked (-nostartfiles), but __libc_init_array calls _init.
void _init() {}
void _fini() {}
}

namespace {

using handler = void (*)();

// Exception numbers 0..15 of ARMv7-M. The board's external IRQs are unused,
// so the table stops at SysTick.
__attribute__((section(".isr_vector"), used)) const handler vector_table[16] = {
    reinterpret_cast<handler>(&_estack),  // 0: initial main stack pointer
    Reset_Handler,                        // 1
    NMI_Handler,                          // 2
    HardFault_Handler,                    // 3
    MemManage_Handler,                    // 4
    BusFault_Handler,                     // 5
    UsageFault_Handler,                   // 6
    nullptr, nullptr, nullptr, nullptr,   // 7-10: reserved
    Unexpected_Handler,                   // 11: SVCall
    Unexpected_Handler,                   // 12: DebugMonitor
    nullptr,                              // 13: reserved
    Unexpected_Handler,                   // 14: PendSV
    SysTick_Handler,                      // 15: SysTick
};

// Exit statuses for faults: distinct from the small numbers tests use.
constexpr int fault_exit_status = 100;

[[noreturn]] void report_fault(const char* name) {
  bcsc::port::semihost::put("FAULT: ");
  bcsc::port::semihost::put(name);
  bcsc::port::semihost::put("\n");
  bcsc::port::semihost::exit(fault_exit_status);
}

}  // namespace

extern "C" {

void Reset_Handler() {
  // .data has its initial values in flash; .bss must start at zero.
  std::uint32_t* src = &_sidata;
  for (std::uint32_t* dst = &_sdata; dst < &_edata;) *dst++ = *src++;
  for (std::uint32_t* dst = &__bss_start__; dst < &__bss_end__;) *dst++ = 0;
  __libc_init_array();  // static constructors
  // Our own exit, not newlib's: newlib's exit() flushes stdio, and linking
  // stdio drags in malloc.
  bcsc::port::semihost::exit(main());
}

void NMI_Handler() { report_fault("NMI"); }
void HardFault_Handler() { report_fault("HardFault"); }
void MemManage_Handler() { report_fault("MemManage"); }
void BusFault_Handler() { report_fault("BusFault"); }
void UsageFault_Handler() { report_fault("UsageFault"); }
void Unexpected_Handler() { report_fault("unexpected exception"); }
}

// ---------------------------------------------------------------------------
// C++ ABI support without the heap.
//
// libstdc++'s versions of these functions are written for hosted systems:
// its guard functions throw on recursive initialisation (which links the
// exception runtime, and __cxa_allocate_exception calls malloc), and
// newlib's __cxa_atexit can grow its table with malloc. A bare-metal image
// that never returns from main needs neither, so the port defines small
// replacements; object files win over the archive members at link time.
extern "C" {

// Static objects with destructors register them against __dso_handle
// (normally defined by crtbegin.o, which -nostartfiles leaves out).
void* __dso_handle = nullptr;

// Destructors of static objects would run at exit; the program ends with a
// semihosting exit (or never), so registering them is pointless.
int __cxa_atexit(void (*)(void*), void*, void*) { return 0; }
int __aeabi_atexit(void*, void (*)(void*), void*) { return 0; }

// Function-local statics. The ARM EABI guard is a 32-bit word whose lowest
// bit means "initialised"; we use bit 8 for "initialisation in progress".
// There is one core, so masking interrupts makes the check-and-mark atomic
// against an interrupt handler; re-entering an initialisation (from a
// handler, or recursively) is a bug and reported as a fault.
namespace {
constexpr std::uint32_t guard_done = 1u;
constexpr std::uint32_t guard_busy = 1u << 8;
std::uint32_t mask_irq() {
  std::uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask) : : "memory");
  return primask;
}
void restore_irq(std::uint32_t primask) { __asm__ volatile("msr primask, %0" : : "r"(primask) : "memory"); }
}  // namespace

int __cxa_guard_acquire(std::uint32_t* guard) {
  const std::uint32_t primask = mask_irq();
  const std::uint32_t state = *guard;
  if (!(state & guard_done) && !(state & guard_busy)) *guard = state | guard_busy;
  restore_irq(primask);
  if (state & guard_done) return 0;
  if (state & guard_busy) report_fault("recursive initialisation of a static");
  return 1;
}
void __cxa_guard_release(std::uint32_t* guard) { *guard = guard_done; }
void __cxa_guard_abort(std::uint32_t* guard) { *guard = 0; }

// A pure virtual call (through a half-built or destroyed object).
void __cxa_pure_virtual() { report_fault("pure virtual call"); }
}
