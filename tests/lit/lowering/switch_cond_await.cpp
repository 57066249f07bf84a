// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// The switch condition itself is a co_await (its future is destroyed before
// the switch body runs, like an if condition); cases then await again.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_route {
// CHECK: bcsc_resume_1:
// CHECK: switch (
// CHECK: bcsc_resume_2:
// CHECK: bcsc_frame_route route(int x)
[[bcsc::async]] bcsc::task<int> route(int x) {
  switch (co_await tick(x % 3, 2)) {
    case 0:
      co_return co_await tick(x * 10);
    case 1:
      co_return -x;
    default:
      break;
  }
  co_return 0;
}

int main() {
  // OUT: route(3) = 30
  // OUT-NEXT: route(4) = -4
  // OUT-NEXT: route(5) = 0
  for (int x : {3, 4, 5}) std::printf("route(%d) = %d\n", x, bcsc::block_on(route(x)));
  // OUT: cancel after 3:
  // OUT-NEXT: cancelling after 3 polls
  // OUT: cancel after 4:
  // OUT-NEXT: completed after 4 polls
  cancel_at_every_point([] { return route(6); }, 4);
}
