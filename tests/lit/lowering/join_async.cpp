// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// bcsc::join over async calls and a void future; the result tuple is read
// with std::get (see join_bindings.cpp for structured bindings).
#include <tuple>
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> worker(int id, int polls) {
  Tracer t(id);
  co_await pause(polls);
  std::printf("  worker %d done\n", id);
  co_return id * 10;
}

// CHECK-LABEL: struct bcsc_frame_both {
// CHECK: bcsc::detail::slot<decltype(bcsc::join(
// CHECK: bcsc_frame_both both()
[[bcsc::async]] bcsc::task<int> both() {
  auto r = co_await bcsc::join(worker(1, 3), worker(2, 1), pause(2));
  co_return std::get<0>(r) + std::get<1>(r);
}

int main() {
  // Children are polled in argument order; each is destroyed when done.
  // OUT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: worker 2 done
  // OUT-NEXT: -T2
  // OUT-NEXT: worker 1 done
  // OUT-NEXT: -T1
  // OUT-NEXT: both() = 30
  std::printf("both() = %d\n", bcsc::block_on(both()));
  // OUT: cancel after 2:
  // OUT-NEXT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: worker 2 done
  // OUT-NEXT: -T2
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T1
  cancel_at_every_point([] { return both(); }, 4);
}
