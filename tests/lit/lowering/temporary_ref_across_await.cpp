// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Minimal: a temporary bound to a const& parameter, created before a
// co_await of the same full-expression, must live in the frame.
#include "harness.hpp"

static int use(const Tracer& t, int v) { return t.id + v; }

// CHECK-LABEL: struct bcsc_frame_f {
// CHECK: bcsc::detail::slot<const Tracer> tmp_{{[0-9]+}}; // temporary
// CHECK: bcsc_frame_f f()
[[bcsc::async]] bcsc::task<int> f() { co_return use(Tracer(1), co_await tick(10)); }

int main() {
  // OUT: +T1
  // OUT-NEXT: -T1
  // OUT-NEXT: f() = 11
  std::printf("f() = %d\n", bcsc::block_on(f()));
}
