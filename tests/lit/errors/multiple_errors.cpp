// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// Several rejected constructs in different functions are all reported, each
// at its own location.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> one() {
  // CHECK: :[[@LINE+1]]:3: error: goto and labels are not supported in async functions
  goto done;
done:
  co_await pause(1);
  co_return 0;
}

[[bcsc::async]] bcsc::task<int> two() {
  // CHECK: :[[@LINE+1]]:3: error: try blocks are not supported in async functions
  try {
    co_await pause(1);
  } catch (...) {
  }
  co_return 0;
}

int main() { return bcsc::block_on(one()) + bcsc::block_on(two()); }
