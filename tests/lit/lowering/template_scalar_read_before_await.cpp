// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// In a function template, `a / co_await bump(a)` carries no lvalue-to-rvalue
// conversion in the AST (the co_await is type-dependent), but C++ reads `a`
// before the co_await, and bump changes it through a reference while the
// frame is suspended. The read is kept in the frame: the result is 20 / 3,
// not 21 / 3 (long fuzz run seeds 102387 and 103312). The same for an
// argument of a call resolved at instantiation whose candidates all take
// it by value (a qualified call: with argument-dependent lookup the
// candidates are only known at instantiation; see docs/lowering.md).
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> bump(int& a) {
  co_await pause(1);
  a += 1;
  co_return 3;
}

inline int sum(int x, int y) { return x + y; }

template <class T>
[[bcsc::async]] bcsc::task<T> divide(T unused, int a) {
  int q = a / co_await bump(a);
  int s = ::sum(a, co_await bump(a));
  co_return q * 100 + s;
}

int main() {
  // OUT: divide = 624
  std::printf("divide = %d\n", bcsc::block_on(divide<int>(0, 20)));
}
