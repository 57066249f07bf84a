// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// Parameter packs in async function templates.
#include "harness.hpp"

// CHECK: :[[@LINE+1]]:20: error: parameter packs in async function templates are not supported yet
template <class... Ts>
[[bcsc::async]] bcsc::task<int> count(Ts... ts) {
  co_await pause(1);
  co_return sizeof...(ts);
}

int main() { return bcsc::block_on(count(1, 2)); }
