// The same input gives byte-identical output, and an unchanged output file
// is left untouched (same inode and modification time).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %bcsc lower %s -o %t/a.cpp -- %flags
// RUN: %bcsc lower %s -o %t/b.cpp -- %flags
// RUN: cmp %t/a.cpp %t/b.cpp
// RUN: stat -c '%%i %%Y' %t/a.cpp > %t/before
// RUN: sleep 1.1
// RUN: %bcsc lower %s -o %t/a.cpp -- %flags
// RUN: stat -c '%%i %%Y' %t/a.cpp > %t/after
// RUN: cmp %t/before %t/after
#include "harness.hpp"

[[bcsc::async]] bcsc::task<int> f(int x) {
  int y = co_await tick(x);
  co_return y + 1;
}
