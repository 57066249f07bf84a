// RUN: not %bcsc check %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// Capturing async (coroutine) lambdas whose closure object dies before the
// frame that reads the captures (CP.51). Silent when the closure outlives
// the frame.
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<int> immediately_invoked_and_stored(int x) {
  // CHECK: [[@LINE+1]]:14: error: the frame of an async lambda with captures refers to its closure object, a temporary destroyed at the end of the full-expression, but the frame outlives it [bcsc-lambda]
  auto fut = [x]() -> bcsc::task<int> {
    co_await pause(1);
    co_return x;
  }();
  // CHECK: [[@LINE-4]]:8: note: the frame is stored in 'fut', which outlives the full-expression
  // CHECK: [[@LINE+1]]:13: note: suspend point here
  co_return co_await fut;
}

auto returned_invocation(std::string s) {
  // CHECK: [[@LINE+1]]:10: error: the frame of an async lambda with captures refers to its closure object
  return [s]() -> bcsc::task<int> { co_return static_cast<int>(s.size()); }();
}

void spawned_invocation(bcsc::executor<2>& exec, int id) {
  // CHECK: [[@LINE+1]]:20: error: the frame of an async lambda with captures refers to its closure object
  (void)exec.spawn([id]() -> bcsc::task<void> {
    co_await pause(1);
    std::printf("%d\n", id);
  }());
}

auto closure_variable_returned(int x) {
  auto body = [x]() -> bcsc::task<int> { co_return x; };
  // CHECK: [[@LINE+1]]:10: error: 'body' does not live long enough: the frame of the async lambda (its captures) borrows it, but 'body' is destroyed when the function returns [bcsc-lambda]
  return body();
}

// Silent: the closure outlives the frame, or there is nothing captured.
[[bcsc::async]] bcsc::task<int> safe_lambdas(int x) {
  int a = co_await [x]() -> bcsc::task<int> { co_return x; }();
  auto named = [x]() -> bcsc::task<int> { co_return x + 1; };
  int b = co_await named();
  auto fut = named();
  int c = co_await fut;
  auto no_captures = []() -> bcsc::task<int> { co_return 3; }();
  int d = co_await no_captures;
  co_return a + b + c + d;
}

int main() {
  int x = 4;
  return bcsc::block_on([x]() -> bcsc::task<int> { co_return x; }()) + bcsc::block_on(safe_lambdas(1));
}
