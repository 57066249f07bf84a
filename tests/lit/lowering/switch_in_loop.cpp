// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A switch inside a loop: `break` leaves the switch, `continue` continues
// the loop, and co_return leaves both, with co_await in every path.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_machine {
// CHECK: for (
// CHECK: switch (
// CHECK: bcsc_frame_machine machine()
[[bcsc::async]] bcsc::task<int> machine() {
  int state = 0;
  int steps = 0;
  for (;;) {
    ++steps;
    switch (state) {
      case 0:
        state = co_await tick(1);
        break;
      case 1:
        state = co_await tick(2);
        std::printf("skip\n");
        continue;
      case 2:
        co_await pause(2);
        co_return steps * 100 + state;
    }
    std::printf("after switch, state %d\n", state);
  }
}

int main() {
  // OUT: after switch, state 1
  // OUT-NEXT: skip
  // OUT-NEXT: machine() = 302
  std::printf("machine() = %d\n", bcsc::block_on(machine()));
  // OUT: cancel after 4:
  // OUT-NEXT: after switch, state 1
  // OUT-NEXT: skip
  // OUT-NEXT: cancelling after 4 polls
  cancel_at_every_point([] { return machine(); }, 5);
}
