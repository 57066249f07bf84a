// --depfile writes a Makefile rule: the output depends on the source and on
// every header the tool read, system headers included.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %bcsc lower %s -o %t/out.cpp --depfile %t/out.d -- %flags
// RUN: FileCheck %s --input-file %t/out.d -DSRC=%s
// CHECK: {{.*}}out.cpp: {{[\\]}}
// CHECK-NEXT: [[SRC]] {{[\\]}}
// CHECK-DAG: Inputs/harness.hpp {{[\\]}}
// CHECK-DAG: runtime/include/bcsc/bcsc.hpp {{[\\]}}
// CHECK-DAG: include/c++/{{[0-9]+}}/cstdio {{[\\]}}
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> f() { co_return co_await tick(1); }
