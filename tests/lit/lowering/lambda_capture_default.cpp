// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Minimal: an immediately invoked [&] lambda using a frame variable.
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_f {
// CHECK: [&] {
[[bcsc::async]] bcsc::task<int> f() {
  int total = 0;
  co_await pause(1);
  [&] { total += 1; }();
  co_await pause(1);
  co_return total;
}

int main() {
  // OUT: f() = 1
  std::printf("f() = %d\n", bcsc::block_on(f()));
}
