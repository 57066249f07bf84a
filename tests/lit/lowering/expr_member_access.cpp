// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Member access, subscripts and method calls on the result of co_await, and
// an lvalue (array element) on the left of an assignment whose right side
// awaits.
#include "harness.hpp"

struct reading {
  int raw;
  int scaled() const { return raw * 10; }
};

[[bcsc::async]] bcsc::task<reading> sample(int v) {
  co_await pause(1);
  co_return reading{v};
}

// CHECK-LABEL: struct bcsc_frame_inspect {
// CHECK: bcsc::detail::slot<int[3]> slots_{{[0-9]+}}; // local slots
// CHECK: bcsc_frame_inspect inspect()
[[bcsc::async]] bcsc::task<int> inspect() {
  int slots[3] = {0, 0, 0};
  int i = 1;
  slots[i] = (co_await sample(4)).raw;
  slots[i + 1] = (co_await sample(5)).scaled();
  slots[0] = slots[co_await tick(2)] + 1;
  co_return slots[0] * 1000 + slots[1] * 100 + slots[2];
}

int main() {
  // OUT: inspect() = 51450
  std::printf("inspect() = %d\n", bcsc::block_on(inspect()));
  // OUT: cancel after 3:
  // OUT-NEXT: cancelling after 3 polls
  cancel_at_every_point([] { return inspect(); }, 4);
}
