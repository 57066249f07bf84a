// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// break and continue out of a loop body whose scope holds a Tracer alive
// across a co_await: both must destroy it exactly once, in source order.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_filter {
// The loop becomes for (;;); `continue` and `break` leave the body's C++
// scopes to tails that destroy v and t, then go on to the increment or out.
// CHECK: for (;;) {
// CHECK: goto bcsc_jump_{{[0-9]+}};
// CHECK: bcsc_jump_{{[0-9]+}}:
// CHECK-NEXT: v_{{[0-9]+}}.destroy();
// CHECK-NEXT: t_{{[0-9]+}}.destroy();
// CHECK-NEXT: goto bcsc_continue_1;
// CHECK-NEXT: bcsc_continue_1:;
// CHECK: continue;
// CHECK-NEXT: bcsc_jump_{{[0-9]+}}:
// CHECK-NEXT: v_{{[0-9]+}}.destroy();
// CHECK-NEXT: t_{{[0-9]+}}.destroy();
// CHECK-NEXT: break;
// CHECK: bcsc::detail::slot<Tracer> t_{{[0-9]+}}; // local t
// CHECK: bcsc_frame_filter filter(int n)
[[bcsc::async]] bcsc::task<int> filter(int n) {
  int kept = 0;
  for (int i = 0; i < n; ++i) {
    Tracer t(i);
    int v = co_await tick(i);
    if (v % 2 == 1) continue;
    if (v == 4) break;
    Tracer u(10 + i);
    co_await pause(1);
    kept += v;
  }
  co_return kept;
}

int main() {
  // OUT: +T0
  // OUT-NEXT: +T10
  // OUT-NEXT: -T10
  // OUT-NEXT: -T0
  // OUT-NEXT: +T1
  // OUT-NEXT: -T1
  // OUT-NEXT: +T2
  // OUT-NEXT: +T12
  // OUT-NEXT: -T12
  // OUT-NEXT: -T2
  // OUT-NEXT: +T3
  // OUT-NEXT: -T3
  // OUT-NEXT: +T4
  // OUT-NEXT: -T4
  // OUT-NEXT: filter(9) = 2
  std::printf("filter(9) = %d\n", bcsc::block_on(filter(9)));
  // OUT: cancel after 2:
  // OUT-NEXT: +T0
  // OUT-NEXT: +T10
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T10
  // OUT-NEXT: -T0
  cancel_at_every_point([] { return filter(3); }, 8);
}
