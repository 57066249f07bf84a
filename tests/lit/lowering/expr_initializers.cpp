// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await in initializers: aggregate and braced lists (evaluated left to
// right, guaranteed), array initializers, constructor arguments, and a
// default member initializer-like struct.
#include "harness.hpp"

struct point {
  int x, y, z;
};

static int note(int v) {
  std::printf("  note %d\n", v);
  return v;
}

// CHECK-LABEL: struct bcsc_frame_init {
// CHECK-DAG: bcsc::detail::slot<point> p_{{[0-9]+}}; // local p
// CHECK-DAG: bcsc::detail::slot<int[3]> arr_{{[0-9]+}}; // local arr
// CHECK: bcsc_frame_init init()
[[bcsc::async]] bcsc::task<int> init() {
  point p{note(1), co_await tick(note(2)), note(3)};
  int arr[3] = {co_await tick(4), note(5), co_await tick(6, 2)};
  Tracer t{co_await tick(7)};
  co_await pause(1);
  co_return p.x + p.y + p.z + arr[0] + arr[1] + arr[2] + t.id;
}

int main() {
  // OUT: note 1
  // OUT-NEXT: note 2
  // OUT-NEXT: note 3
  // OUT-NEXT: note 5
  // OUT-NEXT: +T7
  // OUT-NEXT: -T7
  // OUT-NEXT: init() = 28
  std::printf("init() = %d\n", bcsc::block_on(init()));
  // OUT: cancel after 6:
  // OUT: +T7
  // OUT-NEXT: cancelling after 6 polls
  // OUT-NEXT: -T7
  cancel_at_every_point([] { return init(); }, 7);
}
