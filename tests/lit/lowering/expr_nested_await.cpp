// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A co_await whose operand contains another co_await, and one whose result
// is itself a future that is then awaited.
#include "harness.hpp"

struct future_maker {
  using output_type = delayed<int>;
  int v;
  bcsc::poll_result<delayed<int>> poll(bcsc::context&) { return bcsc::poll_result<delayed<int>>(tick(v * 2, 2)); }
};

// CHECK-LABEL: struct bcsc_frame_nested {
// CHECK: goto bcsc_resume_1;
// CHECK: goto bcsc_resume_2;
// CHECK: goto bcsc_resume_3;
// CHECK: goto bcsc_resume_4;
// CHECK: bcsc_frame_nested nested(int v)
[[bcsc::async]] bcsc::task<int> nested(int v) {
  int a = co_await tick(co_await tick(v) + 1);
  int b = co_await co_await future_maker{a};
  co_return a * 100 + b;
}

int main() {
  // OUT: nested(3) = 408
  std::printf("nested(3) = %d\n", bcsc::block_on(nested(3)));
  // OUT: cancel after 4:
  // OUT-NEXT: cancelling after 4 polls
  // OUT: cancel after 5:
  // OUT-NEXT: completed after 5 polls
  cancel_at_every_point([] { return nested(1); }, 5);
}
