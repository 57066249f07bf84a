// RUN: not %bcsc check %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// A reference, pointer, iterator or view into a container that the awaited
// operation takes by non-const reference (or pointer): it may insert,
// erase or reallocate while the task is suspended.
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<void> refill(std::vector<int>& v) {
  co_await pause(1);
  v.push_back(4);
}
[[bcsc::async]] bcsc::task<void> grow(std::vector<int>* v) {
  co_await pause(1);
  v->resize(100);
}

[[bcsc::async]] bcsc::task<int> element_reference(std::vector<int> v) {
  // CHECK: [[@LINE+1]]:16: error: reference 'first' refers into 'v', which the awaited operation may modify while the task is suspended, and 'first' is used after the suspend point [bcsc-dangling]
  int& first = v[0];
  // CHECK: [[@LINE+1]]:3: note: suspend point here
  co_await refill(v);
  // CHECK: [[@LINE-1]]:19: note: 'v' is passed here for modification
  // CHECK: [[@LINE+1]]:13: note: 'first' is used here, after the suspend point
  co_return first;
}

[[bcsc::async]] bcsc::task<int> range_for_over_modified(std::vector<int> items) {
  int sum = 0;
  // CHECK: [[@LINE+1]]:16: error: the range-for loop holds iterators into 'items' across a suspend point at which the awaited operation may modify it
  for (int x : items) {
    sum += x;
    // CHECK: [[@LINE+1]]:5: note: suspend point here
    co_await refill(items);
  }
  co_return sum;
}

[[bcsc::async]] bcsc::task<int> data_pointer(std::vector<int> v) {
  // CHECK: [[@LINE+1]]:12: error: pointer 'p' refers into 'v'
  int* p = v.data();
  co_await grow(&v);
  co_return *p;
}

[[bcsc::async]] bcsc::task<int> parameter_container(std::vector<int>& v) {
  // CHECK: [[@LINE+1]]:13: error: view 'it' refers into 'v'
  auto it = v.begin();
  co_await refill(v);
  co_return *it;
}

[[bcsc::async]] bcsc::task<int> global_container() {
  // CHECK: [[@LINE+1]]:21: error: reference 'back' refers into 'global_items'
  const int& back = global_items.back();
  co_await refill(global_items);
  co_return back;
}

[[bcsc::async]] bcsc::task<int> modified_by_join_child(std::vector<int> v) {
  // CHECK: [[@LINE+1]]:23: error: view 'sp' refers into 'v'
  std::span<int> sp = v;
  co_await bcsc::join(refill(v), pause(1));
  co_return sp[0];
}

struct inventory {
  std::vector<int> items{1, 2};
  [[bcsc::async]] bcsc::task<int> restock() {
    // CHECK: [[@LINE+1]]:16: error: reference 'top' refers into 'items'
    int& top = items.front();
    co_await refill(items);
    co_return top;
  }
};

int main() {}
