// RUN: rm -f %t.cpp
// RUN: not %bcsc lower %s -o %t.cpp -- %flags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
// With the limit raised for both bcsc and the compiler, the same function
// lowers, compiles and behaves as in fallback mode:
// RUN: %bcsc lower %s -o %t.cpp -- %flags -fbracket-depth=1024
// RUN: %differential %s %t.cpp -- -fbracket-depth=1024 | FileCheck %s --check-prefix=OUT
//
// 128 co_awaits in one full-expression: each sum of earlier results lives
// across the next co_await, and the frame nests two braces per co_await,
// beyond clang's default -fbracket-depth of 256. bcsc says so rather than
// writing a file the compiler rejects (found by the libFuzzer harness).
#include "harness.hpp"

namespace deep {
// CHECK: :[[@LINE+2]]:33: error: the lowered code of 'sum128' would nest brackets {{[0-9]+}} levels deep, more than the compiler's limit of 256 (-fbracket-depth)
// CHECK: :[[@LINE+1]]:33: note: every co_await in a full-expression whose earlier operands or temporaries live across it nests the frame deeper; split the expression into statements that keep each awaited value in a local, or raise the limit with -fbracket-depth=N for both bcsc and the compiler
[[bcsc::async]] bcsc::task<int> sum128() {
  co_return co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1);
}

// 64 co_awaits fit.
[[bcsc::async]] bcsc::task<int> sum64() {
  co_return co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1)
    + co_await tick(1) + co_await tick(1) + co_await tick(1) + co_await tick(1);
}
}  // namespace deep

[[bcsc::async]] bcsc::task<int> both() { co_return co_await deep::sum64() + co_await deep::sum128(); }

int main() {
  // OUT: 192
  std::printf("%d\n", bcsc::block_on(both()));
}
