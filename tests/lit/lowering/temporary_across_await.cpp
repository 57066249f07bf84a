// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A temporary created before a co_await in the same full-expression lives
// until the end of that full-expression, i.e. across the suspend point: it
// is a frame slot, destroyed after the call, and destroyed on cancellation.
#include "harness.hpp"

static int use(const Tracer& t, int v) {
  std::printf("  use T%d with %d\n", t.id, v);
  return t.id + v;
}

// CHECK-LABEL: struct bcsc_frame_temp {
// CHECK: bcsc::detail::slot<const Tracer> tmp_{{[0-9]+}}; // temporary
// CHECK: void bcsc_destroy() noexcept {
// CHECK: case 1:
// CHECK-NEXT: future_{{[0-9]+}}.destroy();
// CHECK-NEXT: tmp_{{[0-9]+}}.destroy();
[[bcsc::async]] bcsc::task<int> temp() {
  int r = use(Tracer(1), co_await tick(10));
  std::printf("  after first\n");
  r += use(Tracer(2), co_await tick(20));
  r += use(Tracer(3), 0);
  co_return r;
}

int main() {
  // OUT: +T1
  // OUT-NEXT: use T1 with 10
  // OUT-NEXT: -T1
  // OUT-NEXT: after first
  // OUT-NEXT: +T2
  // OUT-NEXT: use T2 with 20
  // OUT-NEXT: -T2
  // OUT-NEXT: +T3
  // OUT-NEXT: use T3 with 0
  // OUT-NEXT: -T3
  // OUT-NEXT: temp() = 36
  std::printf("temp() = %d\n", bcsc::block_on(temp()));
  // OUT: cancel after 1:
  // OUT-NEXT: +T1
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T1
  cancel_at_every_point([] { return temp(); }, 3);
}
