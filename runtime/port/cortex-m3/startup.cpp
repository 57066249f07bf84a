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
