// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// do-while with co_await in the body and in the condition; the body runs at
// least once.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_retry {
// CHECK: goto bcsc_resume_1;
// CHECK: goto bcsc_resume_2;
// CHECK-NOT: goto bcsc_resume_3;
// CHECK: bcsc::detail::slot<Tracer> attempt_{{[0-9]+}}; // local attempt
// CHECK: bcsc_frame_retry retry(int limit)
[[bcsc::async]] bcsc::task<int> retry(int limit) {
  int tries = 0;
  do {
    Tracer attempt(tries);
    co_await pause(1);
    ++tries;
  } while (co_await tick(tries, 1) < limit);
  co_return tries;
}

int main() {
  // OUT: +T0
  // OUT-NEXT: -T0
  // OUT-NEXT: retry(0) = 1
  std::printf("retry(0) = %d\n", bcsc::block_on(retry(0)));
  // OUT: +T0
  // OUT-NEXT: -T0
  // OUT-NEXT: +T1
  // OUT-NEXT: -T1
  // OUT-NEXT: +T2
  // OUT-NEXT: -T2
  // OUT-NEXT: retry(3) = 3
  std::printf("retry(3) = %d\n", bcsc::block_on(retry(3)));
  // OUT: cancel after 3:
  // OUT-NEXT: +T0
  // OUT-NEXT: -T0
  // OUT-NEXT: +T1
  // OUT-NEXT: cancelling after 3 polls
  // OUT-NEXT: -T1
  cancel_at_every_point([] { return retry(2); }, 5);
}
