// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// One co_await per full-expression, in many expression positions: the
// operands evaluated before it (left operands, earlier arguments, array
// indices) are spilled to frame temporaries and used after resuming.
#include "harness.hpp"

static int combine(int a, int b, int c) { return a * 100 + b * 10 + c; }
static int note(int v) {
  std::printf("  note %d\n", v);
  return v;
}

// CHECK-LABEL: struct bcsc_frame_single {
// CHECK: bcsc::detail::slot<int> tmp_{{[0-9]+}}; // temporary
// CHECK: bcsc_frame_single single(int x)
[[bcsc::async]] bcsc::task<int> single(int x) {
  int a = note(x) * 2 + co_await tick(3);
  int b = combine(note(a), co_await tick(4), 5);
  bool c = note(b) < co_await tick(500, 2);
  int d = x > 0 ? co_await tick(7) : -1;
  int e = -co_await tick(8);
  int arr[3] = {note(1), co_await tick(2), 3};
  arr[note(2)] += co_await tick(30);
  std::printf("a=%d b=%d c=%d d=%d e=%d arr=%d,%d,%d\n", a, b, c, d, e, arr[0], arr[1], arr[2]);
  co_return a + b + c + d + e + arr[2];
}

int main() {
  // OUT: note 2
  // OUT-NEXT: note 7
  // OUT-NEXT: note 745
  // OUT-NEXT: note 1
  // OUT-NEXT: note 2
  // OUT-NEXT: a=7 b=745 c=0 d=7 e=-8 arr=1,2,33
  // OUT-NEXT: single(2) = 784
  std::printf("single(2) = %d\n", bcsc::block_on(single(2)));
  // OUT: cancel after 3:
  // OUT-NEXT: note 1
  // OUT-NEXT: note 5
  // OUT-NEXT: note 545
  // OUT-NEXT: cancelling after 3 polls
  cancel_at_every_point([] { return single(1); }, 9);
}
