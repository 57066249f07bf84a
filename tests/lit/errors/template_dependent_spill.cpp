// In a template, an operand whose type depends on the template parameters
// and that is evaluated before a co_await of the same expression has a value
// category known only per instantiation: rejected at its line, nothing
// written. (Found by the differential fuzzer.)
// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
#include "harness.hpp"

template <class T>
[[bcsc::async]] bcsc::task<T> mixed(T a, bool c) {
  T v = a + 1;
  // CHECK: [[@LINE+1]]:13: error: in a template, an operand that depends on the template parameters and is evaluated before a co_await in the same expression is not supported yet; store it in a variable first
  co_return (c ? a : v) + co_await tick(2);
}

int main() { return bcsc::block_on(mixed<int>(1, true)) == 3 ? 0 : 1; }
