// Two translation units each lower a function named `step` that is not
// exported: a `static` one in a.cpp and an overload step(int, int) in b.cpp.
// Their frames must not be one external class defined twice (the linker
// would keep either poll() and both calls would run the same code): frames
// of functions that are not exported have internal linkage.
//
// RUN: rm -rf %t && split-file %s %t
// RUN: %bcsc lower %t/a.cpp -o %t/a.lowered.cpp -- %flags
// RUN: %bcsc lower %t/b.cpp -o %t/b.lowered.cpp -- %flags
// RUN: FileCheck %s --check-prefix=GEN --input-file %t/a.lowered.cpp
// GEN: namespace {
// GEN-NEXT: struct bcsc_frame_step;
// GEN: namespace {
// GEN: struct bcsc_frame_step {
// RUN: %cxx -std=c++17 -fno-exceptions -fno-rtti %sanitize %flags %t/a.lowered.cpp %t/b.lowered.cpp -o %t/lowered.exe
// RUN: %cxx -std=c++20 -Wno-unknown-attributes %sanitize %flags %t/a.cpp %t/b.cpp -o %t/fallback.exe
// RUN: %t/fallback.exe > %t/fallback.txt
// RUN: %t/lowered.exe > %t/lowered.txt
// RUN: diff %t/fallback.txt %t/lowered.txt
// RUN: FileCheck %s --check-prefix=OUT --input-file %t/lowered.txt
// OUT: a = 1
// OUT-NEXT: b = 5

//--- a.cpp
#include <bcsc/bcsc.hpp>
#include <cstdio>
int run_b();
static bcsc::task<int> step(int x);
[[bcsc::async]] static bcsc::task<int> step(int x) {
  co_await bcsc::yield_now();
  co_return x;
}
int main() {
  std::printf("a = %d\n", bcsc::block_on(step(1)));
  std::printf("b = %d\n", run_b());
}

//--- b.cpp
#include <bcsc/bcsc.hpp>
[[bcsc::async]] bcsc::task<int> step(int x, int y) {
  co_await bcsc::yield_now();
  co_return x + y;
}
int run_b() { return bcsc::block_on(step(2, 3)); }
