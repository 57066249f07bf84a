// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// In a function template, a temporary passed to a call that is resolved only
// at instantiation lives until the end of the full-expression, across the
// co_await. With argument-dependent lookup the tool cannot tell whether the
// selected function takes it by reference (the frame would keep it) or by
// value (keeping it would add a move): rejected. bcsc::join/race, whose
// candidates all take forwarding references, are lowered (see
// tests/fuzz/regressions/template_race_temporary_future.cpp).
#include "harness.hpp"

static int use(int v, const Tracer& t) { return v + t.id; }

template <class T>
[[bcsc::async]] bcsc::task<int> twice(T v) {
  // CHECK: :[[@LINE+1]]:18: error: this temporary lives until the end of the full-expression, across a co_await, but it is passed to a call resolved only at template instantiation
  int r = use(v, Tracer(1)) + co_await tick(2);
  co_return r;
}

int main() { return bcsc::block_on(twice(1)) == 3 ? 0 : 1; }
