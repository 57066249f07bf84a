// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Sibling scopes whose locals never live at the same time share storage:
// the frame is a union of per-scope structs, so it is about as big as the
// largest scope, not the sum.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_phases {
// CHECK: union {
// CHECK-NEXT: struct {
// CHECK-NEXT: bcsc::detail::slot<long[32]> first_{{[0-9]+}}; // local first
// CHECK: } s{{[0-9]+}};
// CHECK-NEXT: struct {
// CHECK-NEXT: bcsc::detail::slot<long[32]> second_{{[0-9]+}}; // local second
// CHECK: } s{{[0-9]+}};
// CHECK-NEXT: struct {
// CHECK-NEXT: bcsc::detail::slot<long[16]> third_{{[0-9]+}}; // local third
// CHECK: } s{{[0-9]+}};
// CHECK-NEXT: } u0;
[[bcsc::async]] bcsc::task<long> phases() {
  long total = 0;
  {
    long first[32];
    for (int i = 0; i < 32; ++i) {
      first[i] = i;
    }
    co_await pause(1);
    total += first[31];
  }
  {
    long second[32];
    for (int i = 0; i < 32; ++i) {
      second[i] = 2 * i;
    }
    co_await pause(1);
    total += second[31];
  }
  {
    long third[16];
    for (int i = 0; i < 16; ++i) {
      third[i] = 3 * i;
    }
    co_await pause(1);
    total += third[15];
  }
  co_return total;
}

#ifndef __cpp_impl_coroutine
// One 256-byte array plus small change, not 640 bytes.
static_assert(decltype(phases())::frame_size < 2 * 32 * sizeof(long), "scopes must overlap");
static_assert(decltype(phases())::frame_size >= 32 * sizeof(long), "the largest scope must fit");
#endif

int main() {
  // OUT: phases() = 138
  std::printf("phases() = %ld\n", bcsc::block_on(phases()));
  // OUT: cancel after 2:
  // OUT-NEXT: cancelling after 2 polls
  cancel_at_every_point([] { return phases(); }, 4);
}
