// Bad command lines are reported, with a non-zero status.
// RUN: not %bcsc 2>&1 | FileCheck %s --check-prefix=NOARGS
// NOARGS: usage: bcsc lower
// RUN: not %bcsc frobnicate %s 2>&1 | FileCheck %s --check-prefix=NOARGS
// RUN: not %bcsc lower %s -- %flags 2>&1 | FileCheck %s --check-prefix=NOOUT
// NOOUT: error: give -o FILE for one input, or --out-dir DIR for several
// RUN: not %bcsc lower %S/does-not-exist.cpp -o %t.cpp -- %flags 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: does-not-exist.cpp
// RUN: not test -e %t.cpp
int main() {}
