// RUN: not %bcsc check %s -- %flags -Wno-dangling -Wno-dangling-gsl 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// A reference, pointer or view bound to a temporary of an earlier
// full-expression and used after a suspend point.
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<int> view_of_returned_string() {
  // CHECK: [[@LINE+1]]:25: error: view 'sv' is bound to a temporary that is destroyed at the end of the full-expression, and 'sv' is used after a suspend point [bcsc-dangling]
  std::string_view sv = make_string();
  // CHECK: [[@LINE-1]]:37: note: the temporary is destroyed here
  // CHECK: [[@LINE+1]]:3: note: suspend point here
  co_await pause(1);
  // CHECK: [[@LINE+1]]:17: note: 'sv' is used here, after the suspend point
  co_return use(sv);
}

[[bcsc::async]] bcsc::task<int> view_of_concatenation(std::string s) {
  // CHECK: [[@LINE+1]]:25: error: view 'sv' is bound to a temporary
  std::string_view sv = s + "!";
  co_await pause(1);
  co_return use(sv);
}

[[bcsc::async]] bcsc::task<int> pointer_into_temporary() {
  // CHECK: [[@LINE+1]]:19: error: pointer 'p' is bound to a temporary
  const char* p = make_string().c_str();
  int n = co_await tick(1);
  co_return p[0] + n;
}

[[bcsc::async]] bcsc::task<int> reference_to_element_of_temporary() {
  // CHECK: [[@LINE+1]]:18: error: reference 'r' is bound to a temporary
  const int& r = make_vector()[0];
  co_await pause(1);
  co_return r;
}

[[bcsc::async]] bcsc::task<int> iterator_into_temporary() {
  // CHECK: [[@LINE+1]]:13: error: view 'it' is bound to a temporary
  auto it = make_vector().begin();
  co_await pause(1);
  co_return *it;
}

[[bcsc::async]] bcsc::task<int> span_of_temporary() {
  // CHECK: [[@LINE+1]]:29: error: view 'sp' is bound to a temporary
  std::span<const int> sp = make_vector();
  co_await pause(1);
  co_return use_span(sp);
}

[[bcsc::async]] bcsc::task<int> getter_on_temporary() {
  // CHECK: [[@LINE+1]]:18: error: reference 'v' is bound to a temporary
  const int& v = sample{42}.get();
  co_await pause(1);
  co_return v;
}

[[bcsc::async]] bcsc::task<int> view_assigned_from_temporary(std::string s) {
  std::string_view sv = s;
  // CHECK: [[@LINE+1]]:8: error: view 'sv' is bound to a temporary
  sv = make_string();
  // CHECK: [[@LINE+1]]:3: note: suspend point here
  co_await pause(1);
  // CHECK: [[@LINE+1]]:3: note: suspend point here
  co_await pause(1);
  co_return use(sv);
}

[[bcsc::async]] bcsc::task<int> view_used_in_await_operand() {
  // CHECK: [[@LINE+1]]:25: error: view 'sv' is bound to a temporary
  std::string_view sv = make_string();
  co_await pause(1);
  co_return co_await tick(use(sv));
}

int main() {}
