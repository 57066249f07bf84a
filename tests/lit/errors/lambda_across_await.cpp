// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// A lambda object that lives across a co_await: its closure type cannot be
// named in the frame.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> keep() {
  int total = 0;
  // CHECK: :[[@LINE+1]]:8: error: 'add' lives across a co_await, but its type cannot be named in the frame: a lambda's closure type has no name
  auto add = [&] { total += 1; };
  co_await pause(1);
  add();
  co_return total;
}

int main() { return bcsc::block_on(keep()); }
