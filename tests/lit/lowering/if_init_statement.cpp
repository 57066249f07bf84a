// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// An if with an init-statement whose variable lives across a co_await in the
// branch, and a condition variable that does not.
#include "harness.hpp"

// `t` is alive across the await in the branch: it is a frame slot.
// CHECK-LABEL: struct bcsc_frame_run {
// CHECK: bcsc::detail::slot<Tracer> t_{{[0-9]+}}; // local t
// CHECK-NOT: // local n
// CHECK: void bcsc_destroy() noexcept {
[[bcsc::async]] bcsc::task<int> run(int k) {
  int sum = 0;
  if (Tracer t(k); t.id > 1) {
    sum += co_await tick(t.id);
    std::printf("after await, t%d alive\n", t.id);
  } else {
    std::printf("small\n");
  }
  if (int n = k * 2) {
    sum += n;
  }
  co_return sum;
}

int main() {
  // OUT: +T3
  // OUT-NEXT: after await, t3 alive
  // OUT-NEXT: -T3
  // OUT-NEXT: run(3) = 9
  std::printf("run(3) = %d\n", bcsc::block_on(run(3)));
  // OUT: +T1
  // OUT-NEXT: small
  // OUT-NEXT: -T1
  // OUT-NEXT: run(1) = 2
  std::printf("run(1) = %d\n", bcsc::block_on(run(1)));
  // OUT: cancel after 1:
  // OUT-NEXT: +T5
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T5
  cancel_at_every_point([] { return run(5); }, 2);
}
