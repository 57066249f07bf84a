// RUN: not %bcsc check %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// Thread-affine locks alive across a suspend point (CP.52), including
// suspends in initializers and assignments (llvm/llvm-project#72793).
#include "Inputs/diag.hpp"

int shared_counter = 0;

[[bcsc::async]] bcsc::task<int> await_in_initializer() {
  // CHECK: [[@LINE+1]]:31: error: 'guard' (std::lock_guard<std::mutex>) is held across a suspend point; the lock stays taken while the task is suspended [bcsc-hostile-raii]
  std::lock_guard<std::mutex> guard(mu);
  // CHECK: [[@LINE+1]]:11: note: suspend point here
  int v = co_await tick(1);
  co_return v + shared_counter;
  // CHECK: [[@LINE+1]]:1: note: 'guard' is released here, at the end of its scope
}
// CHECK: note: fix: release it before suspending

[[bcsc::async]] bcsc::task<int> await_in_assignment() {
  int v = 0;
  // CHECK: [[@LINE+1]]:32: error: 'lock' (std::unique_lock<std::mutex>) is held across a suspend point
  std::unique_lock<std::mutex> lock(mu);
  // CHECK: [[@LINE+1]]:7: note: suspend point here
  v = co_await tick(2);
  co_return v;
}

[[bcsc::async]] bcsc::task<int> scoped_in_branch(bool b) {
  if (b) {
    // CHECK: [[@LINE+1]]:22: error: 'both' (std::scoped_lock<std::mutex>) is held across a suspend point
    std::scoped_lock both(mu);
    co_await pause(1);
  }
  co_return 0;
}

[[bcsc::async]] bcsc::task<int> shared_lock_across() {
  // CHECK: [[@LINE+1]]:39: error: 'reader' (std::shared_lock<std::shared_mutex>) is held across a suspend point
  std::shared_lock<std::shared_mutex> reader(shared_mu);
  co_await pause(1);
  co_return shared_counter;
}

[[bcsc::async]] bcsc::task<int> lock_in_loop() {
  int sum = 0;
  for (int i = 0; i < 3; ++i) {
    // CHECK: [[@LINE+1]]:33: error: 'g' (std::lock_guard<std::mutex>) is held across a suspend point
    std::lock_guard<std::mutex> g(mu);
    sum += co_await tick(i);
  }
  co_return sum;
}

[[bcsc::async]] bcsc::task<int> unlock_on_one_branch_only(bool b) {
  // CHECK: [[@LINE+1]]:32: error: 'lock' (std::unique_lock<std::mutex>) is held across a suspend point
  std::unique_lock<std::mutex> lock(mu);
  if (b) lock.unlock();
  co_await pause(1);
  co_return 0;
}

[[bcsc::async]] bcsc::task<int> await_in_return() {
  // CHECK: [[@LINE+1]]:31: error: 'g' (std::lock_guard<std::mutex>) is held across a suspend point
  std::lock_guard<std::mutex> g(mu);
  // CHECK: [[@LINE+1]]:13: note: suspend point here
  co_return co_await tick(shared_counter);
}

[[bcsc::async]] bcsc::task<int> two_suspend_points() {
  // CHECK: [[@LINE+1]]:31: error: 'g' (std::lock_guard<std::mutex>) is held across a suspend point
  std::lock_guard<std::mutex> g(mu);
  {
    // CHECK: [[@LINE+1]]:5: note: suspend point here
    co_await pause(1);
  }
  // CHECK: [[@LINE+1]]:3: note: suspend point here
  co_await pause(1);
  co_return 0;
}

[[bcsc::async]] bcsc::task<int> relocked_before_await() {
  // CHECK: [[@LINE+1]]:32: error: 'lock' (std::unique_lock<std::mutex>) is held across a suspend point
  std::unique_lock<std::mutex> lock(mu);
  lock.unlock();
  shared_counter += 1;
  lock.lock();
  co_await pause(1);
  co_return 0;
}

[[bcsc::async]] bcsc::task<int> await_in_condition() {
  // CHECK: [[@LINE+1]]:31: error: 'g' (std::lock_guard<std::mutex>) is held across a suspend point
  std::lock_guard<std::mutex> g(mu);
  if (co_await tick(1) > 0) shared_counter = 1;
  co_return 0;
}

int main() {}
