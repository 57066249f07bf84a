// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.cpp
// Rule: a rewrite that a macro expansion needs is never skipped. A token that
// must change meaning in the frame (`this`, a frame variable, a co_await)
// but is written inside a macro body has no place in the file to rewrite:
// the tool refuses at the use, and writes nothing. (Skipping `this` made
// `SELF->speed = speed;` assign the parameter to itself.)
#include "harness.hpp"

#define SELF this
#define SIZE_OF_LOCAL sizeof(local)
#define AWAIT_TICK co_await tick(2)

struct Motor {
  int speed = 3;
  [[bcsc::async]] bcsc::task<int> set(int speed) {
    co_await pause(1);
    // CHECK: :[[@LINE+1]]:5: error: 'this' is written inside a macro body in an async member function, where bcsc cannot rewrite it; pass 'this' to the macro as an argument, or write it without the macro
    SELF->speed = speed;
    co_return this->speed;
  }
};

[[bcsc::async]] bcsc::task<int> unevaluated() {
  int local = 1;
  co_await pause(1);
  // CHECK: :[[@LINE+1]]:13: error: 'local' lives in the async frame and is used inside a macro body; pass it to the macro as an argument instead
  co_return SIZE_OF_LOCAL + local;
}

[[bcsc::async]] bcsc::task<int> awaited() {
  int local = 1;
  co_await pause(1);
  // CHECK: :[[@LINE+1]]:21: error: this expression comes from a macro expansion
  co_return local + AWAIT_TICK;
}

int main() {
  Motor m;
  int a = bcsc::block_on(m.set(9));
  return a + bcsc::block_on(unevaluated()) + bcsc::block_on(awaited());
}
