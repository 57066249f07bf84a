// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Parameters by lvalue reference and by const reference: the frame stores
// the reference, writes go to the caller's object, no copy is made.
#include "harness.hpp"

struct account {
  int balance = 0;
};

// CHECK-LABEL: struct bcsc_frame_deposit {
// CHECK: account &acc;
// CHECK-NEXT: const Tracer &who;
// CHECK: bcsc_frame_deposit deposit(account &acc, const Tracer &who, int amount)
[[bcsc::async]] bcsc::task<int> deposit(account& acc, const Tracer& who, int amount) {
  for (int i = 0; i < amount; ++i) {
    acc.balance += co_await tick(1);
  }
  std::printf("deposit by T%d\n", who.id);
  co_return acc.balance;
}

int main() {
  account a;
  Tracer me(5);
  // OUT: +T5
  // OUT-NEXT: deposit by T5
  // OUT-NEXT: deposit = 3, balance = 3
  int r = bcsc::block_on(deposit(a, me, 3));
  std::printf("deposit = %d, balance = %d\n", r, a.balance);
  // Cancelled after k polls, k - 1 ticks have completed: 0 + 0 + 1 + 2.
  // OUT: cancel after 2:
  // OUT-NEXT: cancelling after 2 polls
  // OUT: cancel after 3:
  // OUT-NEXT: cancelling after 3 polls
  // OUT-NEXT: balance after cancellations = 6
  cancel_at_every_point([&] { return deposit(a, me, 5); }, 3);
  std::printf("balance after cancellations = %d\n", a.balance);
  // OUT-NEXT: -T5
}
