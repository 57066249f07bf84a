// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Pointers and references to frame locals held across suspend points stay
// valid (the frame does not move after the first poll), including a pointer
// passed to a nested async call.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<void> bump(int* p, int by) {
  co_await pause(1);
  *p += by;
}

// A reference local lives in the frame as a pointer.
// CHECK-LABEL: struct bcsc_frame_refs {
// CHECK-DAG: bcsc::detail::slot<int> value_{{[0-9]+}}; // local value
// CHECK-DAG: bcsc::detail::slot<int *> p_{{[0-9]+}};
// CHECK-DAG: bcsc::detail::slot<int *> r_{{[0-9]+}}; // reference r
// CHECK: bcsc_frame_refs refs()
[[bcsc::async]] bcsc::task<int> refs() {
  int value = 1;
  int* p = &value;
  int& r = value;
  co_await pause(1);
  *p += 10;
  co_await bump(&value, 100);
  r += 1000;
  co_await bump(p, 10000);
  std::printf("value=%d *p=%d r=%d same=%d\n", value, *p, r, p == &r);
  co_return value;
}

int main() {
  // OUT: value=11111 *p=11111 r=11111 same=1
  // OUT-NEXT: refs() = 11111
  std::printf("refs() = %d\n", bcsc::block_on(refs()));
  cancel_at_every_point([] { return refs(); }, 5);
}
