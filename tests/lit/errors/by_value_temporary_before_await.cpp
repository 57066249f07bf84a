// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// A prvalue argument for a by-value parameter evaluated before a co_await in
// the same call: C++17 initializes the parameter in place, which a frame
// slot cannot reproduce without an extra (observable) move, so bcsc rejects
// it and suggests a local variable.
#include "harness.hpp"

static int use_val(Tracer t, int v) { return t.id + v; }

[[bcsc::async]] bcsc::task<int> f() {
  // CHECK: :[[@LINE+1]]:21: error: an object passed by value and evaluated before a co_await in the same expression cannot be kept in the frame without an extra move; store it in a local variable before this statement
  co_return use_val(Tracer(1), co_await tick(10));
}

int main() { return bcsc::block_on(f()); }
