// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A generic async function template instantiated with several types; the
// frame is a class template with the same parameters.
#include "harness.hpp"

// CHECK-LABEL: template <class T> struct bcsc_frame_twice {
// CHECK: using output_type = T;
// CHECK: bcsc::detail::slot<T> first_{{[0-9]+}}; // local first
// CHECK: template <class T> bcsc_frame_twice<T> twice(T v)
template <class T>
[[bcsc::async]] bcsc::task<T> twice(T v) {
  T first = v;
  co_await pause(1);
  co_return first + v;
}

struct money {
  long cents;
  money operator+(const money& o) const { return {cents + o.cents}; }
};

int main() {
  // OUT: int: 42
  std::printf("int: %d\n", bcsc::block_on(twice(21)));
  // OUT-NEXT: double: 2.5
  std::printf("double: %.1f\n", bcsc::block_on(twice(1.25)));
  // OUT-NEXT: money: 300
  std::printf("money: %ld\n", bcsc::block_on(twice(money{150})).cents);
  // OUT-NEXT: explicit: 6
  std::printf("explicit: %ld\n", static_cast<long>(bcsc::block_on(twice<short>(3))));
  // OUT: cancel after 1:
  // OUT-NEXT: cancelling after 1 polls
  cancel_at_every_point([] { return twice(1); }, 2);
}
