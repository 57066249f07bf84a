// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Short-circuit &&: the right operand's co_await (and its future's
// construction) happens only when the left operand is true.
#include "harness.hpp"

static delayed<int> loud(int v) {
  std::printf("  await %d\n", v);
  return tick(v);
}

// CHECK-LABEL: struct bcsc_frame_both {
// CHECK: goto bcsc_resume_1;
// CHECK: goto bcsc_resume_2;
// CHECK: bcsc_frame_both both(int a, int b)
[[bcsc::async]] bcsc::task<bool> both(int a, int b) {
  bool r = co_await loud(a) > 0 && co_await loud(b) > 0;
  co_return r;
}

int main() {
  // OUT: await 1
  // OUT-NEXT: await 2
  // OUT-NEXT: both(1, 2) = 1
  std::printf("both(1, 2) = %d\n", bcsc::block_on(both(1, 2)));
  // OUT: await 0
  // OUT-NEXT: both(0, 2) = 0
  std::printf("both(0, 2) = %d\n", bcsc::block_on(both(0, 2)));
  // OUT: await 3
  // OUT-NEXT: await -1
  // OUT-NEXT: both(3, -1) = 0
  std::printf("both(3, -1) = %d\n", bcsc::block_on(both(3, -1)));
  // OUT: cancel after 2:
  // OUT-NEXT: await 5
  // OUT-NEXT: await 6
  // OUT-NEXT: cancelling after 2 polls
  cancel_at_every_point([] { return both(5, 6); }, 3);
}
