// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// co_await bcsc::sleep_for() with the host clock driver: the task sleeps at
// least the requested time; a cancelled sleep unlinks its timer.
#include <bcsc/host/host.hpp>
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_nap {
// CHECK: bcsc::detail::slot<bcsc::sleep_future>
[[bcsc::async]] bcsc::task<bool> nap(int ms) {
  bcsc::instant start = bcsc::now();
  Tracer t(ms);
  co_await bcsc::sleep_for(bcsc::milliseconds(ms));
  co_await bcsc::sleep_for(bcsc::milliseconds(ms));
  co_return bcsc::now() - start >= bcsc::milliseconds(2 * ms);
}

int main() {
  bcsc::host::install();
  // OUT: +T5
  // OUT-NEXT: -T5
  // OUT-NEXT: slept long enough: 1
  std::printf("slept long enough: %d\n", bcsc::block_on(nap(5)));
  // A sleep cancelled while pending: its timer node is unlinked.
  // OUT: cancel after 1:
  // OUT-NEXT: +T50
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T50
  cancel_at_every_point([] { return nap(50); }, 1);
  // OUT: again: 1
  std::printf("again: %d\n", bcsc::block_on(nap(1)));
}
