// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// In a template, an operand whose type depends on the template parameters
// and that is evaluated before a co_await of the same expression is kept in
// the frame as a pointer (glvalue) or a value (prvalue), chosen by the C++
// compiler per instantiation. (Found by the differential fuzzer.)
#include "harness.hpp"

// CHECK-LABEL: struct bcsc_frame_mixed {
// CHECK: bcsc::detail::spill_value<decltype((
// CHECK: bcsc::detail::unspill<decltype((
template <class T>
[[bcsc::async]] bcsc::task<T> mixed(T a, bool c) {
  T v = a + 1;
  co_return (c ? a : v) + co_await tick(2) + (a * 10 + co_await tick(3));
}

int main() {
  // OUT: 16
  std::printf("%d\n", bcsc::block_on(mixed<int>(1, true)));
  // OUT-NEXT: 28.500000
  std::printf("%f\n", bcsc::block_on(mixed<double>(2.0, false)) + 0.5);
}
