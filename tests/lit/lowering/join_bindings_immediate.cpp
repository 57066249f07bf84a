// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Structured bindings of join's result used only before the next suspend
// point: the bindings are plain locals of poll(), the join is in the frame.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> worker(int id) {
  Tracer t(id);
  co_await pause(id);
  co_return id * 10;
}

// CHECK-LABEL: struct bcsc_frame_both {
// CHECK: auto [a, b, nothing] =
// CHECK: bcsc::detail::slot<decltype(bcsc::join(
// CHECK: bcsc_frame_both both()
[[bcsc::async]] bcsc::task<int> both() {
  int sum = 0;
  {
    auto [a, b, nothing] = co_await bcsc::join(worker(1), worker(2), pause(1));
    (void)nothing;
    sum = a + b;
  }
  co_await pause(1);
  co_return sum;
}

int main() {
  // OUT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: -T1
  // OUT-NEXT: -T2
  // OUT-NEXT: both() = 30
  std::printf("both() = %d\n", bcsc::block_on(both()));
  // OUT: cancel after 1:
  // OUT-NEXT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: cancelling after 1 polls
  cancel_at_every_point([] { return both(); }, 4);
}
