// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// RUN: %bcsc dump-ir %s -- %flags | FileCheck %s --check-prefix=IR
// Rule: __func__, __FUNCTION__ and __PRETTY_FUNCTION__ in an async function
// print what the C++20 build prints (the async function, not the frame's
// poll), also when a macro expands to them (assert, logging macros).
#include "harness.hpp"

#include <cassert>

#define LOG(msg) std::printf("[%s] %s\n", __PRETTY_FUNCTION__, msg)

// IR-LABEL: async read
// IR: __PRETTY_FUNCTION__ = "bcsc::task<int> read(int)"
// IR: __func__ = "read"
[[bcsc::async]] bcsc::task<int> read(int channel) {
  std::printf("%s(%d)\n", __func__, channel);
  co_await pause(1);
  LOG("after the first poll");
  assert(channel >= 0 && "an assert's message would name the function too");
  std::printf("%s / %s\n", __FUNCTION__, __PRETTY_FUNCTION__);
  co_return channel + 1;
}

namespace robot {
struct Motor {
  int speed = 3;
  [[bcsc::async]] bcsc::task<void> set(int s) const {
    co_await pause(1);
    std::printf("%s: %s speed %d -> %d\n", __func__, __PRETTY_FUNCTION__, speed, s);
  }
};
}  // namespace robot

// In a template, __func__ is the plain name.
template <class T>
[[bcsc::async]] bcsc::task<T> twice(T v) {
  co_await pause(1);
  std::printf("%s\n", __func__);
  co_return v + v;
}

int main() {
  // OUT: read(4)
  // OUT-NEXT: [bcsc::task<int> read(int)] after the first poll
  // OUT-NEXT: read / bcsc::task<int> read(int)
  // OUT-NEXT: read(4) = 5
  std::printf("read(4) = %d\n", bcsc::block_on(read(4)));
  // OUT-NEXT: set: bcsc::task<void> robot::Motor::set(int) const speed 3 -> 7
  robot::Motor m;
  bcsc::block_on(m.set(7));
  // OUT-NEXT: twice
  // OUT-NEXT: twice(2) = 4
  std::printf("twice(2) = %d\n", bcsc::block_on(twice(2)));
}
