// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: FileCheck %s --input-file %t.cpp
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
#include "harness.hpp"

// CHECK: struct bcsc_frame_small {
// CHECK: using output_type = int;
// CHECK: bcsc::poll_result<int> poll(bcsc::context &bcsc_cx)
// CHECK: case 1:
// CHECK-NEXT: goto bcsc_resume_1;
// CHECK: case 2:
// CHECK-NEXT: goto bcsc_resume_2;
// The first future and result share storage with the second's; `a` does not.
// CHECK: bcsc::detail::slot<int> a_0; // local a
// CHECK-NEXT: union {
// CHECK: std::uint8_t bcsc_state = 0;
// CHECK: bcsc_frame_small small() { return bcsc_frame_small(); }
[[bcsc::async]] bcsc::task<int> small() {
  int a = co_await tick(1);
  int b = co_await tick(2);
  co_return a + b;
}

int main() {
  // OUT: result 3
  std::printf("result %d\n", bcsc::block_on(small()));
  // OUT: cancel after 1:
  // OUT-NEXT: cancelling after 1 polls
  // OUT: cancel after 3:
  // OUT-NEXT: completed after 3 polls
  cancel_at_every_point([] { return small(); }, 3);
}
