// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// Several declarators in one declaration, one of them a frame variable.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> pair() {
  // CHECK: :[[@LINE+1]]:3: error: declare one variable per statement when a variable lives across a
  int a = 1, b = 2;
  co_await pause(1);
  co_return a + b;
}

int main() { return bcsc::block_on(pair()); }
