// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// goto and labels.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> jumpy(int n) {
  int i = 0;
  // CHECK: :[[@LINE+1]]:1: error: goto and labels are not supported in async functions
again:
  co_await pause(1);
  // CHECK: :[[@LINE+1]]:16: error: goto and labels are not supported in async functions
  if (++i < n) goto again;
  co_return i;
}

int main() { return bcsc::block_on(jumpy(2)); }
