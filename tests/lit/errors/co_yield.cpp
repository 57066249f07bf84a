// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// co_yield: async functions produce one value.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> gen() {
  co_await pause(1);
  // clang rejects it first (task's promise has no yield_value), at the
  // same place as bcsc's own "co_yield is not supported" would be.
  // CHECK: :[[@LINE+1]]:3: error: {{co_yield is not supported|no member named 'yield_value'}}
  co_yield 1;
  co_return 2;
}

int main() { return bcsc::block_on(gen()); }
