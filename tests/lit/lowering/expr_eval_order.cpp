// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Evaluation order around co_await where C++17 sequences it: braced init
// lists (left to right), the comma operator, assignment (right before left),
// << (left before right), and a side effect before the await in the same
// full-expression happening before the suspend.
#include <vector>
#include "harness.hpp"

static int seq(const char* what, int v) {
  std::printf("  %s\n", what);
  return v;
}
static delayed<int> fut(const char* what, int v) {
  std::printf("  make %s\n", what);
  return tick(v);
}

struct trio {
  int a, b, c;
};

// CHECK-LABEL: struct bcsc_frame_order {
// CHECK: bcsc_frame_order order()
[[bcsc::async]] bcsc::task<int> order() {
  trio t{seq("a", 1), co_await fut("b", 2), seq("c", 3)};
  int x = (seq("left of comma", 0), co_await fut("right of comma", 4));
  int arr[2] = {0, 0};
  arr[seq("index", 1)] = co_await fut("value", 5);
  int sh = seq("shifted", 1) << co_await fut("shift", 3);
  co_return t.a + t.b + t.c + x + arr[1] + sh;
}

int main() {
  // OUT: a
  // OUT-NEXT: make b
  // OUT-NEXT: c
  // OUT-NEXT: left of comma
  // OUT-NEXT: make right of comma
  // OUT-NEXT: make value
  // OUT-NEXT: index
  // OUT-NEXT: shifted
  // OUT-NEXT: make shift
  // OUT-NEXT: order() = 23
  std::printf("order() = %d\n", bcsc::block_on(order()));
}
