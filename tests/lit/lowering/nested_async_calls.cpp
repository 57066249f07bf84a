// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Awaiting async functions three levels deep: each caller's frame contains
// the callee's frame inline; cancellation at every poll destroys the whole
// chain innermost first.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> leaf(int v) {
  Tracer t(v);
  co_await pause(1);
  co_return v * 2;
}

[[bcsc::async]] bcsc::task<int> middle(int v) {
  Tracer t(v * 10);
  int a = co_await leaf(v);
  int b = co_await leaf(v + 1);
  co_return a + b;
}

// CHECK-LABEL: struct bcsc_frame_top {
// CHECK: bcsc::detail::slot<decltype(middle(1))>
// CHECK: bcsc_frame_top top()
[[bcsc::async]] bcsc::task<int> top() {
  Tracer t(1000);
  int r = co_await middle(1);
  co_return r + co_await leaf(100);
}

#ifndef __cpp_impl_coroutine
static_assert(decltype(top())::frame_size > decltype(middle(1))::frame_size, "the callee's frame is inline");
static_assert(decltype(middle(1))::frame_size > decltype(leaf(1))::frame_size, "the callee's frame is inline");
#endif

int main() {
  // OUT: +T1000
  // OUT-NEXT: +T10
  // OUT-NEXT: +T1
  // OUT-NEXT: -T1
  // OUT-NEXT: +T2
  // OUT-NEXT: -T2
  // OUT-NEXT: -T10
  // OUT-NEXT: +T100
  // OUT-NEXT: -T100
  // OUT-NEXT: -T1000
  // OUT-NEXT: top() = 206
  std::printf("top() = %d\n", bcsc::block_on(top()));
  // OUT: cancel after 2:
  // OUT-NEXT: +T1000
  // OUT-NEXT: +T10
  // OUT-NEXT: +T1
  // OUT-NEXT: -T1
  // OUT-NEXT: +T2
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T2
  // OUT-NEXT: -T10
  // OUT-NEXT: -T1000
  cancel_at_every_point([] { return top(); }, 4);
}
