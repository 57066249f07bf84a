// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Range-for over a std::array (loop variable a reference into it) and over
// a user range with member begin()/end(), across co_await: the range is held
// by pointer, begin/end iterators live in the frame.
#include <array>
#include "harness.hpp"

struct countdown_range {
  int from;
  struct iter {
    int v;
    int operator*() const { return v; }
    iter& operator++() { --v; return *this; }
    bool operator!=(const iter& o) const { return v != o.v; }
  };
  iter begin() const { return {from}; }
  iter end() const { return {0}; }
};

// CHECK-LABEL: struct bcsc_frame_walk {
// CHECK: bcsc::detail::range_begin(
// CHECK: bcsc::detail::range_end(
// CHECK-DAG: bcsc::detail::slot<std::array<int, 3>> arr_{{[0-9]+}}; // local arr
// CHECK-DAG: bcsc::detail::slot<std::array<int, 3> *>
// CHECK-DAG: bcsc::detail::slot<int *> x_{{[0-9]+}}; // reference x
// CHECK-DAG: bcsc::detail::slot<countdown_range *>
// CHECK: bcsc_frame_walk walk()
[[bcsc::async]] bcsc::task<int> walk() {
  std::array<int, 3> arr{10, 20, 30};
  for (int& x : arr) {
    x += co_await tick(1);
  }
  int sum = 0;
  countdown_range range{3};
  for (int v : range) {
    sum += v * co_await tick(arr[v - 1]);
    std::printf("v=%d sum=%d\n", v, sum);
  }
  co_return sum;
}

int main() {
  // OUT: v=3 sum=93
  // OUT-NEXT: v=2 sum=135
  // OUT-NEXT: v=1 sum=146
  // OUT: walk() = 146
  std::printf("walk() = %d\n", bcsc::block_on(walk()));
  // OUT: cancel after 5:
  // OUT-NEXT: v=3 sum=93
  // OUT-NEXT: cancelling after 5 polls
  cancel_at_every_point([] { return walk(); }, 7);
}
