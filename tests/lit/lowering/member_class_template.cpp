// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Async members of a class template, one defined in class and one out of
// class, plus a static async member.
#include "harness.hpp"

template <class T>
struct channel {
  T last{};
  [[bcsc::async]] bcsc::task<T> exchange(T v) {
    co_await pause(1);
    T old = last;
    last = v;
    co_return old;
  }
  [[bcsc::async]] bcsc::task<T> twice();
  [[bcsc::async]] static bcsc::task<int> version() {
    co_await pause(1);
    co_return 2;
  }
};

template <class T>
[[bcsc::async]] bcsc::task<T> channel<T>::twice() {
  T a = co_await exchange(last + 1);
  co_await pause(1);
  co_return a + last;
}

// Frames are nested class templates of channel<T>, holding channel<T>*.
// CHECK: template <class T> struct channel<T>::bcsc_frame_exchange {
// CHECK: channel<T> *bcsc_self;
// CHECK: template <class T> struct channel<T>::bcsc_frame_version {
// CHECK: template <class T> inline auto channel<T>::version() -> bcsc_frame_version {
// CHECK: template <class T> struct channel<T>::bcsc_frame_twice {
// CHECK: channel<T> *bcsc_self;
int main() {
  channel<int> c;
  // OUT: exchange = 0
  std::printf("exchange = %d\n", bcsc::block_on(c.exchange(4)));
  // OUT-NEXT: twice = 9
  std::printf("twice = %d\n", bcsc::block_on(c.twice()));
  // OUT-NEXT: version = 2
  std::printf("version = %d\n", bcsc::block_on(channel<long>::version()));
  cancel_at_every_point([&] { return c.twice(); }, 3);
}
