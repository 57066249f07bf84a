// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Unbraced if/while bodies in a lowered function (no co_await inside them).
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_f {
// CHECK: += k;
[[bcsc::async]] bcsc::task<int> f(int k) {
  int sum = co_await tick(1);
  if (k) sum += k;
  while (k--) sum += 1;
  for (int i = 0; i < 2; ++i) sum += i;
  co_return sum;
}

int main() {
  // OUT: f(2) = 6
  std::printf("f(2) = %d\n", bcsc::block_on(f(2)));
}
