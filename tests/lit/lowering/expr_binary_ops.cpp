// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await as operands of arithmetic, comparison, shift, unary and compound
// assignment operators; the left operand's value is preserved across the
// suspend of the right one.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_arith {
// CHECK: bcsc::detail::slot<int> tmp_{{[0-9]+}}; // temporary
// CHECK: bcsc_frame_arith arith(int x)
[[bcsc::async]] bcsc::task<int> arith(int x) {
  int a = x * 2 + co_await tick(3);
  int b = (co_await tick(10)) - a;
  int c = -(co_await tick(4)) + ~(co_await tick(0));
  bool d = co_await tick(5) < co_await tick(6);
  int e = (co_await tick(1)) << (co_await tick(3));
  a += co_await tick(100);
  b *= co_await tick(2, 2);
  std::printf("a=%d b=%d c=%d d=%d e=%d\n", a, b, c, d, e);
  co_return a + b + c + d + e;
}

int main() {
  // OUT: a=107 b=6 c=-5 d=1 e=8
  // OUT-NEXT: arith(2) = 117
  std::printf("arith(2) = %d\n", bcsc::block_on(arith(2)));
  // OUT: cancel after 7:
  // OUT-NEXT: cancelling after 7 polls
  cancel_at_every_point([] { return arith(0); }, 7);
}
