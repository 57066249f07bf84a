// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await in function arguments: a plain argument evaluated before the
// await is spilled to the frame, the awaited values are used in place.
// XFAIL: *
// BUG: a co_await result that must be kept across a later co_await of the same expression is typed `bcsc::detail::future_awaiter<F>::T` (fallback-only class): lowered file does not compile (see await_result_spill.cpp)
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
  // OUT: call(1) = 223
  std::printf("call(1) = %d\n", bcsc::block_on(call(1)));
  // OUT: cancel after 2:
  // OUT-NEXT: cancelling after 2 polls
  // OUT: cancel after 6:
  // OUT-NEXT: completed after 6 polls
  cancel_at_every_point([] { return call(4); }, 6);
}
