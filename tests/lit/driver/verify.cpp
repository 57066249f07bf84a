// RUN: rm -f %t.cpp
// RUN: not %bcsc lower --testing-no-hygiene %s -o %t.cpp -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.cpp
// RUN: not %bcsc lower --no-line-directives --testing-no-hygiene %s -o %t.cpp -- %flags 2>&1 | FileCheck %s --check-prefix=NOLINES
// RUN: not test -e %t.cpp
// RUN: %bcsc lower --no-verify --testing-no-hygiene %s -o %t.unchecked.cpp -- %flags
// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Rule: `bcsc lower` checks itself (--verify, on unless --no-verify): it
// parses the lowered code again; if it does not compile, or a name the
// async function writes means another declaration than in the source,
// that is an error at the line and nothing is written. Without #line in
// the output (--no-line-directives) it checks a copy that has them.
// The hidden --testing-no-hygiene turns off the protection of names
// (analysis/hygiene.h), so the frame captures them: the self-check alone
// must catch each capture. With the protection on, the same file lowers,
// verifies and behaves as the C++20 build.
#include "harness.hpp"

using output_type = long long;
int frame_size = 8;
int poll(int v) { return v + 1; }

[[bcsc::async]] bcsc::task<int> captured() {
  co_await pause(1);
  // CHECK-DAG: verify.cpp:[[@LINE+1]]: error: bcsc internal error (--verify): 'output_type' means the frame's own member 'output_type' in the lowered code, but 'output_type' declared at {{.*}}verify.cpp:[[#@LINE-6]] in the source; the lowering is wrong here, no file was written
  output_type big = output_type(1) << 40;
  // CHECK-DAG: verify.cpp:[[@LINE+2]]: error: bcsc internal error (--verify): 'frame_size' means the frame's own member 'frame_size' in the lowered code, but 'frame_size' declared at {{.*}}verify.cpp:[[#@LINE-7]] in the source
  // NOLINES: verify.cpp:[[@LINE+1]]: error: bcsc internal error (--verify): 'frame_size' means the frame's own member
  std::printf("%d %d\n", (int)(big >> 40), frame_size);
  co_return 1;
}

[[bcsc::async]] bcsc::task<int> not_compiling() {
  int x = 2;
  co_await pause(1);
  // CHECK-DAG: verify.cpp:[[@LINE+2]]: error: bcsc internal error (--verify): the lowered code does not compile: {{.*}}'bcsc::context'
  // CHECK-DAG: verify.cpp:[[@LINE+1]]: error: bcsc internal error (--verify): 'poll' means the frame's own member 'poll' in the lowered code
  co_return poll(x);
}

int main() {
  // OUT: 1 8
  bcsc::block_on(captured());
  // OUT-NEXT: 3
  std::printf("%d\n", bcsc::block_on(not_compiling()));
}
