// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Ordinary (non-async) lambdas inside an async body capturing frame
// variables by [&]: the lambdas themselves do not live across a suspend
// point (a closure object cannot be named in the frame; see
// errors/lambda_across_await.cpp), but what they capture does, and writes
// through the captures reach the frame.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_lambdas {
// CHECK: bcsc::detail::slot<int> total_{{[0-9]+}}; // local total
// CHECK: bcsc::detail::slot<Tracer> t_{{[0-9]+}}; // local t
// CHECK: bcsc_frame_lambdas lambdas(int n)
[[bcsc::async]] bcsc::task<int> lambdas(int n) {
  int total = 0;
  Tracer t(1);
  [&](int v) {
    total += v * n;
    std::printf("  add %d (t%d) -> %d\n", v, t.id, total);
  }(1);
  co_await pause(1);
  int got = co_await tick(2);
  [&] { total += got * n; }();
  for (int i = 0; i < 2; ++i) {
    co_await pause(1);
    auto add_i = [&] { total += i; };
    add_i();
  }
  {
    auto show = [&](const char* what) { std::printf("  %s: total=%d t%d\n", what, total, t.id); };
    show("end");
  }
  co_return total;
}

int main() {
  // OUT: +T1
  // OUT-NEXT: add 1 (t1) -> 10
  // OUT-NEXT: end: total=31 t1
  // OUT-NEXT: -T1
  // OUT-NEXT: lambdas(10) = 31
  std::printf("lambdas(10) = %d\n", bcsc::block_on(lambdas(10)));
  // OUT: cancel after 2:
  // OUT-NEXT: +T1
  // OUT-NEXT: add 1 (t1) -> 2
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T1
  cancel_at_every_point([] { return lambdas(2); }, 5);
}
