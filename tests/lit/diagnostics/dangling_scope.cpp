// RUN: not %bcsc check %s -- %flags -Wno-dangling -Wno-dangling-gsl 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// A reference, pointer or view to a local of a scope that ended before the
// use after the suspend point.
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<int> pointer_to_block_local() {
  int* p = nullptr;
  {
    int x = 1;
    // CHECK: [[@LINE+1]]:9: error: 'x' does not live long enough: pointer 'p' borrows it here, and 'p' is used after a suspend point, after 'x' died [bcsc-dangling]
    p = &x;
    // CHECK: [[@LINE+1]]:3: note: 'x' dies here, at the end of its scope
  }
  // CHECK: [[@LINE+1]]:3: note: suspend point here
  co_await pause(1);
  // CHECK: [[@LINE+1]]:14: note: 'p' is used here, after the suspend point
  co_return *p;
  // CHECK: note: fix: declare 'x' in a scope that encloses every use of 'p'
}

[[bcsc::async]] bcsc::task<int> view_of_block_string() {
  std::string_view sv;
  {
    std::string s = make_string();
    // CHECK: [[@LINE+1]]:10: error: 's' does not live long enough: view 'sv' borrows it here
    sv = s;
  }
  co_await pause(1);
  co_return use(sv);
}

[[bcsc::async]] bcsc::task<int> pointer_to_loop_local() {
  const int* last = nullptr;
  for (int i = 0; i < 3; ++i) {
    int square = i * i;
    // CHECK: [[@LINE+1]]:12: error: 'square' does not live long enough: pointer 'last' borrows it here
    last = &square;
  }
  co_await pause(1);
  co_return *last;
}

[[bcsc::async]] bcsc::task<int> span_of_block_array() {
  std::span<int> sp;
  {
    int values[3] = {1, 2, 3};
    // CHECK: [[@LINE+1]]:10: error: 'values' does not live long enough: view 'sp' borrows it here
    sp = values;
  }
  co_await pause(1);
  co_return sp[0];
}

[[bcsc::async]] bcsc::task<int> iterator_into_if_local(bool b) {
  std::vector<int>::iterator it;
  if (b) {
    std::vector<int> v{1, 2};
    // CHECK: [[@LINE+1]]:10: error: 'v' does not live long enough: view 'it' borrows it here
    it = v.begin();
  }
  co_await pause(1);
  co_return b ? *it : 0;
}

[[bcsc::async]] bcsc::task<int> pointer_to_awaited_value() {
  int* p = nullptr;
  {
    int got = co_await tick(5);
    // CHECK: [[@LINE+1]]:9: error: 'got' does not live long enough: pointer 'p' borrows it here
    p = &got;
  }
  co_await pause(1);
  co_return *p;
}

int main() {}
