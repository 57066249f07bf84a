// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// co_await inside a lambda of an async function (a coroutine lambda that
// clang accepts, since it returns a bcsc::task).
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> outer() {
  auto inner = []() -> bcsc::task<int> {
    // CHECK: :[[@LINE+1]]:15: error: co_await inside a lambda: async lambdas are not supported; use a named {{\[\[}}bcsc::async]] function
    co_return co_await tick(1);
  };
  co_return co_await inner();
}

int main() { return bcsc::block_on(outer()); }
