// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Nested scopes with Tracers alive across suspend points: each scope's
// objects are destroyed at its closing brace, and on cancellation exactly
// the live ones are destroyed, innermost first.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_nest {
// CHECK: bcsc::detail::slot<Tracer> a_{{[0-9]+}}; // local a
// CHECK: bcsc::detail::slot<Tracer> b_{{[0-9]+}}; // local b
// CHECK: bcsc::detail::slot<Tracer> c_{{[0-9]+}}; // local c
// CHECK: bcsc::detail::slot<Tracer> d_{{[0-9]+}}; // local d
// In state 3 (inside the innermost scope) c, b and a are alive; d is not yet.
// CHECK: void bcsc_destroy() noexcept {
// CHECK: case 3:
// CHECK-NEXT: future_{{[0-9]+}}.destroy();
// CHECK-NEXT: c_{{[0-9]+}}.destroy();
// CHECK-NEXT: b_{{[0-9]+}}.destroy();
// CHECK-NEXT: a_{{[0-9]+}}.destroy();
// CHECK-NEXT: break;
[[bcsc::async]] bcsc::task<void> nest() {
  Tracer a(1);
  co_await pause(1);
  {
    Tracer b(2);
    co_await pause(1);
    {
      Tracer c(3);
      co_await pause(1);
    }
    Tracer d(4);
    co_await pause(1);
  }
  co_await pause(1);
  co_return;  // flowing off the end is tested in void_flow_off_end.cpp
}

int main() {
  // OUT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: +T3
  // OUT-NEXT: -T3
  // OUT-NEXT: +T4
  // OUT-NEXT: -T4
  // OUT-NEXT: -T2
  // OUT-NEXT: -T1
  // OUT-NEXT: done
  bcsc::block_on(nest());
  std::printf("done\n");
  // OUT: cancel after 3:
  // OUT-NEXT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: +T3
  // OUT-NEXT: cancelling after 3 polls
  // OUT-NEXT: -T3
  // OUT-NEXT: -T2
  // OUT-NEXT: -T1
  // OUT: cancel after 4:
  // OUT-NEXT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: +T3
  // OUT-NEXT: -T3
  // OUT-NEXT: +T4
  // OUT-NEXT: cancelling after 4 polls
  // OUT-NEXT: -T4
  // OUT-NEXT: -T2
  // OUT-NEXT: -T1
  // OUT: cancel after 6:
  // OUT: completed after 6 polls
  cancel_at_every_point([] { return nest(); }, 6);
}
