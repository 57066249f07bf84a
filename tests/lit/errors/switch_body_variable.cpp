// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// A variable declared directly in a switch body (not in a braced case) that
// lives across a co_await.
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> pick(int k) {
  switch (k) {
    case 0:
      // CHECK: :[[@LINE+1]]:11: error: a variable declared directly in a switch body cannot live across
      int v = 1;
      co_await pause(1);
      co_return v;
  }
  co_return -1;
}

int main() { return bcsc::block_on(pick(0)); }
