// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Structured binding by reference to a std::pair (tuple-like) alive across
// co_await.
#include <utility>
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_f {
// CHECK-DAG: bcsc::detail::slot<std::pair<int, int> *> {{[a-z_0-9]+}};
[[bcsc::async]] bcsc::task<int> f() {
  std::pair<int, int> pr{7, 8};
  auto& [a, b] = pr;
  co_await pause(1);
  a += 1;
  co_return pr.first + b;
}

int main() {
  // OUT: f() = 16
  std::printf("f() = %d\n", bcsc::block_on(f()));
}
