// bcsc layout prints each frame's objects with offset, size and type, the
// state index, the padding, and what is alive in each state; --json prints
// the same data. Sizes come from compiling the lowered code.
// RUN: %bcsc layout %s -- %flags | FileCheck %s
// RUN: %bcsc layout --json %s -- %flags | FileCheck %s --check-prefix=JSON
#include "harness.hpp"

// CHECK: frame of 'two_blocks' (bcsc_frame_two_blocks)
// CHECK-NEXT: {{[0-9]+}} bytes, align 4, 4 states (start, 2 suspend points, done)
// `a` and `b` are never alive together: they share the same bytes.
// CHECK: 0     4  int total  (local, line {{[0-9]+}}, alive in state 1 2)
// CHECK: [[OFF:[0-9]+]]   256  char[256] a  (local, line {{[0-9]+}}, alive in state 1)
// CHECK: [[OFF]]   256  char[256] b  (local, line {{[0-9]+}}, alive in state 2)
// CHECK: (state index)
// CHECK: state 1 (line {{[0-9]+}}, co_await pause(1)): {{[0-9]+}} bytes of objects: total, a,
// CHECK: state 2 (line {{[0-9]+}}, co_await pause(1)): {{[0-9]+}} bytes of objects: total, b,
[[bcsc::async]] bcsc::task<int> two_blocks() {
  int total = 0;
  {
    char a[256] = {};
    co_await pause(1);
    total += a[1];
  }
  {
    char b[256] = {};
    co_await pause(1);
    total += b[1];
  }
  co_return total;
}

// JSON: "function": "two_blocks"
// JSON: "size": {{[0-9]+}}
