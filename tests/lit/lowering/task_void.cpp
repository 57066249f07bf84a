// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// task<void>: explicit co_return; in the middle, awaiting a void async call,
// and using a void async call as a join child.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<void> log_after(int polls, const char* what) {
  co_await pause(polls);
  std::printf("  %s\n", what);
  co_return;
}

// CHECK-LABEL: struct bcsc_frame_script {
// CHECK: using output_type = void;
// CHECK: bcsc::poll_result<void> poll(bcsc::context &bcsc_cx)
// CHECK: return bcsc::ready();
[[bcsc::async]] bcsc::task<void> script(bool early) {
  Tracer t(1);
  co_await log_after(1, "first");
  if (early) co_return;
  co_await bcsc::join(log_after(2, "slow"), log_after(1, "fast"));
  co_return;
}

int main() {
  // OUT: +T1
  // OUT-NEXT: first
  // OUT-NEXT: -T1
  bcsc::block_on(script(true));
  // OUT-NEXT: +T1
  // OUT-NEXT: first
  // OUT-NEXT: fast
  // OUT-NEXT: slow
  // OUT-NEXT: -T1
  bcsc::block_on(script(false));
  // OUT: cancel after 3:
  // OUT-NEXT: +T1
  // OUT-NEXT: first
  // OUT-NEXT: fast
  // OUT-NEXT: cancelling after 3 polls
  // OUT-NEXT: -T1
  cancel_at_every_point([] { return script(false); }, 4);
}
