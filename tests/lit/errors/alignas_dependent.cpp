// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.cpp
// Rule: an alignment bcsc cannot give a frame slot is an error at the
// alignas, never dropped: here an expression that depends on a template
// parameter (alignas(T) with a type is supported).
#include "harness.hpp"

template <int N>
[[bcsc::async]] bcsc::task<int> buffer() {
  // CHECK: :[[@LINE+1]]:3: error: 'raw' lives across a co_await and its alignment is an expression that depends on a template parameter, which bcsc cannot give its slot yet; write alignas(T) with a type, or a constant
  alignas(N * 8) unsigned char raw[16];
  raw[0] = 1;
  co_await pause(1);
  co_return raw[0];
}

int main() { return bcsc::block_on(buffer<4>()); }
