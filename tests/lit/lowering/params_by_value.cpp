// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Parameters by value are frame members: an int modified across awaits, and
// a Tracer moved in once and destroyed with the frame (after the locals),
// also on cancellation.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_byval {
// CHECK: int n;
// CHECK-NEXT: Tracer t;
// CHECK: bcsc_frame_byval byval(int n, Tracer t)
[[bcsc::async]] bcsc::task<int> byval(int n, Tracer t) {
  Tracer local(n);
  while (n > 0) {
    co_await pause(1);
    --n;
  }
  co_return t.id + local.id;
}

int main() {
  {
    // Built and polled in place: no frame move.
    // OUT: +T7
    // OUT-NEXT: move T7
    // OUT-NEXT: -T7
    // OUT-NEXT: +T2
    // OUT-NEXT: -T2
    // OUT-NEXT: byval = 9
    auto f = byval(2, Tracer(7));
    std::printf("byval = %d\n", bcsc::block_on(f));
    // OUT-NEXT: -T7
  }
  // OUT: cancel after 1:
  // OUT-NEXT: +T8
  // OUT-NEXT: move T8
  // OUT-NEXT: -T8
  // OUT-NEXT: +T3
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T3
  // OUT-NEXT: -T8
  cancel_at_every_point([] { return byval(3, Tracer(8)); }, 4);
}
