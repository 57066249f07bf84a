// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A while loop with co_await in the body and a Tracer per iteration that is
// alive across the suspend point.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_drain {
// CHECK: for (;;) {
// CHECK: bcsc::detail::slot<Tracer> t_{{[0-9]+}}; // local t
// CHECK: void bcsc_destroy() noexcept {
// CHECK: case 1:
// CHECK-NEXT: future_{{[0-9]+}}.destroy();
// CHECK-NEXT: t_{{[0-9]+}}.destroy();
[[bcsc::async]] bcsc::task<int> drain(int n) {
  int got = 0;
  while (n > 0) {
    Tracer t(n);
    got += co_await tick(n);
    --n;
  }
  co_return got;
}

int main() {
  // OUT: +T3
  // OUT-NEXT: -T3
  // OUT-NEXT: +T2
  // OUT-NEXT: -T2
  // OUT-NEXT: +T1
  // OUT-NEXT: -T1
  // OUT-NEXT: drain(3) = 6
  std::printf("drain(3) = %d\n", bcsc::block_on(drain(3)));
  // OUT: cancel after 2:
  // OUT-NEXT: +T3
  // OUT-NEXT: -T3
  // OUT-NEXT: +T2
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T2
  cancel_at_every_point([] { return drain(3); }, 4);
}
