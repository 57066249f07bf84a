// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// A lambda capturing a frame variable by copy.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> copy() {
  int v = 1;
  co_await pause(1);
  // CHECK: :[[@LINE+1]]:15: error: lambda captures 'v', which lives in the async frame; only implicit capture by reference ([&]) is supported for such variables
  auto get = [v] { return v; };
  int r = get();
  co_await pause(1);
  co_return r + v;
}

int main() { return bcsc::block_on(copy()); }
