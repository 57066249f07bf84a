// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A for loop with co_await in the body: the loop counter lives in the frame,
// one suspend point is re-entered on every iteration.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_sum_to {
// CHECK: case 1:
// CHECK-NEXT: goto bcsc_resume_1;
// CHECK-NOT: case 2:
// CHECK: for (
// CHECK: bcsc_resume_1:
// CHECK: bcsc::detail::slot<int> total_{{[0-9]+}}; // local total
// CHECK: bcsc::detail::slot<int> i_{{[0-9]+}}; // local i
// CHECK: bcsc_frame_sum_to sum_to(int n)
[[bcsc::async]] bcsc::task<int> sum_to(int n) {
  int total = 0;
  for (int i = 1; i <= n; ++i) {
    int sq = i * i;
    total += co_await tick(sq, i % 2);
    std::printf("i=%d total=%d\n", i, total);
  }
  co_return total;
}

int main() {
  // OUT: i=1 total=1
  // OUT-NEXT: i=2 total=5
  // OUT-NEXT: i=3 total=14
  // OUT-NEXT: i=4 total=30
  // OUT-NEXT: sum_to(4) = 30
  std::printf("sum_to(4) = %d\n", bcsc::block_on(sum_to(4)));
  // OUT: sum_to(0) = 0
  std::printf("sum_to(0) = %d\n", bcsc::block_on(sum_to(0)));
  // OUT: cancel after 2:
  // OUT-NEXT: i=1 total=1
  // OUT-NEXT: i=2 total=5
  // OUT-NEXT: cancelling after 2 polls
  cancel_at_every_point([] { return sum_to(3); }, 3);
}
