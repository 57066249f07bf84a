// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// Every parameter is stored in the frame and needs a name.
#include "harness.hpp"

// CHECK: :[[@LINE+1]]:50: error: name every parameter of an async function (the frame stores it)
[[bcsc::async]] bcsc::task<int> ignore(int a, int) {
  co_await pause(1);
  co_return a;
}

int main() { return bcsc::block_on(ignore(1, 2)); }
