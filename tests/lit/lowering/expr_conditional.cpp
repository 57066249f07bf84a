// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await in the condition and in either arm of the conditional operator:
// only the chosen arm's future is created and awaited.
#include "harness.hpp"

static delayed<int> loud(const char* name, int v) {
  std::printf("  make %s\n", name);
  return tick(v);
}

// CHECK-LABEL: struct bcsc_frame_choose {
// CHECK: goto bcsc_resume_1;
// CHECK: goto bcsc_resume_2;
// CHECK: goto bcsc_resume_3;
// CHECK: bcsc_frame_choose choose(int x)
[[bcsc::async]] bcsc::task<int> choose(int x) {
  int r = (co_await tick(x) > 0) ? co_await loud("then", 1) : co_await loud("else", 2);
  co_return r * 10 + (x > 5 ? 7 : co_await tick(3));
}

int main() {
  // OUT: make then
  // OUT-NEXT: choose(1) = 13
  std::printf("choose(1) = %d\n", bcsc::block_on(choose(1)));
  // OUT: make else
  // OUT-NEXT: choose(-1) = 23
  std::printf("choose(-1) = %d\n", bcsc::block_on(choose(-1)));
  // OUT: make then
  // OUT-NEXT: choose(9) = 17
  std::printf("choose(9) = %d\n", bcsc::block_on(choose(9)));
  // OUT: cancel after 2:
  // OUT-NEXT: make else
  // OUT-NEXT: cancelling after 2 polls
  cancel_at_every_point([] { return choose(0); }, 3);
}
