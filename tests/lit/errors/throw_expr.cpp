// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.cpp
// Rule: throw in an async function is refused at the throw, as try is:
// lowered code is built without exceptions, and a throw out of poll()
// would leave the frame between two states. (Before, a throw passed
// through into output that -fno-exceptions rejects, while try was refused.)
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> checked(int x) {
  co_await pause(1);
  if (x < 0)
    // CHECK: :[[@LINE+1]]:5: error: throw is not supported in async functions: lowered code is built without exceptions; return the error in the task's value (for example bcsc::result<T, E>), or call a function that reports it
    throw x;
  co_return x;
}

[[bcsc::async]] bcsc::task<int> in_lambda(int x) {
  // CHECK: :[[@LINE+1]]:27: error: throw is not supported in async functions
  auto fail = [](int v) { throw v; };
  co_await pause(1);
  if (x < 0) fail(x);
  co_return x;
}

int main() { return bcsc::block_on(checked(1)) + bcsc::block_on(in_lambda(1)); }
