// Flags come from a compilation database with -p.
// RUN: rm -rf %t && mkdir -p %t
// RUN: echo '[{"directory": "%/t", "file": "%/s", "arguments": ["clang++", %flags_json, "-DFROM_DATABASE=1", "-c", "%/s"]}]' > %t/compile_commands.json
// RUN: %bcsc lower %s -o %t/out.cpp -p %t
// RUN: FileCheck %s --input-file %t/out.cpp
#include "harness.hpp"

#ifndef FROM_DATABASE
#error "flags were not taken from compile_commands.json"
#endif

// CHECK: struct bcsc_frame_f {
[[bcsc::async]] bcsc::task<int> f(int x) { co_return co_await tick(x); }
