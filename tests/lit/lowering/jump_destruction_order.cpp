// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// break and continue out of a scope whose ordinary locals (declared after
// the last co_await) follow frame objects: the locals die first, as in C++.
// The jump leaves the C++ scopes to a tail that then destroys the frame
// objects.
// CHECK: goto bcsc_jump_{{[0-9]+}};
// CHECK: bcsc_jump_{{[0-9]+}}:
// CHECK-NEXT: a_{{[0-9]+}}.destroy();
#include "harness.hpp"
[[bcsc::async]] bcsc::task<int> f(int n) {
  int hits = 0;
  for (int i = 0; i < n; ++i) {
    Tracer a(i);
    co_await pause(1);
    Tracer b(100 + i);
    if (i == 1) continue;
    if (i == 2) break;
    ++hits;
  }
  switch (n) {
    case 4: {
      Tracer c(7);
      co_await pause(1);
      Tracer d(8);
      if (hits) break;
      ++hits;
    }
  }
  co_return hits;
}
int main() {
  // OUT: {{^  [+]T1$}}
  // OUT-NEXT: {{^  [+]T101$}}
  // OUT-NEXT: {{^  -T101$}}
  // OUT-NEXT: {{^  -T1$}}
  // OUT: +T8
  // OUT-NEXT: -T8
  // OUT-NEXT: -T7
  // OUT-NEXT: r=1
  std::printf("r=%d\n", bcsc::block_on(f(4)));
  cancel_at_every_point([] { return f(4); }, 6);
}
