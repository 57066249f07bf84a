// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// Direct recursion: the frame would contain itself.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> countdown(int n) {
  if (n == 0) co_return 0;
  // CHECK: :[[@LINE+2]]:26: error: recursion in an async function: 'countdown' would contain its own frame, which would be infinitely large
  // CHECK: :[[@LINE+1]]:26: note: bcsc frames have a size known at compile time (like rustc's E0733)
  co_return 1 + co_await countdown(n - 1);
}

int main() { return bcsc::block_on(countdown(3)); }
