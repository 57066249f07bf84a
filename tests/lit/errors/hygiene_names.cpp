// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.cpp
// Rule: where no qualified name keeps a user name's meaning in the frame,
// or the name is one bcsc reserves for the code it generates (the prefix
// bcsc_), the tool refuses at the name and writes nothing.
#include "harness.hpp"

int frame_size = 8;
#define SIZE_PLUS(v) (frame_size + (v))
// CHECK: :[[@LINE+1]]:9: error: macro 'bcsc_state' begins with 'bcsc_', which is reserved for the names bcsc generates; rename it
#define bcsc_state 0

[[bcsc::async]] bcsc::task<int> in_macro() {
  co_await pause(1);
  // CHECK: :[[@LINE+1]]:13: error: 'frame_size' is written inside a macro body, where bcsc cannot qualify it; in the lowered frame it would find the frame's own member 'frame_size': write '::frame_size' in the macro, or pass the name to the macro as an argument
  co_return SIZE_PLUS(1);
}

[[bcsc::async]] bcsc::task<int> reserved_local() {
  // CHECK: :[[@LINE+1]]:7: error: 'bcsc_cx' begins with 'bcsc_', which is reserved for the names bcsc generates; rename it
  int bcsc_cx = 1;
  co_await pause(1);
  co_return bcsc_cx;
}

// CHECK: :[[@LINE+1]]:43: error: an async function's parameter cannot be named 'poll': the frame declares its own 'poll' beside it; rename it
[[bcsc::async]] bcsc::task<int> param(int poll) {
  co_await pause(1);
  co_return poll;
}

namespace dev {
struct Port {};
int poll(Port) { return 1; }
}  // namespace dev
template <class P>
[[bcsc::async]] bcsc::task<int> adl(P port) {
  co_await pause(1);
  // CHECK: :[[@LINE+1]]:13: error: in the lowered frame the unqualified name 'poll' would find the frame's own member 'poll', which also turns off argument-dependent lookup; write 'using ::poll;' before this use (a block-scope using-declaration keeps argument-dependent lookup), or qualify the name
  co_return poll(port);
}

int main() {
  bcsc::block_on(in_macro());
  bcsc::block_on(reserved_local());
  bcsc::block_on(param(1));
  bcsc::block_on(adl(dev::Port{}));
}
