// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Only what lives across a suspend point goes into the frame: a variable
// whose scope closes before the first co_await, and one declared after the
// last co_await, stay ordinary locals of poll().
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_members {
// `before` and `after` are plain locals of poll().
// CHECK-DAG: int before = k * 3;
// CHECK-DAG: Tracer after(
// CHECK: bcsc::detail::slot<int> kept_{{[0-9]+}}; // local kept
// CHECK-NOT: // local before
// CHECK-NOT: // local after
// CHECK: } bcsc_storage;
[[bcsc::async]] bcsc::task<int> members(int k) {
  int kept = 0;
  {
    int before = k * 3;
    kept = before + 1;
  }
  kept += co_await tick(k);
  Tracer after(kept);
  co_return after.id;
}

int main() {
  // OUT: +T9
  // OUT-NEXT: -T9
  // OUT-NEXT: members(2) = 9
  std::printf("members(2) = %d\n", bcsc::block_on(members(2)));
  // OUT: cancel after 1:
  // OUT-NEXT: cancelling after 1 polls
  cancel_at_every_point([] { return members(1); }, 2);
}
