// The robot example on a Cortex-M3 (QEMU mps2-an385): the SysTick driver of
// <bcsc/port/cortex_m3.hpp> drives the timers, the executor sleeps in WFI,
// the console is ARM semihosting. No heap: the build checks the ELF for
// malloc/free/_sbrk.
#include <bcsc/bcsc.hpp>
#include <bcsc/port/cortex_m3.hpp>

#include "robot.hpp"
#include "semihosting.hpp"

namespace semihost = bcsc::port::semihost;

void robot::put(const char* s) { semihost::put(s); }

namespace {
void on_panic(const char* message) noexcept {
  semihost::put("PANIC: ");
  semihost::put(message);
  semihost::put("\n");
  semihost::exit(101);
}
}  // namespace

int main() {
  bcsc::set_panic_handler(&on_panic);
  bcsc::port::cortex_m3::start();  // SysTick at 1 kHz, WFI idle hook
  return robot::run();
}
