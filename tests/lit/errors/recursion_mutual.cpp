// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// Mutual recursion through a declaration that is defined later.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> ping(int n);

[[bcsc::async]] bcsc::task<int> pong(int n) {
  co_await pause(1);
  // CHECK-DAG: :[[@LINE+2]]:22: error: recursion in an async function: 'ping' would contain its own frame, which would be infinitely large
  // CHECK-DAG: :[[@LINE+1]]:22: note: bcsc frames have a size known at compile time (like rustc's E0733)
  co_return co_await ping(n - 1);
}

[[bcsc::async]] bcsc::task<int> ping(int n) {
  if (n <= 0) co_return 0;
  // CHECK-DAG: :[[@LINE+2]]:22: error: recursion in an async function: 'pong' would contain its own frame, which would be infinitely large
  // CHECK-DAG: :[[@LINE+1]]:22: note: bcsc frames have a size known at compile time
  co_return co_await pong(n);
}

int main() { return bcsc::block_on(ping(3)); }
