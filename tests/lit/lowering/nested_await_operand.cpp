// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Minimal: a co_await whose operand contains another co_await.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_f {
// CHECK: case 1:
// CHECK-NEXT: goto bcsc_resume_1;
// CHECK-NEXT: case 2:
// CHECK-NEXT: goto bcsc_resume_2;
[[bcsc::async]] bcsc::task<int> f(int v) { co_return co_await tick(co_await tick(v) + 1); }

int main() {
  // OUT: f(3) = 4
  std::printf("f(3) = %d\n", bcsc::block_on(f(3)));
}
