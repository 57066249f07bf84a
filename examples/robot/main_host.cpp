// The robot example on a host: std::chrono::steady_clock drives the timers
// (bcsc/host: a thread plays the timer interrupt), stdout is the console.
#include <bcsc/bcsc.hpp>
#include <bcsc/host/host.hpp>

#include <cstdio>

#include "robot.hpp"

void robot::put(const char* s) { std::fputs(s, stdout); }

int main() {
  bcsc::host::install();
  int status = robot::run();
  std::fflush(stdout);
  return status;
}
