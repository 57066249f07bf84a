// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Structured bindings of the result of co_await, alive across a later one.
#include "harness.hpp"

struct point {
  int x, y;
};

[[bcsc::async]] bcsc::task<point> locate(int k) {
  co_await pause(1);
  co_return point{k, k * 2};
}

// CHECK-LABEL: struct bcsc_frame_f {
// CHECK: bcsc::detail::slot<point> {{[a-z_0-9]+}};
[[bcsc::async]] bcsc::task<int> f() {
  auto [x, y] = co_await locate(3);
  co_await pause(1);
  co_return x + y;
}

int main() {
  // OUT: f() = 9
  std::printf("f() = %d\n", bcsc::block_on(f()));
}
