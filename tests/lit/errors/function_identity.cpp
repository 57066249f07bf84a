// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.cpp
// Rule: where the lowered code cannot print what the C++20 build prints for
// __func__ and __PRETTY_FUNCTION__, the tool refuses at the use.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> in_lambda() {
  co_await pause(1);
  // A lambda's __func__ is its own ("operator()"); the lowering would rename it.
  // CHECK: :[[@LINE+1]]:34: error: __func__ inside a lambda or local class of an async function is not supported
  auto name = [] { return sizeof(__func__); };
  co_return static_cast<int>(name());
}

template <class T>
[[bcsc::async]] bcsc::task<T> pretty(T v) {
  co_await pause(1);
  // CHECK: :[[@LINE+1]]:23: error: __PRETTY_FUNCTION__ in an async function template is not supported
  std::printf("%s\n", __PRETTY_FUNCTION__);
  co_return v;
}

int main() { return bcsc::block_on(in_lambda()) + bcsc::block_on(pretty(1)); }
