// Separate compilation: what cannot be exported is an error at the header's
// declaration, and no file is written on any error.
//
// RUN: rm -rf %t && split-file --leading-lines %s %t && mkdir -p %t/out
// RUN: not %bcsc lower %t/bad.cpp -o %t/out/bad.lowered.cpp --export-header %t/out/bad.bcsc.hpp -- %flags -I%t/out 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: test ! -e %t/out/bad.lowered.cpp
// RUN: test ! -e %t/out/bad.bcsc.hpp
//
// An exported function needs --export-header.
// RUN: not %bcsc lower %t/good.cpp -o %t/out/good.lowered.cpp -- %flags -I%t/out 2>&1 | FileCheck %s --check-prefix=NOHEADER
// RUN: test ! -e %t/out/good.lowered.cpp
// --export-header takes one input.
// RUN: not %bcsc lower %t/good.cpp %t/bad.cpp --out-dir %t/out --export-header %t/out/x.hpp -- %flags 2>&1 | FileCheck %s --check-prefix=ONE
// ONE: error: --export-header FILE takes one input
//
// The lowered file must reach its own export header through the declaring
// header (under BCSC_LOWERED).
// RUN: not %bcsc lower %t/forgot.cpp -o %t/out/forgot.lowered.cpp --export-header %t/out/forgot.bcsc.hpp -- %flags -I%t/out 2>&1 | FileCheck %s --check-prefix=FORGOT
// RUN: test ! -e %t/out/forgot.lowered.cpp
// RUN: test ! -e %t/out/forgot.bcsc.hpp
// FORGOT: forgot.cpp: error: the lowered code does not include the export header {{.*}}out/forgot.bcsc.hpp, which declares the frames of the functions it exports (late...): include it from the header that declares them when BCSC_LOWERED is set
//
// A declaration in the main file without a definition has no frame to
// call; an async function defined in a header is lowered with the file
// that defines it... which is no file.
// RUN: not %bcsc lower %t/caller.cpp -o %t/out/caller.lowered.cpp -- %flags -I%t/out 2>&1 | FileCheck %s --check-prefix=CALLER
// RUN: test ! -e %t/out/caller.lowered.cpp
//
// With the option, the good file lowers and its header is written.
// RUN: %bcsc lower %t/good.cpp -o %t/out/good.lowered.cpp --export-header %t/out/good.bcsc.hpp -- %flags -I%t/out
// RUN: grep -q 'bcsc_frame_ok_[0-9a-f]* ok(int n);' %t/out/good.bcsc.hpp

//--- bad.hpp
#pragma once
#include <bcsc/bcsc.hpp>

#if BCSC_LOWERED
#include "bad.bcsc.hpp"
#endif
struct motor {
  // BAD: bad.hpp:[[@LINE+1]]:35: error: async function 'motor::spin' is declared in a header and defined in bad.cpp, but cannot be exported to other translation units: exporting async member functions is not supported; make it a free function that takes the object by reference
  [[bcsc::async]] bcsc::task<int> spin(int n);
};
// BAD: bad.hpp:[[@LINE+1]]:50: error: async function 'echo' is declared in a header and defined in bad.cpp, but cannot be exported to other translation units: it is a function template, whose frame depends on the template arguments
template <class T> [[bcsc::async]] bcsc::task<T> echo(T v);
// BAD: bad.hpp:[[@LINE+1]]:40: error: async function 'hidden' is declared in a header and defined in bad.cpp, but cannot be exported to other translation units: it has internal linkage (static, or in an unnamed namespace)
[[bcsc::async]] static bcsc::task<int> hidden(int n);
// BAD: bad.hpp:[[@LINE+1]]:40: error: async function 'quick' is declared in a header and defined in bad.cpp, but cannot be exported to other translation units: it is inline, so every translation unit that calls it needs its definition
[[bcsc::async]] inline bcsc::task<int> quick(int n);

//--- bad.cpp
#include "bad.hpp"

[[bcsc::async]] bcsc::task<int> motor::spin(int n) { co_return n; }
template <class T>
[[bcsc::async]] bcsc::task<T> echo(T v) { co_return v; }
[[bcsc::async]] static bcsc::task<int> hidden(int n) { co_return n; }
[[bcsc::async]] inline bcsc::task<int> quick(int n) { co_return n; }

//--- good.hpp
#pragma once
#include <bcsc/bcsc.hpp>
#if BCSC_LOWERED
#include "good.bcsc.hpp"
#else
// NOHEADER: good.hpp:[[@LINE+1]]:33: error: async function 'ok' is declared in a header and defined in good.cpp, so other translation units may call it: pass --export-header FILE to write the header that declares its frame
[[bcsc::async]] bcsc::task<int> ok(int n);
#endif

//--- good.cpp
#include "good.hpp"

[[bcsc::async]] bcsc::task<int> ok(int n) { co_return n + 1; }

//--- forgot.hpp
#pragma once
#include <bcsc/bcsc.hpp>
[[bcsc::async]] bcsc::task<int> late(int n);

//--- forgot.cpp
#include "forgot.hpp"

[[bcsc::async]] bcsc::task<int> late(int n) { co_return n; }

//--- inline_async.hpp
#pragma once
#include <bcsc/bcsc.hpp>
// CALLER: inline_async.hpp:[[@LINE+1]]:33: error: async function 'in_header' is defined in an included file; lower the file that defines it
[[bcsc::async]] bcsc::task<int> in_header(int n) { co_return n; }

//--- caller.cpp
#include "inline_async.hpp"

// CALLER: caller.cpp:[[@LINE+1]]:33: error: async function 'elsewhere' is declared here but not defined in this file; to call an async function defined in another file, declare it in a header
[[bcsc::async]] bcsc::task<int> elsewhere(int n);

[[bcsc::async]] bcsc::task<int> user() { co_return co_await elsewhere(1) + co_await in_header(2); }
