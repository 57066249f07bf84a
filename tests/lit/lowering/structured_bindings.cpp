// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Structured bindings of a frame-local struct alive across co_await: by
// copy (a hidden frame object holds the copy) and by reference (writes go
// to the original), with a Tracer member destroyed with the hidden object.
#include "harness.hpp"

struct record {
  int x;
  Tracer t;
};

// CHECK-LABEL: struct bcsc_frame_bind {
// CHECK-DAG: bcsc::detail::slot<record> rec_{{[0-9]+}}; // local rec
// CHECK-DAG: bcsc::detail::slot<record> {{[a-z_0-9]+}};
// CHECK-DAG: bcsc::detail::slot<record *> {{[a-z_0-9]+}};
// CHECK: bcsc_frame_bind bind(int k)
[[bcsc::async]] bcsc::task<int> bind(int k) {
  record rec{k, Tracer(k)};
  auto [x, t] = rec;
  auto& [rx, rt] = rec;
  co_await pause(1);
  rx += 10;
  co_await pause(1);
  std::printf("x=%d t=%d rx=%d rt=%d rec.x=%d\n", x, t.id, rx, rt.id, rec.x);
  co_return x + rec.x;
}

int main() {
  // OUT: +T3
  // OUT-NEXT: copy T3
  // OUT-NEXT: x=3 t=3 rx=13 rt=3 rec.x=13
  // OUT-NEXT: -T3
  // OUT-NEXT: -T3
  // OUT-NEXT: bind(3) = 16
  std::printf("bind(3) = %d\n", bcsc::block_on(bind(3)));
  // OUT: cancel after 1:
  // OUT-NEXT: +T4
  // OUT-NEXT: copy T4
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T4
  // OUT-NEXT: -T4
  cancel_at_every_point([] { return bind(4); }, 3);
}
