// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Rule: decltype(x) of a variable that lives in the frame is x's declared
// type, wherever it is written: in the type of another frame variable, of
// a local of poll(), or in an expression. In the frame `x` is an access to
// its slot, so decltype of that access would be a reference (a copy would
// become an alias), and the plain name `x` may not exist there at all or
// name another x. (Before: output that did not compile.)
#include "harness.hpp"

long x = 100;  // what a lowered decltype(x) must not find

[[bcsc::async]] bcsc::task<int> copies() {
  int x = 4;
  decltype(x) across = x + 1;  // lives across the await
  co_await pause(1);
  decltype(x) local = x;  // a copy, not a reference
  local = 10;
  std::printf("copies: %d %d %d %d\n", x, across, local, (int)sizeof(decltype(x)));
  co_return across;
}

[[bcsc::async]] bcsc::task<int> references(int seed) {
  int x = seed;
  int& r = x;
  co_await pause(1);
  decltype(r) alias = r;  // decltype(r) is int&
  alias = 7;
  decltype(seed) copy = seed;  // a parameter
  copy = 0;
  std::printf("references: %d %d %d\n", x, seed, copy);
  co_return x;
}

template <class T>
[[bcsc::async]] bcsc::task<T> generic(T v) {
  T w = v;
  co_await pause(1);
  decltype(w) twice = w + w;
  co_return twice;
}

int main() {
  // OUT: copies: 4 5 10 4
  bcsc::block_on(copies());
  // OUT-NEXT: references: 7 3 0
  bcsc::block_on(references(3));
  // OUT-NEXT: generic 12
  std::printf("generic %d\n", bcsc::block_on(generic(6)));
}
