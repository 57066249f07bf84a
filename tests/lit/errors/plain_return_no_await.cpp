// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// 'return' in an async function that never uses co_await/co_return (so it
// is not a coroutine for clang): bcsc rejects it.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> helper() {
  co_await pause(1);
  co_return 1;
}

[[bcsc::async]] bcsc::task<int> forward() {
  // CHECK: :[[@LINE+1]]:3: error: 'return' in an async function; use co_return
  return helper();
}

int main() { return bcsc::block_on(forward()); }
