// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// bcsc::race over async calls: the first to finish wins, the loser's frame
// (and its Tracer) is destroyed right away (cancellation of the loser).
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> contender(int id, int polls) {
  Tracer t(id);
  co_await pause(polls);
  std::printf("  contender %d finished\n", id);
  co_return id;
}

// CHECK-LABEL: struct bcsc_frame_first {
// CHECK: bcsc::detail::slot<decltype(bcsc::race(
// CHECK: bcsc_frame_first first()
[[bcsc::async]] bcsc::task<int> first() {
  int winner = co_await bcsc::race(contender(1, 3), contender(2, 1));
  std::printf("  winner %d\n", winner);
  co_return winner;
}

int main() {
  // OUT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: contender 2 finished
  // OUT-NEXT: -T2
  // OUT-NEXT: -T1
  // OUT-NEXT: winner 2
  // OUT-NEXT: first() = 2
  std::printf("first() = %d\n", bcsc::block_on(first()));
  // OUT: cancel after 1:
  // OUT-NEXT: +T1
  // OUT-NEXT: +T2
  // OUT-NEXT: cancelling after 1 polls
  // OUT-DAG: -T2
  // OUT-DAG: -T1
  // OUT: cancel after 2:
  cancel_at_every_point([] { return first(); }, 2);
}
