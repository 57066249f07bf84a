// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A user-written future type (output_type + poll(context&)), awaited as a
// temporary and as an lvalue declared in the async function; a void one
// too. Its destructor runs on cancellation.
#include "harness.hpp"

struct countdown {
  using output_type = int;
  int left;
  int polls = 0;
  ~countdown() { std::printf("  ~countdown after %d polls\n", polls); }
  bcsc::poll_result<int> poll(bcsc::context& cx) {
    ++polls;
    if (left-- > 0) {
      cx.get_waker().wake();
      return bcsc::pending;
    }
    return polls;
  }
};

struct flag_set {
  using output_type = void;
  bool* flag;
  bcsc::poll_result<void> poll(bcsc::context&) {
    *flag = true;
    return bcsc::ready();
  }
};

// CHECK-LABEL: struct bcsc_frame_use {
// CHECK: bcsc::detail::slot<countdown>
// CHECK: bcsc::detail::slot<countdown> cd_{{[0-9]+}}; // local cd
// CHECK: bcsc_frame_use use(int n)
[[bcsc::async]] bcsc::task<int> use(int n) {
  int a = co_await countdown{n};
  countdown cd{1};
  int b = co_await cd;
  bool flag = false;
  co_await flag_set{&flag};
  std::printf("  flag=%d\n", flag);
  co_return a * 10 + b;
}

int main() {
  // OUT: ~countdown after 3 polls
  // OUT-NEXT: flag=1
  // OUT-NEXT: ~countdown after 2 polls
  // OUT-NEXT: use(2) = 32
  std::printf("use(2) = %d\n", bcsc::block_on(use(2)));
  // OUT: cancel after 1:
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: ~countdown after 1 polls
  // OUT: cancel after 2:
  // OUT-NEXT: ~countdown after 2 polls
  // OUT-NEXT: cancelling after 2 polls
  // OUT-NEXT: ~countdown after 1 polls
  // OUT: cancel after 3:
  // OUT-NEXT: ~countdown after 2 polls
  // OUT-NEXT: flag=1
  // OUT-NEXT: ~countdown after 2 polls
  // OUT-NEXT: completed after 3 polls
  cancel_at_every_point([] { return use(1); }, 3);
}
