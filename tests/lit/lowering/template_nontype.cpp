// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A template with a non-type parameter sizing a frame array, and a generic
// function awaiting another generic function.
#include "harness.hpp"

// CHECK-LABEL: template <int N> struct bcsc_frame_fill {
// CHECK: bcsc::detail::slot<int[N]> buf_{{[0-9]+}}; // local buf
template <int N>
[[bcsc::async]] bcsc::task<int> fill(int seed) {
  int buf[N];
  for (int i = 0; i < N; ++i) {
    buf[i] = seed + i;
  }
  co_await pause(1);
  int s = 0;
  for (int i = 0; i < N; ++i) {
    s += buf[i];
  }
  co_return s;
}

// CHECK-LABEL: template <class T, int N> struct bcsc_frame_scaled {
template <class T, int N>
[[bcsc::async]] bcsc::task<T> scaled(T factor) {
  T r = factor * co_await fill<N>(1);
  co_return r;
}

#ifndef __cpp_impl_coroutine
static_assert(decltype(fill<64>(0))::frame_size >= 64 * sizeof(int), "the array is in the frame");
static_assert(decltype(fill<4>(0))::frame_size < decltype(fill<64>(0))::frame_size, "N sizes the frame");
#endif

int main() {
  // OUT: fill<3>(10) = 33
  std::printf("fill<3>(10) = %d\n", bcsc::block_on(fill<3>(10)));
  // OUT-NEXT: scaled<long, 4>(2) = 20
  std::printf("scaled<long, 4>(2) = %ld\n", bcsc::block_on(scaled<long, 4>(2)));
  // OUT: cancel after 1:
  // OUT-NEXT: cancelling after 1 polls
  cancel_at_every_point([] { return scaled<int, 2>(3); }, 2);
}
