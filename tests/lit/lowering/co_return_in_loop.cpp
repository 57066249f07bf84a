// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_return from inside nested loops: every live Tracer of every enclosing
// scope is destroyed (innermost first) after the value is computed.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_find {
// CHECK: bcsc::poll_result<int> bcsc_value(
// CHECK: return bcsc_value;
// CHECK: bcsc_frame_find find(int target)
[[bcsc::async]] bcsc::task<int> find(int target) {
  Tracer outer(0);
  for (int i = 1; i <= 3; ++i) {
    Tracer row(i);
    for (int j = 1; j <= 3; ++j) {
      Tracer cell(i * 10 + j);
      int v = co_await tick(i * j);
      if (v == target) co_return cell.id;
    }
  }
  co_return -1;
}

int main() {
  // OUT: +T0
  // OUT-NEXT: +T1
  // OUT-NEXT: +T11
  // OUT-NEXT: -T11
  // OUT-NEXT: +T12
  // OUT-NEXT: -T12
  // OUT-NEXT: +T13
  // OUT-NEXT: -T13
  // OUT-NEXT: -T1
  // OUT-NEXT: +T2
  // OUT-NEXT: +T21
  // OUT-NEXT: -T21
  // OUT-NEXT: +T22
  // OUT-NEXT: -T22
  // OUT-NEXT: -T2
  // OUT-NEXT: -T0
  // OUT-NEXT: find(4) = 22
  std::printf("find(4) = %d\n", bcsc::block_on(find(4)));
  // OUT: find(7) = -1
  std::printf("find(7) = %d\n", bcsc::block_on(find(7)));
  // OUT: cancel after 2:
  // OUT-NEXT: +T0
  // OUT-NEXT: +T1
  // OUT-NEXT: +T11
  // OUT-NEXT: -T11
  // OUT-NEXT: +T12
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T12
  // OUT-NEXT: -T1
  // OUT-NEXT: -T0
  cancel_at_every_point([] { return find(2); }, 3);
}
