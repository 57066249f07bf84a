// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// An async function returning a move-only, non-default-constructible type
// (std::unique_ptr<Tracer>) through another async function.
#include <memory>
#include "harness.hpp"

[[bcsc::async]] bcsc::task<std::unique_ptr<Tracer>> make(int id) {
  co_await pause(1);
  co_return std::make_unique<Tracer>(id);
}

// CHECK-LABEL: struct bcsc_frame_relay {
// CHECK: using output_type = std::unique_ptr<Tracer>;
[[bcsc::async]] bcsc::task<std::unique_ptr<Tracer>> relay(int id) {
  std::unique_ptr<Tracer> p = co_await make(id);
  co_await pause(1);
  co_return p;
}

int main() {
  // OUT: +T4
  // OUT-NEXT: got T4
  // OUT-NEXT: -T4
  {
    auto p = bcsc::block_on(relay(4));
    std::printf("got T%d\n", p->id);
  }
  // OUT: cancel after 2:
  // OUT-NEXT: +T5
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: -T5
  cancel_at_every_point([] { return relay(5); }, 3);
}
