// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// RUN: %bcsc layout %s -- %flags | FileCheck %s --check-prefix=LAYOUT
// Rule: `alignas` (or __attribute__((aligned))) on a variable that lives
// across a co_await holds in the frame: its slot is placed at that
// alignment, the frame's alignment is at least it, and a frame embedded in
// another (an awaited callee) keeps it. (Before, it was dropped without a
// word: a DMA buffer landed at offset 20 mod 32.) The slot keeps the
// object's own size, so later objects may use the bytes after it.
//
// The lowered build aborts on a misaligned buffer. The C++20 fallback is
// not checked: clang 19's coroutine frame, from operator new, does not
// honour an over-aligned local (it gives 16 mod 32).
#include "harness.hpp"

#include <cstdint>
#include <cstdlib>

inline void check_aligned(const void* p, std::uintptr_t align) {
#if BCSC_LOWERED
  if (reinterpret_cast<std::uintptr_t>(p) % align != 0) {
    std::printf("misaligned by %d\n", (int)(reinterpret_cast<std::uintptr_t>(p) % align));
    std::abort();
  }
#else
  (void)p, (void)align;
#endif
}

// LAYOUT-LABEL: frame of 'transfer'
// LAYOUT-NEXT: align 32
// The buffer's slot is 16 bytes: the next object starts right after it.
// LAYOUT: {{^ +}}32    16  unsigned char[16]            dma
// LAYOUT-NEXT: {{^ +}}48 
[[bcsc::async]] bcsc::task<int> transfer(int seed) {
  char tag = static_cast<char>(seed);
  alignas(32) unsigned char dma[16];
  for (int i = 0; i < 16; ++i) dma[i] = static_cast<unsigned char>(seed + i);
  co_await pause(1);
  check_aligned(dma, 32);
  co_return dma[15] + tag;
}

// LAYOUT-LABEL: frame of 'wide'
// LAYOUT-NEXT: align 64
[[bcsc::async]] bcsc::task<int> wide() {
  __attribute__((aligned(64))) int words[2] = {3, 4};
  co_await pause(1);
  check_aligned(words, 64);
  co_return words[0] + words[1];
}

template <class T>
[[bcsc::async]] bcsc::task<T> in_template(T v) {
  alignas(16) T copy = v;
  co_await pause(1);
  check_aligned(&copy, 16);
  co_return copy;
}

// A dependent alignas(T): raw storage for a T, as an optional would have.
struct alignas(32) Block {
  int words[8];
};
template <class T>
[[bcsc::async]] bcsc::task<int> raw_storage() {
  alignas(T) unsigned char raw[sizeof(T)];
  raw[0] = 5;
  co_await pause(1);
  check_aligned(raw, alignof(T));
  co_return raw[0] + static_cast<int>(sizeof(raw));
}

// The callee frames live inside this one: their alignment carries over.
// LAYOUT-LABEL: frame of 'caller'
// LAYOUT-NEXT: align 64
[[bcsc::async]] bcsc::task<int> caller() {
  char before = 1;
  int a = co_await transfer(1);
  int b = co_await wide();
  co_return a + b + before;
}

#if BCSC_LOWERED
static_assert(alignof(decltype(transfer(0))) == 32 && decltype(transfer(0))::frame_align == 32, "frame alignment");
#endif

int main() {
  // OUT: transfer = 19
  std::printf("transfer = %d\n", bcsc::block_on(transfer(2)));
  // OUT-NEXT: wide = 7
  std::printf("wide = %d\n", bcsc::block_on(wide()));
  // OUT-NEXT: in_template = 9
  std::printf("in_template = %d\n", (int)bcsc::block_on(in_template(9L)));
  // OUT-NEXT: raw_storage = 37
  std::printf("raw_storage = %d\n", bcsc::block_on(raw_storage<Block>()));
  // OUT-NEXT: caller = 25
  std::printf("caller = %d\n", bcsc::block_on(caller()));
}
