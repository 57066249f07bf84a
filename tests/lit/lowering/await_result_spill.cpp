// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Minimal: the first co_await's value must be kept in the frame while the
// second one is pending.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_f {
// CHECK-NOT: future_awaiter
// CHECK: bcsc::detail::slot<bcsc::output_t<delayed<int>>> result_{{[0-9]+}};
// CHECK-NOT: future_awaiter
// CHECK: bcsc_frame_f f()
[[bcsc::async]] bcsc::task<int> f() { co_return co_await tick(1) + co_await tick(2); }

int main() {
  // OUT: f() = 3
  std::printf("f() = %d\n", bcsc::block_on(f()));
}
