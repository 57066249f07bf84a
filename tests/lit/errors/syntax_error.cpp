// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// A syntax error in the input: clang's own diagnostic, no output.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> broken() {
  co_await pause(1);
  // CHECK: :[[@LINE+1]]:14: error: expected ';' after co_return statement
  co_return 1
}

int main() { return bcsc::block_on(broken()); }
