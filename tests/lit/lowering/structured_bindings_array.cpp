// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Structured binding (by copy) of a frame-local array alive across co_await.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_f {
// CHECK: bcsc::detail::slot<int[2]> arr_{{[0-9]+}}; // local arr
// CHECK: bcsc::detail::slot<int[2]> {{[a-z_0-9]+}};
[[bcsc::async]] bcsc::task<int> f() {
  int arr[2] = {100, 200};
  auto [first, second] = arr;
  co_await pause(1);
  arr[0] = 0;
  co_return first + second + arr[1];
}

int main() {
  // OUT: f() = 500
  std::printf("f() = %d\n", bcsc::block_on(f()));
}
