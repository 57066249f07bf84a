// RUN: %bcsc check %s -- %flags 2>&1 | FileCheck %s --allow-empty --implicit-check-not=error: --implicit-check-not=warning:
// Locks that are not held at any suspend point, and bcsc's own async
// locks (designed to be held across suspends): all silent.
#include "Inputs/diag.hpp"
#include <bcsc/mutex.hpp>

int counter = 0;
bcsc::mutex<int> async_counter{0};

// The lock's scope ends before the co_await.
[[bcsc::async]] bcsc::task<int> scope_ends_first() {
  {
    std::lock_guard<std::mutex> g(mu);
    counter += 1;
  }
  co_await pause(1);
  co_return counter;
}

// unlock() before the co_await.
[[bcsc::async]] bcsc::task<int> unlocked_first() {
  std::unique_lock<std::mutex> lock(mu);
  counter += 1;
  lock.unlock();
  co_await pause(1);
  co_return counter;
}

// Deferred and never locked.
[[bcsc::async]] bcsc::task<int> deferred() {
  std::unique_lock<std::mutex> lock(mu, std::defer_lock);
  co_await pause(1);
  co_return counter;
}

// Moved out before suspending.
void take(std::unique_lock<std::mutex> l) { counter += l.owns_lock(); }
[[bcsc::async]] bcsc::task<int> moved_out() {
  std::unique_lock<std::mutex> lock(mu);
  take(std::move(lock));
  co_await pause(1);
  co_return counter;
}

// released (the mutex is unlocked by hand).
[[bcsc::async]] bcsc::task<int> released() {
  std::unique_lock<std::mutex> lock(mu);
  lock.release()->unlock();
  co_await pause(1);
  co_return counter;
}

// Taken after the last suspend point.
[[bcsc::async]] bcsc::task<int> after_last_await() {
  int v = co_await tick(1);
  std::lock_guard<std::mutex> g(mu);
  co_return v + counter;
}

// The suspend point is inside the lock's own initializer: it completes
// before the lock is taken.
std::mutex& pick(int) { return mu; }
[[bcsc::async]] bcsc::task<int> await_in_own_initializer() {
  std::lock_guard<std::mutex> g(pick(co_await tick(1)));
  co_return counter;
}

// bcsc's async mutex guard may be held across suspend points.
[[bcsc::async]] bcsc::task<int> async_guard() {
  auto guard = co_await async_counter.lock();
  *guard += 1;
  co_await pause(1);
  co_return *guard;
}

// Locks in ordinary functions and in lambdas without suspend points.
int plain() {
  std::lock_guard<std::mutex> g(mu);
  return counter;
}
[[bcsc::async]] bcsc::task<int> lambda_with_lock() {
  auto bump = [] {
    std::lock_guard<std::mutex> g(mu);
    ++counter;
  };
  bump();
  co_await pause(1);
  co_return counter;
}

// A reference to a lock does not hold it.
[[bcsc::async]] bcsc::task<int> reference_to_lock(std::unique_lock<std::mutex>& outer) {
  std::unique_lock<std::mutex>& l = outer;
  co_await pause(1);
  co_return l.owns_lock();
}

int main() {}
