// RUN: %bcsc lower %s -o %t17.cpp -- %flags
// RUN: head -2 %t17.cpp | FileCheck %s --check-prefix=CXX17
// RUN: %differential %s %t17.cpp | FileCheck %s --check-prefix=OUT
// RUN: %bcsc lower %s -o %t20.cpp -- %flags -DUSE_SPAN
// RUN: head -2 %t20.cpp | FileCheck %s --check-prefix=CXX20
// RUN: %differential %s %t20.cpp -- -DUSE_SPAN | FileCheck %s --check-prefix=OUT
// RUN: not %cxx -std=c++17 -fsyntax-only %flags -DUSE_SPAN %t20.cpp
// Rule: the output is C++17 when the input is C++17 apart from the
// coroutine keywords, C++20 otherwise (here std::span), and its header
// comment says which. (Before, C++20 code was copied into output that
// claimed to be C++17 and did not compile as such.)
// CXX17: // Language: C++17. Checked by bcsc --verify.
// CXX20: // Language: C++20 (as C++17, {{.*}}span{{.*}}). Checked by bcsc --verify.
#include "harness.hpp"

#ifdef USE_SPAN
#include <span>
using readings = std::span<const int>;
#else
struct readings {
  const int* ptr;
  unsigned n;
  template <unsigned N>
  readings(const int (&a)[N]) : ptr(a), n(N) {}
  unsigned size() const { return n; }
  const int& operator[](unsigned i) const { return ptr[i]; }
};
#endif

[[bcsc::async]] bcsc::task<int> total(readings values) {
  int sum = 0;
  for (unsigned i = 0; i < values.size(); ++i) {
    co_await pause(1);
    sum += values[i];
  }
  co_return sum;
}

int main() {
  static const int samples[3] = {4, 5, 6};
  // OUT: total 15
  std::printf("total %d\n", bcsc::block_on(total(samples)));
}
