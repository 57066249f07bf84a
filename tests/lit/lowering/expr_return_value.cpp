// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await in the operand of co_return: directly, inside a call, and with a
// Tracer local that must be destroyed after the value is computed.
#include "harness.hpp"

static int twice(int v) { return 2 * v; }

// CHECK-LABEL: struct bcsc_frame_direct {
// CHECK: bcsc::poll_result<int> bcsc_value(
// CHECK: bcsc_frame_direct direct(int v)
[[bcsc::async]] bcsc::task<int> direct(int v) { co_return co_await tick(v); }

// CHECK-LABEL: struct bcsc_frame_wrapped {
// CHECK: bcsc_frame_wrapped wrapped(int v)
[[bcsc::async]] bcsc::task<int> wrapped(int v) {
  Tracer t(v);
  co_return twice(co_await tick(v)) + t.id;
}

// CHECK-LABEL: struct bcsc_frame_chained {
// CHECK: bcsc_frame_chained chained(int v)
[[bcsc::async]] bcsc::task<int> chained(int v) {
  co_return co_await direct(v) + co_await wrapped(v + 1);
}

int main() {
  // OUT: direct(4) = 4
  std::printf("direct(4) = %d\n", bcsc::block_on(direct(4)));
  // OUT: +T5
  // OUT-NEXT: -T5
  // OUT-NEXT: wrapped(5) = 15
  std::printf("wrapped(5) = %d\n", bcsc::block_on(wrapped(5)));
  // OUT: +T3
  // OUT-NEXT: -T3
  // OUT-NEXT: chained(2) = 11
  std::printf("chained(2) = %d\n", bcsc::block_on(chained(2)));
  // OUT: cancel after 2:
  // OUT-NEXT: +T3
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T3
  cancel_at_every_point([] { return chained(2); }, 3);
}
