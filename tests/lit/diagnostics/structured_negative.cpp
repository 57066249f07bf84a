// RUN: %bcsc check %s -- %flags 2>&1 | FileCheck %s --allow-empty --implicit-check-not=error: --implicit-check-not=warning:
// Structured concurrency done right: children that borrow locals which
// outlive them, spawns that own their arguments. All silent.
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<void> worker(const int& n) {
  co_await pause(1);
  std::printf("%d\n", n);
}
[[bcsc::async]] bcsc::task<void> owner(int n) {
  co_await pause(1);
  std::printf("%d\n", n);
}
[[bcsc::async]] bcsc::task<int> measure(const std::string& s) {
  co_await pause(1);
  co_return static_cast<int>(s.size());
}

bcsc::executor<4> global_exec;
int global_value = 7;

// Spawned futures that take their arguments by value.
void spawn_by_value() {
  bcsc::executor<4> exec;
  for (int i = 0; i < 3; ++i) {
    int id = i;
    (void)exec.spawn(owner(id));
  }
  exec.run();
}

// The borrowed local is in the executor's own scope (declared after it,
// so it is destroyed first, but the executor has run by then).
void spawn_same_scope() {
  bcsc::executor<4> exec;
  int id = 1;
  (void)exec.spawn(worker(id));
  exec.run();
}

// join and race children borrowing locals that outlive the join.
[[bcsc::async]] bcsc::task<int> join_locals() {
  std::string a = make_string(), b = "bb";
  auto [x, y] = co_await bcsc::join(measure(a), measure(b));
  int n = co_await bcsc::race(measure(a), measure(b));
  co_return x + y + n;
}

// A stored join borrowing locals of the same scope.
[[bcsc::async]] bcsc::task<int> stored_join() {
  std::string a = make_string();
  int k = 2;
  auto both = bcsc::join(measure(a), worker(k));
  auto [x, unit] = co_await both;
  (void)unit;
  co_return x;
}

// Returned futures that borrow non-locals.
auto returns_global() { return worker(global_value); }
auto returns_parameter(const int& n) { return worker(n); }

// A scope whose children borrow locals that outlive its join.
[[bcsc::async]] bcsc::task<void> scope_children() {
  int v = 3;
  bcsc::scope<2, 256> s;
  (void)s.spawn(worker(v));
  co_await s.join();
}

// Spawning from a static local.
void spawn_static() {
  static int forever = 5;
  (void)global_exec.spawn(worker(forever));
}

// A stored child awaited within the borrowed local's scope.
[[bcsc::async]] bcsc::task<void> stored_child() {
  int v = 1;
  auto child = worker(v);
  co_await bcsc::join(child, pause(1));
}

int main() {
  spawn_by_value();
  spawn_same_scope();
  spawn_static();
  global_exec.run();
  return bcsc::block_on(join_locals()) + bcsc::block_on(stored_join());
}
