// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// RUN: not %cxx -std=c++17 -fsyntax-only -Werror=unused-result -DDISCARD %flags %t.cpp 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=error:
// RUN: %cxx -std=c++17 -fsyntax-only -Werror=unused-result %flags %t.cpp
// Rule: attributes written in front of an async function other than
// [[bcsc::async]] stay on the function the lowering generates (its
// declarations and, for a free function, its definition), so discarding a
// [[nodiscard]] task warns as in the C++20 build. (Before, an attribute in
// front of [[bcsc::async]] was left in front of the generated
// `namespace {`, and the output did not compile.)
#include "harness.hpp"

#define NODISCARD [[nodiscard]]

[[nodiscard]] [[bcsc::async]] bcsc::task<int> forward();
[[nodiscard]] [[bcsc::async]] bcsc::task<int> forward() {
  co_await pause(1);
  co_return 2;
}

[[bcsc::async]] NODISCARD bcsc::task<int> through_macro() {
  co_await pause(1);
  co_return 3;
}

template <class T>
[[nodiscard]] [[bcsc::async]] bcsc::task<T> generic(T v) {
  co_await pause(1);
  co_return v;
}

__attribute__((noinline)) [[bcsc::async]] bcsc::task<int> gnu() {
  co_await pause(1);
  co_return 4;
}

struct Sensor {
  [[nodiscard]] [[bcsc::async]] bcsc::task<int> read() {
    co_await pause(1);
    co_return 5;
  }
  [[nodiscard]] [[bcsc::async]] static bcsc::task<int> make() {
    co_await pause(1);
    co_return 6;
  }
};

#ifdef DISCARD
void discards(Sensor& s) {
  // WARN: attributes_kept.cpp:[[@LINE+1]]:3: error: ignoring return value of function declared with 'nodiscard' attribute
  forward();
  // WARN: attributes_kept.cpp:[[@LINE+1]]:3: error: ignoring return value of function declared with 'nodiscard' attribute
  through_macro();
  // WARN: attributes_kept.cpp:[[@LINE+1]]:3: error: ignoring return value of function declared with 'nodiscard' attribute
  generic(1);
  // WARN: attributes_kept.cpp:[[@LINE+1]]:3: error: ignoring return value of function declared with 'nodiscard' attribute
  s.read();
  // WARN: attributes_kept.cpp:[[@LINE+1]]:3: error: ignoring return value of function declared with 'nodiscard' attribute
  Sensor::make();
}
#endif

int main() {
  Sensor s;
  // OUT: 2 3 7 4 5 6
  std::printf("%d %d %d %d %d %d\n", bcsc::block_on(forward()), bcsc::block_on(through_macro()),
              bcsc::block_on(generic(7)), bcsc::block_on(gnu()), bcsc::block_on(s.read()),
              bcsc::block_on(Sensor::make()));
}
