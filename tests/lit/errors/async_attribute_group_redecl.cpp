// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.cpp
// Rule: a forward declaration whose [[bcsc::async]] shares an attribute
// list with other attributes is refused once, at that declaration (the
// self-check's copy of the output must not report it again).
#include "harness.hpp"

// CHECK: :[[@LINE+1]]:44: error: write {{\[\[}}bcsc::async{{\]\]}} in brackets of its own
[[nodiscard, bcsc::async]] bcsc::task<int> later();

[[nodiscard]] [[bcsc::async]] bcsc::task<int> later() {
  co_await pause(1);
  co_return 1;
}

int main() { return bcsc::block_on(later()); }
