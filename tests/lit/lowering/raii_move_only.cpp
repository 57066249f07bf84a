// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A move-only owner (std::unique_ptr<Tracer>) alive across suspend points,
// moved from one frame local to another, released on cancellation.
#include <memory>
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_own {
// CHECK: bcsc::detail::slot<std::unique_ptr<Tracer>> p_{{[0-9]+}}; // local p
// CHECK: bcsc::detail::slot<std::unique_ptr<Tracer>> q_{{[0-9]+}}; // local q
[[bcsc::async]] bcsc::task<int> own(int id) {
  std::unique_ptr<Tracer> p(new Tracer(id));
  co_await pause(1);
  std::unique_ptr<Tracer> q = std::move(p);
  std::printf("p is %s\n", p ? "set" : "empty");
  co_await pause(1);
  co_return q->id;
}

int main() {
  // OUT: +T5
  // OUT-NEXT: p is empty
  // OUT-NEXT: -T5
  // OUT-NEXT: own(5) = 5
  std::printf("own(5) = %d\n", bcsc::block_on(own(5)));
  // OUT: cancel after 1:
  // OUT-NEXT: +T6
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T6
  // OUT: cancel after 2:
  // OUT-NEXT: +T6
  // OUT-NEXT: p is empty
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T6
  cancel_at_every_point([] { return own(6); }, 3);
}
