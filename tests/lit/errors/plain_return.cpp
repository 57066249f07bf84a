// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// 'return' instead of co_return in a function that also uses co_await.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> wrong(int n) {
  co_await pause(1);
  // clang's own diagnostic: the function is a coroutine.
  // CHECK: :[[@LINE+1]]:14: error: return statement not allowed in coroutine; did you mean 'co_return'?
  if (n > 0) return bcsc::task<int>();
  co_return n;
}

int main() { return bcsc::block_on(wrong(1)); }
