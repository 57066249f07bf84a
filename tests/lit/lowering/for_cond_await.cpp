// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await in the condition and in the increment of a for loop, and in the
// init-statement.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_count {
// CHECK: goto bcsc_resume_1;
// CHECK: goto bcsc_resume_2;
// CHECK: goto bcsc_resume_3;
// CHECK: goto bcsc_resume_4;
// CHECK: bcsc::detail::slot<int> i_{{[0-9]+}}; // local i
// CHECK: bcsc_frame_count count(int limit)
[[bcsc::async]] bcsc::task<int> count(int limit) {
  int iterations = 0;
  for (int i = co_await tick(0); i < co_await tick(limit); i += co_await tick(2, 2)) {
    std::printf("body i=%d\n", i);
    ++iterations;
    co_await pause(1);
  }
  co_return iterations;
}

int main() {
  // OUT: body i=0
  // OUT-NEXT: body i=2
  // OUT-NEXT: body i=4
  // OUT-NEXT: count(5) = 3
  std::printf("count(5) = %d\n", bcsc::block_on(count(5)));
  // OUT: count(0) = 0
  std::printf("count(0) = %d\n", bcsc::block_on(count(0)));
  // OUT: cancel after 4:
  // OUT-NEXT: body i=0
  // OUT-NEXT: cancelling after 4 polls
  cancel_at_every_point([] { return count(3); }, 12);
}
