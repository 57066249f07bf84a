// RUN: %bcsc dump-ir %s -- %flags | FileCheck %s
// Rule: `bcsc dump-ir` prints the IR the analysis built, one line per frame
// object, suspend point and statement, so tests can check structure (what
// lives in the frame, what is alive where, who cleans up what) without
// naming generated spellings.
#include "harness.hpp"

// CHECK-LABEL: async counted -> int
// CHECK-SAME: @[[@LINE+1]]
[[bcsc::async]] bcsc::task<int> counted(int n) {
  // CHECK: param n: int
  // CHECK: object #[[T:[0-9]+]] local t: Tracer  @[[@LINE+1]]
  Tracer t(1);
  int sum = 0;
  // CHECK: object #[[F:[0-9]+]] future `co_await tick(i)`: delayed<int>  @[[AWAIT:[0-9]+]]
  for (int i = 0; i < n; ++i) {
    sum += co_await tick(i);
    if (sum > 10) break;
  }
  co_return sum;
}
// The loop's future is alive only while suspended on it; the Tracer throughout.
// CHECK: state 1  @[[AWAIT]] `co_await tick(i)`: future #[[F]], result #{{[0-9]+}}, alive #[[T]] {{.*}}#[[F]]
// CHECK: body:
// CHECK-NEXT: block owns #[[T]]
// CHECK: loop 1
// CHECK: body:
// CHECK: suspend state 1
// CHECK: if `{{.*}} > 10`  @
// CHECK: break cleanup none
// CHECK: return cleanup {{.*}}#[[T]]

// CHECK-LABEL: async plain -> void
// CHECK-NOT: local
// CHECK: state 1  @{{[0-9]+}} `co_await pause(1)`: future #0, alive #0
[[bcsc::async]] bcsc::task<void> plain() { co_await pause(1); }

int main() { return bcsc::block_on(counted(3)) + (bcsc::block_on(plain()), 0); }
