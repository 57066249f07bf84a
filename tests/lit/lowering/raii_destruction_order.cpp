// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Several Tracers in one scope, created between suspend points: normal exit
// and cancellation both destroy them in reverse order of construction; a
// parameter Tracer is destroyed after the locals.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_many {
// CHECK: Tracer p;
// CHECK: void bcsc_destroy() noexcept {
// CHECK: case 2:
// CHECK-NEXT: future_{{[0-9]+}}.destroy();
// CHECK-NEXT: y_{{[0-9]+}}.destroy();
// CHECK-NEXT: x_{{[0-9]+}}.destroy();
// CHECK-NEXT: break;
[[bcsc::async]] bcsc::task<int> many(Tracer p) {
  Tracer x(1);
  co_await pause(1);
  Tracer y(2);
  co_await pause(1);
  Tracer z(3);
  co_await pause(1);
  co_return p.id + x.id + y.id + z.id;
}

int main() {
  // OUT: +T10
  // OUT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: +T3
  // OUT-NEXT: -T3
  // OUT-NEXT: -T2
  // OUT-NEXT: -T1
  // OUT-NEXT: many = 16
  // Run the frame in place (moving an unstarted frame moves its parameters;
  // see param_moved_with_frame.cpp).
  auto f = many(Tracer(10));
  std::printf("many = %d\n", bcsc::block_on(f));
  // OUT: cancel after 2:
  // OUT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T2
  // OUT-NEXT: -T1
  // OUT-NEXT: -T20
  cancel_at_every_point([] { return many(Tracer(20)); }, 4);
  // OUT: cancel after 4:
  // OUT: completed after 4 polls
  // OUT-NEXT: -T20
  // f's parameter goes last, with f.
  // OUT-NEXT: -T10
}
