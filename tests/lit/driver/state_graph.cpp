// bcsc graph writes the state graph as Graphviz DOT: start, one node per
// suspend point with its source line, done, and the transitions.
// RUN: %bcsc graph %s -o %t.dot -- %flags
// RUN: FileCheck %s --input-file %t.dot
// RUN: dot -Tsvg %t.dot -o %t.svg
#include "harness.hpp"

// CHECK: label="loop (line [[@LINE+1]])";
[[bcsc::async]] bcsc::task<int> loop(int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i) {
    // CHECK: [[A:f0_1]] [label="state 1\nline [[@LINE+1]]: co_await tick(i)"];
    sum += co_await tick(i);
    if (sum > 10) break;
    // CHECK: [[B:f0_2]] [label="state 2\nline [[@LINE+1]]: co_await pause(1)"];
    co_await pause(1);
  }
  co_return sum;
}
// The loop may run zero times, break after the first await, or go round.
// CHECK-DAG: f0_0 -> f0_1;
// CHECK-DAG: f0_0 -> f0_3;
// CHECK-DAG: f0_1 -> f0_2;
// CHECK-DAG: f0_1 -> f0_3;
// CHECK-DAG: f0_2 -> f0_1;
// CHECK-DAG: f0_2 -> f0_3;
