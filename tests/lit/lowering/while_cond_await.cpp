// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await in the condition of a while loop: the condition's suspend point is
// re-entered on every evaluation, including the final false one.
#include "harness.hpp"

struct counter {
  int n = 0;
};

[[bcsc::async]] bcsc::task<int> next(counter& c) {
  co_await pause(1);
  co_return c.n++;
}

// CHECK-LABEL: struct bcsc_frame_loop {
// The condition is re-evaluated (and re-awaited) at the top of every round.
// CHECK: for (;;) {
// CHECK: bcsc_resume_1:
// CHECK: if (!(
// CHECK: break;
// The awaited frame of next() is stored inline in loop's frame.
// CHECK: bcsc::detail::slot<decltype(next(c))>
// CHECK: bcsc_frame_loop loop(counter &c)
[[bcsc::async]] bcsc::task<int> loop(counter& c) {
  int seen = 0;
  while (co_await next(c) < 4) {
    std::printf("seen %d\n", c.n);
    ++seen;
  }
  co_return seen;
}

int main() {
  counter c;
  // OUT: seen 1
  // OUT-NEXT: seen 2
  // OUT-NEXT: seen 3
  // OUT-NEXT: seen 4
  // OUT-NEXT: loop = 4, c.n = 5
  int r = bcsc::block_on(loop(c));
  std::printf("loop = %d, c.n = %d\n", r, c.n);
  // OUT: cancel after 3:
  // OUT-NEXT: seen 1
  // OUT-NEXT: seen 2
  // OUT-NEXT: cancelling after 3 polls
  cancel_at_every_point([] {
    static counter c2;
    c2.n = 0;
    return loop(c2);
  }, 4);
}
