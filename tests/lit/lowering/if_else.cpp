// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await in both branches of an if/else; a Tracer in each branch lives
// across its branch's suspend point, and the two branches share storage.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_pick {
// CHECK: case 1:
// CHECK-NEXT: goto bcsc_resume_1;
// CHECK: case 2:
// CHECK-NEXT: goto bcsc_resume_2;
// The then-branch and else-branch objects overlap: one union, a struct each.
// CHECK: int x;
// CHECK-NEXT: struct {
// CHECK-NEXT: bcsc::detail::slot<int> r_{{[0-9]+}}; // local r
// CHECK-NEXT: union {
// CHECK-NEXT: struct {
// CHECK-NEXT: bcsc::detail::slot<Tracer> a_{{[0-9]+}}; // local a
// CHECK: } s{{[0-9]+}};
// CHECK-NEXT: struct {
// CHECK-NEXT: bcsc::detail::slot<Tracer> b_{{[0-9]+}}; // local b
// CHECK: } s{{[0-9]+}};
// CHECK-NEXT: } u0;
// Cancelled in state 2: the else-branch future, then b, then r.
// CHECK: void bcsc_destroy() noexcept {
// CHECK: case 2:
// CHECK-NEXT: future_{{[0-9]+}}.destroy();
// CHECK-NEXT: b_{{[0-9]+}}.destroy();
// CHECK-NEXT: r_{{[0-9]+}}.destroy();
// CHECK: bcsc_frame_pick pick(int x)
[[bcsc::async]] bcsc::task<int> pick(int x) {
  int r = 0;
  if (x > 0) {
    Tracer a(1);
    r = co_await tick(x, 1);
    std::printf("then %d\n", a.id);
  } else {
    Tracer b(2);
    r = co_await tick(-x, 2) * 10;
    std::printf("else %d\n", b.id);
  }
  co_return r;
}

int main() {
  // OUT: +T1
  // OUT-NEXT: then 1
  // OUT-NEXT: -T1
  // OUT-NEXT: pick(5) = 5
  std::printf("pick(5) = %d\n", bcsc::block_on(pick(5)));
  // OUT: +T2
  // OUT-NEXT: else 2
  // OUT-NEXT: -T2
  // OUT-NEXT: pick(-3) = 30
  std::printf("pick(-3) = %d\n", bcsc::block_on(pick(-3)));
  // OUT: cancel after 1:
  // OUT-NEXT: +T2
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T2
  // OUT: cancel after 3:
  // OUT-NEXT: +T2
  // OUT-NEXT: else 2
  // OUT-NEXT: -T2
  // OUT-NEXT: completed after 3 polls
  cancel_at_every_point([] { return pick(-1); }, 3);
}
