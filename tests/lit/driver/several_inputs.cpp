// Several inputs at once go to --out-dir; if one of them fails, nothing is
// written for any of them.
// RUN: rm -rf %t && mkdir -p %t/out %t/in
// RUN: cp %s %t/in/good.cpp
// RUN: printf '#include "harness.hpp"\n[[bcsc::async]] bcsc::task<int> g() { co_yield 1; }\n' > %t/in/bad.cpp
// RUN: %bcsc lower %t/in/good.cpp --out-dir %t/out -- %flags
// RUN: test -f %t/out/good.cpp
// RUN: rm -rf %t/out && mkdir -p %t/out
// RUN: not %bcsc lower %t/in/good.cpp %t/in/bad.cpp --out-dir %t/out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t/out/good.cpp
// RUN: test ! -e %t/out/bad.cpp
// CHECK: bad.cpp:2:{{[0-9]+}}: error:
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> f() { co_return co_await tick(1); }
