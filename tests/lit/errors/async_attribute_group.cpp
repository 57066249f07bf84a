// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.cpp
// Rule: bcsc removes [[bcsc::async]] and keeps the other attributes of the
// declaration; when they share one attribute list or macro it cannot
// remove one without the other, so it refuses instead of dropping them.
#include "harness.hpp"

#define ASYNC_NODISCARD [[nodiscard, bcsc::async]]

// CHECK: :[[@LINE+1]]:44: error: write {{\[\[}}bcsc::async{{\]\]}} in brackets of its own, not in one attribute list or macro with other attributes: bcsc removes it and keeps the others on the generated declaration
[[nodiscard, bcsc::async]] bcsc::task<int> shared() {
  co_await pause(1);
  co_return 1;
}

// CHECK: :[[@LINE+1]]:33: error: write {{\[\[}}bcsc::async{{\]\]}} in brackets of its own
ASYNC_NODISCARD bcsc::task<int> in_macro() {
  co_await pause(1);
  co_return 2;
}

int main() { return bcsc::block_on(shared()) + bcsc::block_on(in_macro()); }
