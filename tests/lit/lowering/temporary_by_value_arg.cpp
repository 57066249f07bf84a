// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A prvalue argument for a by-value parameter, evaluated before a co_await
// in the same call: C++17 guarantees it initializes the parameter directly
// (no move). The spilled temporary is alive across the suspend point and
// destroyed on cancellation.
// XFAIL: *
// BUG: the spilled prvalue argument is moved into the parameter (extra "move T1" and "-T1" lines compared with fallback mode)
#include "harness.hpp"

static int use_val(Tracer t, int v) { return t.id + v; }

// CHECK-LABEL: struct bcsc_frame_f {
// CHECK: bcsc::detail::slot<Tracer> tmp_{{[0-9]+}}; // temporary
// CHECK: case 1:
// CHECK-NEXT: future_{{[0-9]+}}.destroy();
// CHECK-NEXT: tmp_{{[0-9]+}}.destroy();
[[bcsc::async]] bcsc::task<int> f() { co_return use_val(Tracer(1), co_await tick(10)); }

int main() {
  // OUT: +T1
  // OUT-NEXT: -T1
  // OUT-NEXT: f() = 11
  std::printf("f() = %d\n", bcsc::block_on(f()));
  // OUT: cancel after 1:
  // OUT-NEXT: +T1
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T1
  cancel_at_every_point([] { return f(); }, 1);
}
