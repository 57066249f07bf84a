// RUN: not %bcsc check %s -- %flags 2>&1 | FileCheck %s --check-prefix=ERR --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %bcsc check %s --bcsc-hostile-raii=warning --bcsc-temporary-argument=warning -- %flags 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %bcsc check %s --bcsc-hostile-raii=off --bcsc-temporary-argument=off -- %flags 2>&1 | FileCheck %s --check-prefix=OFF --allow-empty --implicit-check-not=error: --implicit-check-not=warning:
// Every category is an error by default and can be turned down to a
// warning (exit status 0) or off.
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<int> length(const std::string& s) {
  co_await pause(1);
  co_return static_cast<int>(s.size());
}

[[bcsc::async]] bcsc::task<int> locked() {
  // ERR: [[@LINE+2]]:31: error: 'g' (std::lock_guard<std::mutex>) is held across a suspend point
  // WARN: [[@LINE+1]]:31: warning: 'g' (std::lock_guard<std::mutex>) is held across a suspend point
  std::lock_guard<std::mutex> g(mu);
  co_await pause(1);
  // ERR: [[@LINE+2]]:21: error: temporary bound to parameter 's' of 'length'
  // WARN: [[@LINE+1]]:21: warning: temporary bound to parameter 's' of 'length'
  auto fut = length(std::string("x"));
  co_return co_await fut;
}
// OFF-NOT: {{error|warning}}

int main() {}
