// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await bcsc::yield_now(): pending once (waking itself), then ready; two
// tasks on one executor interleave... here checked through poll counts.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_polite {
// CHECK: bcsc::detail::slot<bcsc::yield_future>
[[bcsc::async]] bcsc::task<int> polite(int n) {
  int done = 0;
  for (int i = 0; i < n; ++i) {
    co_await bcsc::yield_now();
    ++done;
  }
  co_return done;
}

int main() {
  // OUT: polite(3) = 3
  std::printf("polite(3) = %d\n", bcsc::block_on(polite(3)));
  // OUT: cancel after 3:
  // OUT-NEXT: cancelling after 3 polls
  // OUT: cancel after 4:
  // OUT-NEXT: completed after 4 polls
  cancel_at_every_point([] { return polite(3); }, 4);
}
