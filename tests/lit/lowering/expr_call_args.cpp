// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await in function arguments: a plain argument evaluated before the
// await is spilled to the frame, the awaited values are used in place.
#include "harness.hpp"

static int combine(int a, int b, int c) { return a * 100 + b * 10 + c; }

// `base + 1` is computed before the first suspend and kept in a temporary.
// CHECK-LABEL: struct bcsc_frame_call {
// CHECK: bcsc::detail::slot<int> tmp_{{[0-9]+}}; // temporary
// CHECK: bcsc_frame_call call(int base)
[[bcsc::async]] bcsc::task<int> call(int base) {
  int r = combine(base + 1, co_await tick(2), co_await tick(3, 2));
  co_return r + combine(co_await tick(base), 0, 0);
}

int main() {
  // combine(2, 2, 3) + combine(1, 0, 0)
  // OUT: call(1) = 323
  std::printf("call(1) = %d\n", bcsc::block_on(call(1)));
  // OUT: cancel after 2:
  // OUT-NEXT: cancelling after 2 polls
  // Ready on polls 2, 4 and 5.
  // OUT: cancel after 4:
  // OUT-NEXT: cancelling after 4 polls
  // OUT: cancel after 5:
  // OUT-NEXT: completed after 5 polls
  cancel_at_every_point([] { return call(4); }, 5);
}
