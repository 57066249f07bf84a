// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Async member functions: non-const and const, reading and writing members
// through `this` across suspend points.
#include "harness.hpp"

struct sensor {
  int offset;
  int reads = 0;

  [[bcsc::async]] bcsc::task<int> read(int raw) {
    co_await pause(1);
    ++reads;
    co_return raw + offset;
  }
  [[bcsc::async]] bcsc::task<int> peek() const {
    co_await pause(1);
    co_return offset * 100 + reads;
  }
};

// The frame is a nested class holding `this` as bcsc_self; member uses go
// through it; the member function becomes an out-of-class inline definition.
// CHECK: struct bcsc_frame_read;
// CHECK: bcsc_frame_read read(int raw);
// CHECK: bcsc_frame_peek peek() const;
// CHECK: struct sensor::bcsc_frame_read {
// CHECK: ++bcsc_self->reads;
// CHECK: sensor *bcsc_self;
// CHECK: struct sensor::bcsc_frame_peek {
// CHECK: const sensor *bcsc_self;
// CHECK: inline auto sensor::peek() const -> bcsc_frame_peek { return bcsc_frame_peek(this); }
int main() {
  sensor s{5};
  // OUT: read = 12
  std::printf("read = %d\n", bcsc::block_on(s.read(7)));
  // OUT-NEXT: peek = 501
  std::printf("peek = %d\n", bcsc::block_on(s.peek()));
  // OUT: cancel after 1:
  // OUT-NEXT: cancelling after 1 polls
  cancel_at_every_point([&] { return s.read(1); }, 2);
  // OUT: reads = 2
  std::printf("reads = %d\n", s.reads);
}
