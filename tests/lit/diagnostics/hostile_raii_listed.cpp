// RUN: not %bcsc check %s --hostile-raii-types=app::spin_guard,app::irq_off -- %flags 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %bcsc check %s -- %flags 2>&1 | FileCheck %s --check-prefix=DEFAULT --allow-empty --implicit-check-not=error:
// Types listed with --hostile-raii-types are treated like std::lock_guard.
#include "Inputs/diag.hpp"

namespace app {
struct spin_guard {
  spin_guard() {}
  ~spin_guard() {}
};
template <class T>
struct irq_off {
  ~irq_off() {}
};
}  // namespace app

[[bcsc::async]] bcsc::task<int> listed_guard() {
  // CHECK: [[@LINE+1]]:19: error: 'g' (app::spin_guard) is held across a suspend point
  app::spin_guard g;
  co_await pause(1);
  co_return 0;
}

[[bcsc::async]] bcsc::task<int> listed_template() {
  // CHECK: [[@LINE+1]]:21: error: 'off' (app::irq_off<int>) is held across a suspend point
  app::irq_off<int> off;
  co_await pause(1);
  co_return 0;
}
// DEFAULT-NOT: error

int main() {}
