// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// An async function must return bcsc::task<T>.
#include "harness.hpp"

// CHECK: :[[@LINE+1]]:17: error: a {{\[\[}}bcsc::async]] function must return bcsc::task<T>
[[bcsc::async]] int compute(int n) { return n; }

int main() { return compute(1); }
