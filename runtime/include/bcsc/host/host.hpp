// Everything a hosted program needs on top of <bcsc/bcsc.hpp>:
//   thread_parker (default idle hook, installed on inclusion),
//   steady_clock_driver, print_panic, and install() to set them all up:
//
//   #include <bcsc/bcsc.hpp>
//   #include <bcsc/host/host.hpp>
//   int main() { bcsc::host::install(); return bcsc::block_on(app()); }
#pragma once

#include "../bcsc.hpp"
#include "clock.hpp"
#include "idle.hpp"
#include "panic.hpp"

namespace bcsc {
namespace host {

// Installs the printing panic handler, the thread parker as default idle
// hook and a process-wide steady_clock driver.
inline void install() {
  set_panic_handler(&print_panic);
  set_default_idle_hook(&thread_parker::instance());
  steady_clock_driver::install();
}

}  // namespace host
}  // namespace bcsc
