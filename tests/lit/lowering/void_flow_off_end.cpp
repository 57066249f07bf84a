// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A task<void> that flows off the end of its body (implicit co_return;)
// destroys its live locals first.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_f {
// CHECK: bcsc_return_0:
// CHECK-NEXT: a_{{[0-9]+}}.destroy();
// CHECK-NEXT: goto bcsc_complete;
// CHECK: bcsc_state = {{[0-9]+}};
// CHECK-NEXT: return bcsc::ready();
[[bcsc::async]] bcsc::task<void> f() {
  Tracer a(1);
  co_await pause(1);
}

int main() {
  // OUT: +T1
  // OUT-NEXT: -T1
  // OUT-NEXT: done
  bcsc::block_on(f());
  std::printf("done\n");
}
