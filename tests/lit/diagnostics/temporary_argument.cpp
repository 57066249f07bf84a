// RUN: not %bcsc check %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// Reference and view parameters bound to temporaries, where the frame
// outlives the full-expression that created them (CP.53, precise).
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<int> length(const std::string& s) {
  co_await pause(1);
  co_return static_cast<int>(s.size());
}
[[bcsc::async]] bcsc::task<int> length_view(std::string_view s) {
  co_await pause(1);
  co_return static_cast<int>(s.size());
}
[[bcsc::async]] bcsc::task<int> consume(std::string&& s) {
  co_await pause(1);
  co_return static_cast<int>(s.size());
}
[[bcsc::async]] bcsc::task<int> traced(const Tracer& t) {
  co_await pause(1);
  co_return t.id;
}

[[bcsc::async]] bcsc::task<int> stored_then_awaited() {
  // CHECK: [[@LINE+1]]:21: error: temporary bound to parameter 's' of 'length' is destroyed at the end of the full-expression, but the frame that refers to it outlives it [bcsc-temporary-argument]
  auto fut = length(std::string("x"));
  // CHECK: [[@LINE-1]]:8: note: the frame is stored in 'fut', which outlives the full-expression
  // CHECK: [[@LINE+1]]:13: note: suspend point here
  co_return co_await fut;
  // CHECK: :6:59: note: fix: take 's' by value, or co_await the call in the same full-expression
}

[[bcsc::async]] bcsc::task<int> assigned_then_awaited() {
  auto fut = length(make_string().substr(0));
  // CHECK: [[@LINE-1]]:21: error: temporary bound to parameter 's' of 'length'
  co_return co_await fut;
}

auto returned_from_helper() {
  // CHECK: [[@LINE+1]]:17: error: temporary bound to parameter 's' of 'length'
  return length(make_string());
  // CHECK: [[@LINE-1]]:3: note: the frame is returned here, after the full-expression ends
}

void spawned_with_temporary(bcsc::executor<2>& exec) {
  // CHECK: [[@LINE+1]]:27: error: temporary bound to parameter 's' of 'length'
  (void)exec.spawn(length(std::string("spawned")));
  // CHECK: [[@LINE-1]]:9: note: the frame is spawned here and runs after this statement
}

[[bcsc::async]] bcsc::task<int> join_stored() {
  // CHECK: [[@LINE+1]]:33: error: temporary bound to parameter 's' of 'length'
  auto both = bcsc::join(length(std::string("a")), tick(1));
  auto [n, t] = co_await both;
  co_return n + t;
}

[[bcsc::async]] bcsc::task<int> view_parameter_of_temporary_string() {
  // CHECK: [[@LINE+1]]:26: error: temporary bound to parameter 's' of 'length_view'
  auto fut = length_view(make_string());
  co_return co_await fut;
}

[[bcsc::async]] bcsc::task<int> rvalue_reference_parameter() {
  // CHECK: [[@LINE+1]]:22: error: temporary bound to parameter 's' of 'consume'
  auto fut = consume(std::string("moved?"));
  co_return co_await fut;
}

int main() {
  // CHECK: [[@LINE+1]]:21: error: temporary bound to parameter 't' of 'traced'
  auto fut = traced(Tracer(1));
  // CHECK: [[@LINE+1]]:10: note: polled here
  return bcsc::block_on(fut);
}
