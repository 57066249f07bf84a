// RUN: %bcsc check %s -- %flags -Wno-dangling -Wno-dangling-gsl 2>&1 | FileCheck %s --allow-empty --implicit-check-not=error: --implicit-check-not=warning:
// Safe code that looks like the dangling cases: every function here must
// stay silent.
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<void> refill(std::vector<int>& v) {
  co_await pause(1);
  v.push_back(4);
}
[[bcsc::async]] bcsc::task<int> inspect(const std::vector<int>& v) {
  co_await pause(1);
  co_return static_cast<int>(v.size());
}
[[bcsc::async]] bcsc::task<int> show(const int& x) {
  co_await pause(1);
  co_return x;
}

// A view of a local whose scope encloses every use.
[[bcsc::async]] bcsc::task<int> view_of_enclosing_local() {
  std::string s = make_string();
  std::string_view sv = s;
  co_await pause(1);
  co_return use(sv);
}

// The view is re-created after the suspend point.
[[bcsc::async]] bcsc::task<int> view_recreated_after_await() {
  std::string keep = make_string();
  std::string_view sv = make_string();
  co_await pause(1);
  sv = keep;
  co_return use(sv);
}

// A const reference to a temporary extends its lifetime.
[[bcsc::async]] bcsc::task<int> lifetime_extended() {
  const std::string& s = make_string();
  co_await pause(1);
  co_return use(s);
}

// A view of a string literal (static storage).
[[bcsc::async]] bcsc::task<int> view_of_literal() {
  std::string_view sv = "literal";
  co_await pause(1);
  co_return use(sv);
}

// A pointer to a local of the same scope.
[[bcsc::async]] bcsc::task<int> pointer_same_scope() {
  int x = 1;
  int* p = &x;
  co_await pause(1);
  co_return *p;
}

// Reassigned after the inner scope ended, before the use.
[[bcsc::async]] bcsc::task<int> pointer_reassigned() {
  int outer = 7;
  int* p = nullptr;
  {
    int inner = 1;
    p = &inner;
    *p += 1;
  }
  p = &outer;
  co_await pause(1);
  co_return *p;
}

// The view into a temporary is used only before the suspend point.
[[bcsc::async]] bcsc::task<int> temporary_used_before_await() {
  std::string_view sv = make_string();
  int n = use(sv);
  co_await pause(1);
  co_return n;
}

// The awaited operation reads the container through a const reference.
[[bcsc::async]] bcsc::task<int> element_with_const_access(std::vector<int> v) {
  int& first = v[0];
  int n = co_await inspect(v);
  co_return first + n;
}

// The awaited operation gets the element, not the container.
[[bcsc::async]] bcsc::task<int> range_for_element_awaited(std::vector<int> items) {
  int sum = 0;
  for (const int& x : items) sum += co_await show(x);
  co_return sum;
}

// std::array never reallocates.
[[bcsc::async]] bcsc::task<void> bump(std::array<int, 3>& a) {
  co_await pause(1);
  a[0] += 1;
}
[[bcsc::async]] bcsc::task<int> array_element(std::array<int, 3> a) {
  int& first = a[0];
  co_await bump(a);
  co_return first;
}

// The element is looked up again after the modification.
[[bcsc::async]] bcsc::task<int> element_relooked_up(std::vector<int> v) {
  int* p = &v[0];
  co_await refill(v);
  p = &v[0];
  co_return *p;
}

// A pointer to a static object.
[[bcsc::async]] bcsc::task<int> pointer_to_static() {
  static int counter = 0;
  int* p = nullptr;
  {
    p = &counter;
  }
  co_await pause(1);
  co_return *p;
}

// A reference parameter: the caller keeps the referent alive (bcsc
// checks the call sites instead).
[[bcsc::async]] bcsc::task<int> reference_parameter(const std::string& s) {
  co_await pause(1);
  co_return use(s);
}

// Range-for over a temporary: the range is lifetime-extended.
[[bcsc::async]] bcsc::task<int> range_for_temporary() {
  int sum = 0;
  for (int x : make_vector()) sum += co_await tick(x);
  co_return sum;
}

// A getter returning by value.
[[bcsc::async]] bcsc::task<int> getter_by_value() {
  int v = sample{3}.copy();
  co_await pause(1);
  co_return v;
}

// The inner scope contains the suspend point and every use.
[[bcsc::async]] bcsc::task<int> uses_inside_scope() {
  int total = 0;
  {
    std::string s = make_string();
    std::string_view sv = s;
    co_await pause(1);
    total = use(sv);
  }
  co_return total;
}

int main() {}
