// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Short-circuit ||, and a chain mixing && and ||, with co_await in every
// operand and a Tracer temporary in the skipped operand.
#include "harness.hpp"

static delayed<int> loud(int v) {
  std::printf("  await %d\n", v);
  return tick(v);
}
static bool positive(const Tracer& t, int v) { return t.id > 0 && v > 0; }

// CHECK-LABEL: struct bcsc_frame_any {
// CHECK: bcsc_frame_any any(int a, int b, int c)
[[bcsc::async]] bcsc::task<int> any(int a, int b, int c) {
  if (co_await loud(a) > 0 || co_await loud(b) > 0) std::printf("  first or\n");
  bool r = (co_await loud(a) > 0 && co_await loud(b) > 0) || positive(Tracer(c), co_await loud(c));
  co_return r ? 1 : 0;
}

int main() {
  // OUT: await 1
  // OUT-NEXT: first or
  // OUT-NEXT: await 1
  // OUT-NEXT: await 2
  // OUT-NEXT: any(1, 2, 3) = 1
  std::printf("any(1, 2, 3) = %d\n", bcsc::block_on(any(1, 2, 3)));
  // OUT: await 0
  // OUT-NEXT: await 0
  // OUT-NEXT: await 0
  // OUT-NEXT: +T7
  // OUT-NEXT: await 7
  // OUT-NEXT: -T7
  // OUT-NEXT: any(0, 0, 7) = 1
  std::printf("any(0, 0, 7) = %d\n", bcsc::block_on(any(0, 0, 7)));
  // The Tracer temporary is alive across the last suspend point.
  // OUT: cancel after 4:
  // OUT-NEXT: await 0
  // OUT-NEXT: await -1
  // OUT-NEXT: await 0
  // OUT-NEXT: +T-2
  // OUT-NEXT: await -2
  // OUT-NEXT: cancelling after 4 polls
  // OUT-NEXT: -T-2
  cancel_at_every_point([] { return any(0, -1, -2); }, 5);
}
