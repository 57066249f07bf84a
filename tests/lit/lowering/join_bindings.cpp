// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Structured bindings of join's result tuple, used after a later co_await;
// a void child contributes a bcsc::unit.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> worker(int id) {
  co_await pause(id);
  co_return id * 10;
}

// CHECK-LABEL: struct bcsc_frame_both {
// CHECK: bcsc::detail::slot<std::tuple<int, int, bcsc::unit>>
// CHECK: bcsc_frame_both both()
[[bcsc::async]] bcsc::task<int> both() {
  auto [a, b, nothing] = co_await bcsc::join(worker(1), worker(2), pause(1));
  (void)nothing;
  co_await pause(1);
  co_return a + b;
}

int main() {
  // OUT: both() = 30
  std::printf("both() = %d\n", bcsc::block_on(both()));
  cancel_at_every_point([] { return both(); }, 4);
}
