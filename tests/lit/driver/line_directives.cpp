// #line directives point at the original file by absolute path, and every
// generated statement carries its source line; --no-line-directives drops
// them.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %bcsc lower %s -o %t/with.cpp -- %flags
// RUN: grep -v '^ *//' %t/with.cpp | FileCheck %s -DFILE=%s
// RUN: %bcsc lower %s -o %t/without.cpp --no-line-directives -- %flags
// RUN: not grep -q '^#line' %t/without.cpp
#include "harness.hpp"

// CHECK: #line 1 "[[FILE]]"
// CHECK: #line [[@LINE+1]] "[[FILE]]"
[[bcsc::async]] bcsc::task<int> f(int x) {
  // CHECK: #line [[@LINE+2]] "[[FILE]]"
  // CHECK-NEXT: ::new (y_{{[0-9]+}}.addr())
  int y = 0;
  // CHECK: #line [[@LINE+1]] "[[FILE]]"
  y += co_await tick(x);
  co_return y + 1;
}
// The rest of the file continues at its own line.
// CHECK: #line [[@LINE-2]] "[[FILE]]"
// CHECK: int after_the_function = 0;
int after_the_function = 0;
