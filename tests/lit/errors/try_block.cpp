// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// try blocks: lowered code is built with -fno-exceptions.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> careful() {
  // CHECK: :[[@LINE+1]]:3: error: try blocks are not supported in async functions: lowered code is built without exceptions
  try {
    co_await pause(1);
  } catch (...) {
  }
  co_return 0;
}

int main() { return bcsc::block_on(careful()); }
