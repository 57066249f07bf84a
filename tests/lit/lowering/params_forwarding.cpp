// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A forwarding-reference parameter (template T&&): an lvalue argument is
// stored as a reference, an rvalue one is forwarded (moved) into a local.
#include <utility>
#include "harness.hpp"

// CHECK-LABEL: template <class T> struct bcsc_frame_keep {
// CHECK: T &&value;
// CHECK: bcsc::detail::slot<Tracer> kept_{{[0-9]+}}; // local kept
// CHECK: template <class T> bcsc_frame_keep<T> keep(T &&value)
template <class T>
[[bcsc::async]] bcsc::task<int> keep(T&& value) {
  co_await pause(1);
  Tracer kept(std::forward<T>(value));
  co_await pause(1);
  co_return kept.id;
}

int main() {
  Tracer lv(1);
  // OUT: +T1
  // OUT-NEXT: copy T1
  // OUT-NEXT: -T1
  // OUT-NEXT: keep(lvalue) = 1
  std::printf("keep(lvalue) = %d\n", bcsc::block_on(keep(lv)));
  // OUT: +T2
  // OUT-NEXT: move T2
  // OUT-NEXT: -T2
  // OUT-NEXT: keep(rvalue) = 2
  // OUT-NEXT: -T2
  std::printf("keep(rvalue) = %d\n", bcsc::block_on(keep(Tracer(2))));
  // OUT: cancel after 2:
  // OUT-NEXT: copy T1
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T1
  cancel_at_every_point([&] { return keep(lv); }, 3);
  // OUT: -T1
}
