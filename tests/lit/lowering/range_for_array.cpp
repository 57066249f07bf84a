// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Range-for over a local C array with co_await in the body: the array, the
// pointer to it, begin and end live in the frame.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_weigh {
// CHECK: bcsc::detail::range_begin(
// CHECK: bcsc::detail::range_end(
// CHECK-DAG: bcsc::detail::slot<int[4]> values_{{[0-9]+}}; // local values
// CHECK-DAG: bcsc::detail::slot<int (*)[4]>
// CHECK: bcsc_frame_weigh weigh()
[[bcsc::async]] bcsc::task<int> weigh() {
  int values[4] = {3, 1, 4, 1};
  int acc = 0;
  for (int v : values) {
    acc = acc * 10 + co_await tick(v, v % 3);
    std::printf("v=%d acc=%d\n", v, acc);
  }
  co_return acc;
}

int main() {
  // OUT: v=3 acc=3
  // OUT-NEXT: v=1 acc=31
  // OUT-NEXT: v=4 acc=314
  // OUT-NEXT: v=1 acc=3141
  // OUT-NEXT: weigh() = 3141
  std::printf("weigh() = %d\n", bcsc::block_on(weigh()));
  // tick(v, v % 3) is pending v % 3 times: three polls get through 3, 1, 4.
  // OUT: cancel after 3:
  // OUT-NEXT: v=3 acc=3
  // OUT-NEXT: v=1 acc=31
  // OUT-NEXT: v=4 acc=314
  // OUT-NEXT: cancelling after 3 polls
  cancel_at_every_point([] { return weigh(); }, 4);
}
