// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// switch with co_await in several cases, fallthrough into a case that awaits,
// a default, and a Tracer in a braced case scope alive across the suspend.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_dispatch {
// CHECK: switch (
// CHECK: goto bcsc_resume_1;
// CHECK: goto bcsc_resume_4;
// CHECK: bcsc::detail::slot<Tracer> t_{{[0-9]+}}; // local t
// CHECK: bcsc_frame_dispatch dispatch(int op)
[[bcsc::async]] bcsc::task<int> dispatch(int op) {
  int r = 0;
  switch (op) {
    case 0:
      r = co_await tick(100);
      break;
    case 1:
      r = 1;
      [[fallthrough]];
    case 2:
      r += co_await tick(20, 2);
      break;
    case 3: {
      Tracer t(3);
      r = co_await tick(t.id * 3);
      break;
    }
    default:
      co_await pause(1);
      r = -1;
  }
  co_return r;
}

int main() {
  // OUT: 0 -> 100
  // OUT-NEXT: 1 -> 21
  // OUT-NEXT: 2 -> 20
  // OUT-NEXT: +T3
  // OUT-NEXT: -T3
  // OUT-NEXT: 3 -> 9
  // OUT-NEXT: 7 -> -1
  for (int op : {0, 1, 2, 3, 7}) std::printf("%d -> %d\n", op, bcsc::block_on(dispatch(op)));
  // OUT: cancel after 1:
  // OUT-NEXT: +T3
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T3
  cancel_at_every_point([] { return dispatch(3); }, 2);
}
