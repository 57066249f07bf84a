// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: grep -v '^ *//' %t.cpp | FileCheck %s
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// A temporary created in the operand of ?: (or &&, ||) that ran lives until
// the end of the full-expression, across a later co_await (C++'s conditional
// cleanup). The frame keeps it in a box constructed empty before the branch,
// which destroys the temporary, at the end of the full-expression or on
// cancellation, only if that operand ran.
#include "harness.hpp"

static int use(int a, int b) {
  std::printf("  use %d %d\n", a, b);
  return a + b;
}

// CHECK-LABEL: struct bcsc_frame_pick {
// CHECK: auto &ctmp_[[T1:[0-9]+]] = bcsc_storage
// CHECK-NEXT: auto &ctmp_[[T2:[0-9]+]] = bcsc_storage
// CHECK: ::new (ctmp_[[T1]].addr())
// CHECK-NEXT: bcsc::detail::type_identity_t<bcsc::detail::conditional_temporary<Tracer>>();
// CHECK: ::new (ctmp_[[T2]].addr())
// CHECK-NEXT: bcsc::detail::type_identity_t<bcsc::detail::conditional_temporary<Tracer>>();
// CHECK: first ? static_cast<Tracer &&>(
// CHECK-NEXT: (*ctmp_[[T1]]).engage(::new ((*ctmp_[[T1]]).addr())
// CHECK-NEXT: bcsc::detail::type_identity_t<Tracer>(Tracer(1))))
// CHECK: void bcsc_destroy() noexcept {
// CHECK: case 1:
// CHECK-NEXT: future_{{[0-9]+}}.destroy();
// CHECK-NEXT: tmp_{{[0-9]+}}.destroy();
// CHECK-NEXT: ctmp_[[T2]].destroy();
// CHECK-NEXT: ctmp_[[T1]].destroy();
[[bcsc::async]] bcsc::task<int> pick(bool first) {
  int r = use(first ? Tracer(1).id : Tracer(2).id, co_await tick(10));
  std::printf("  after first\n");
  // An operand that contains co_await keeps its temporaries in boxes too.
  r += first && use(Tracer(3).id, co_await tick(20)) > 0 ? co_await tick(30) : 0;
  std::printf("  after second\n");
  co_return r;
}

int main() {
  // OUT: +T1
  // OUT-NEXT: use 1 10
  // OUT-NEXT: -T1
  // OUT-NEXT: after first
  // OUT-NEXT: +T3
  // OUT-NEXT: use 3 20
  // OUT-NEXT: -T3
  // OUT-NEXT: after second
  // OUT-NEXT: pick(true) = 41
  std::printf("pick(true) = %d\n", bcsc::block_on(pick(true)));
  // OUT: +T2
  // OUT-NEXT: use 2 10
  // OUT-NEXT: -T2
  // OUT-NEXT: after first
  // OUT-NEXT: after second
  // OUT-NEXT: pick(false) = 12
  std::printf("pick(false) = %d\n", bcsc::block_on(pick(false)));
  // OUT: cancel after 1:
  // OUT-NEXT: +T1
  // OUT-NEXT: cancelling after 1 polls
  // OUT-NEXT: -T1
  // OUT: cancel after 3:
  // OUT: +T3
  // OUT-NEXT: use 3 20
  // OUT-NEXT: cancelling after 3 polls
  // OUT-NEXT: -T3
  cancel_at_every_point([] { return pick(true); }, 4);
}
