// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// An async function awaited before its definition: its frame type is not
// complete at the point of use.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> later(int n);

[[bcsc::async]] bcsc::task<int> early() {
  // CHECK: :[[@LINE+1]]:22: error: 'later' is used before its definition; its frame must be complete here, so define it before 'early'
  co_return co_await later(1);
}

[[bcsc::async]] bcsc::task<int> later(int n) {
  co_await pause(1);
  co_return n;
}

int main() { return bcsc::block_on(early()); }
