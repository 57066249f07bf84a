// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --check-prefix=GEN < %t.cpp
// A by-value parameter is moved into the frame once. block_on polls the
// unstarted temporary frame in place, so handing it over is not observable
// on the parameter (a moved frame would move the parameter once more).
#include "harness.hpp"

// GEN-LABEL: struct bcsc_frame_f {
// GEN: bcsc_frame_f(bcsc_frame_f &&bcsc_other)
// GEN-NEXT: : p(static_cast<std::add_rvalue_reference_t<Tracer>>(bcsc_other.p)) {
// GEN-NEXT: bcsc::detail::require_unstarted(bcsc_other.bcsc_storage.state);
[[bcsc::async]] bcsc::task<int> f(Tracer p) {
  co_await pause(1);
  co_return p.id;
}

int main() {
  // The parameter and the frame's copy die at the end of the full-expression.
  // OUT: +T1
  // OUT-NEXT: move T1
  // OUT-NEXT: f = 1
  // OUT-NEXT: -T1
  // OUT-NEXT: -T1
  std::printf("f = %d\n", bcsc::block_on(f(Tracer(1))));
  // An lvalue frame is polled where it is as well.
  // OUT-NEXT: +T2
  // OUT-NEXT: move T2
  // OUT-NEXT: -T2
  // OUT-NEXT: g = 2
  // OUT-NEXT: -T2
  auto g = f(Tracer(2));
  std::printf("g = %d\n", bcsc::block_on(g));
}
