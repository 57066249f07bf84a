// RUN: not %bcsc check %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// Structured concurrency: a future (spawned, returned, or assigned) that
// borrows a local dying before the future completes. The spawn must own
// everything it uses.
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<void> worker(const int& n) {
  co_await pause(1);
  std::printf("%d\n", n);
}
[[bcsc::async]] bcsc::task<void> poke(int* p) {
  co_await pause(1);
  *p += 1;
}
[[bcsc::async]] bcsc::task<int> speak(std::string_view s) {
  co_await pause(1);
  co_return static_cast<int>(s.size());
}

bcsc::executor<4> global_exec;

void spawn_loop_locals() {
  bcsc::executor<4> exec;
  for (int i = 0; i < 3; ++i) {
    int id = i * 10;
    // CHECK: [[@LINE+1]]:29: error: 'id' does not live long enough: parameter 'n' of 'worker' borrows it, but the executor outlives 'id' [bcsc-structured]
    (void)exec.spawn(worker(id));
    // CHECK: [[@LINE-1]]:11: note: the frame is spawned here and runs after this statement
    // CHECK: [[@LINE+1]]:3: note: 'id' dies here
  }
  // CHECK: :7:52: note: fix: let the future own what it uses: take 'n' by value
  exec.run();
}

[[bcsc::async]] bcsc::task<void> spawn_into_global() {
  int local = 1;
  // CHECK: [[@LINE+1]]:34: error: 'local' does not live long enough: parameter 'n' of 'worker' borrows it, but the executor outlives 'local'
  (void)global_exec.spawn(worker(local));
  co_await pause(1);
}

void spawn_into_parameter(bcsc::executor<4>& exec) {
  int counter = 0;
  // CHECK: [[@LINE+1]]:25: error: 'counter' does not live long enough: parameter 'p' of 'poke' borrows it
  (void)exec.spawn(poke(&counter));
}

void spawn_view_of_local(bcsc::executor<4>& exec) {
  std::string name = make_string();
  // CHECK: [[@LINE+1]]:26: error: 'name' does not live long enough: parameter 's' of 'speak' borrows it
  (void)exec.spawn(speak(name));
}

auto returned_borrowing_local() {
  int n = 5;
  // CHECK: [[@LINE+1]]:17: error: 'n' does not live long enough: parameter 'n' of 'worker' borrows it, but 'n' is destroyed when the function returns
  return worker(n);
}

auto returned_join_borrowing_local() {
  std::string label = make_string();
  // CHECK: [[@LINE+1]]:27: error: 'label' does not live long enough: parameter 's' of 'speak' borrows it
  return bcsc::join(speak(label), tick(1));
}

auto returned_borrowing_by_value_parameter(int n) {
  // CHECK: [[@LINE+1]]:17: error: 'n' does not live long enough: parameter 'n' of 'worker' borrows it
  return worker(n);
}

void spawn_into_scope_from_block() {
  bcsc::scope<2, 256> s;
  {
    int v = 3;
    // CHECK: [[@LINE+1]]:26: error: 'v' does not live long enough: parameter 'n' of 'worker' borrows it, but the executor outlives 'v'
    (void)s.spawn(worker(v));
  }
  bcsc::block_on(s.join());
}

int main() {
  spawn_loop_locals();
  bcsc::block_on(spawn_into_global());
}
