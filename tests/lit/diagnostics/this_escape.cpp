// RUN: not %bcsc check %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// The frame of a member async function refers to its object through
// `this`; it must not outlive the object.
#include "Inputs/diag.hpp"

struct Motor {
  int speed = 1;
  [[bcsc::async]] bcsc::task<int> run() {
    co_await pause(1);
    co_return speed;
  }
  // Does not use `this`: borrows nothing.
  [[bcsc::async]] bcsc::task<int> ping() {
    co_await pause(1);
    co_return 1;
  }
  [[bcsc::async]] static bcsc::task<int> make_default() {
    co_await pause(1);
    co_return 0;
  }
};
Motor make_motor() { return Motor{}; }

void spawn_temporary(bcsc::executor<2>& exec) {
  // CHECK: [[@LINE+1]]:20: error: the frame of member async function 'Motor::run' refers to its object ('this'), a temporary destroyed at the end of the full-expression, but the frame outlives it [bcsc-this-escape]
  (void)exec.spawn(Motor{}.run());
  // CHECK: [[@LINE-1]]:9: note: the frame is spawned here and runs after this statement
  // CHECK: :8:35: note: fix: keep the object in a variable that outlives the frame
}

[[bcsc::async]] bcsc::task<int> stored_from_factory() {
  // CHECK: [[@LINE+1]]:12: error: the frame of member async function 'Motor::run' refers to its object ('this'), a temporary
  auto f = make_motor().run();
  co_return co_await f;
}

auto returned_from_temporary() {
  // CHECK: [[@LINE+1]]:10: error: the frame of member async function 'Motor::run' refers to its object ('this'), a temporary
  return Motor{}.run();
}

auto returned_from_local() {
  Motor m;
  // CHECK: [[@LINE+1]]:10: error: 'm' does not live long enough: the frame of member async function 'Motor::run' ('this') borrows it, but 'm' is destroyed when the function returns [bcsc-this-escape]
  return m.run();
}

void spawn_block_local(bcsc::executor<2>& exec) {
  {
    Motor m;
    // CHECK: [[@LINE+1]]:22: error: 'm' does not live long enough: the frame of member async function 'Motor::run' ('this') borrows it, but the executor outlives 'm'
    (void)exec.spawn(m.run());
  }
}

// Silent.
[[bcsc::async]] bcsc::task<int> safe_uses(Motor* p) {
  int a = co_await Motor{}.run();
  Motor m;
  auto f = m.run();
  int b = co_await f;
  auto g = Motor{}.ping();
  int c = co_await g;
  auto h = Motor::make_default();
  int d = co_await h;
  auto i = p->run();
  int e = co_await i;
  co_return a + b + c + d + e;
}

int main() {
  Motor m;
  return bcsc::block_on(Motor{}.run()) + bcsc::block_on(safe_uses(&m));
}
