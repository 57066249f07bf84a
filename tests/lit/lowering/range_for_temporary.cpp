// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
#include "harness.hpp"

struct countdown_range {
  Tracer life;
  int from;
  struct iter {
    int v;
    int operator*() const { return v; }
    iter& operator++() { --v; return *this; }
    bool operator!=(const iter& o) const { return v != o.v; }
  };
  iter begin() const { return {from}; }
  iter end() const { return {0}; }
};

// The temporary range is lifetime-extended for the whole loop: it must be a
// frame object, not a pointer.
// CHECK-LABEL: struct bcsc_frame_walk {
// CHECK-DAG: bcsc::detail::slot<countdown_range> {{[a-z_0-9]+}};
[[bcsc::async]] bcsc::task<int> walk() {
  int sum = 0;
  for (int v : countdown_range{Tracer(100), 2}) sum += v * co_await tick(v);
  co_return sum;
}

int main() {
  // OUT: +T100
  // OUT-NEXT: -T100
  // OUT-NEXT: walk() = 5
  std::printf("walk() = %d\n", bcsc::block_on(walk()));
  // OUT: cancel after 1:
  // OUT-NEXT: +T100
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T100
  cancel_at_every_point([] { return walk(); }, 2);
}
