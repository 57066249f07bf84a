// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// C variadic async functions.
#include "harness.hpp"

// clang rejects co_await in a varargs function before bcsc sees it.
[[bcsc::async]] bcsc::task<int> vararg(int n, ...) {
  // CHECK: :[[@LINE+1]]:3: error: {{'co_await' cannot be used in a varargs function|variadic async functions are not supported}}
  co_await pause(1);
  co_return n;
}

int main() { return bcsc::block_on(vararg(1)); }
