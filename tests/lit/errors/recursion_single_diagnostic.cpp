// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// A recursive call is reported once (not once per analysis pass).
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> countdown(int n) {
  if (n == 0) co_return 0;
  // CHECK: :[[@LINE+2]]:26: error: recursion in an async function
  // CHECK-NEXT: co_return
  co_return 1 + co_await countdown(n - 1);
}
// CHECK-NOT: error:
// CHECK: 1 error generated.

int main() { return bcsc::block_on(countdown(3)); }
