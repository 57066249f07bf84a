// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await in an if condition, in an else-if chain, and an if without else.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_classify {
// CHECK: goto bcsc_resume_1;
// CHECK: goto bcsc_resume_2;
// CHECK: goto bcsc_resume_3;
// CHECK-NOT: goto bcsc_resume_4;
// CHECK: default:
// CHECK-NEXT: bcsc::detail::polled_after_completion();
// CHECK: bcsc_frame_classify classify(int v)
[[bcsc::async]] bcsc::task<int> classify(int v) {
  Tracer t(v);
  if (co_await tick(v) < 0) {
    co_return -1;
  } else if (co_await tick(v * 2, 2) > 10) {
    std::printf("big %d\n", t.id);
  }
  if (co_await tick(v % 2) == 1) std::printf("odd\n");
  co_return 1;
}

int main() {
  // OUT: +T-5
  // OUT-NEXT: -T-5
  // OUT-NEXT: classify(-5) = -1
  std::printf("classify(-5) = %d\n", bcsc::block_on(classify(-5)));
  // OUT: +T7
  // OUT-NEXT: big 7
  // OUT-NEXT: odd
  // OUT-NEXT: -T7
  // OUT-NEXT: classify(7) = 1
  std::printf("classify(7) = %d\n", bcsc::block_on(classify(7)));
  // OUT: +T4
  // OUT-NEXT: -T4
  // OUT-NEXT: classify(4) = 1
  std::printf("classify(4) = %d\n", bcsc::block_on(classify(4)));
  // Polls: tick(9) is ready on poll 2, tick(18, 2) on poll 4, tick(1) on 5.
  // OUT: cancel after 2:
  // OUT-NEXT: +T9
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T9
  // OUT: cancel after 4:
  // OUT-NEXT: +T9
  // OUT-NEXT: big 9
  // OUT-NEXT: cancelling after 4 polls
  // OUT-NEXT: -T9
  // OUT: cancel after 5:
  // OUT-NEXT: +T9
  // OUT-NEXT: big 9
  // OUT-NEXT: odd
  // OUT-NEXT: -T9
  // OUT-NEXT: completed after 5 polls
  cancel_at_every_point([] { return classify(9); }, 5);
}
