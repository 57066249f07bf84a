// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// RUN: not %bcsc lower %s -o %t.explicit.cpp -- %flags -DEXPLICIT 2>&1 | FileCheck %s --check-prefix=EXPLICIT
// Rule: `co_return {...};` copy-list-initializes the task's T from the
// braces, as the C++20 build's return_value(T&&) does: the same constructor
// runs, and an explicit constructor is refused (by clang, as in the C++20
// build). (Before, the braces were lost: the output called the
// result's default constructor, and did not compile.)
#include "harness.hpp"

#include <optional>
#include <utility>

struct Reading {
  int channel, value;
  Reading(int c, int v) : channel(c), value(v) { std::printf("  Reading(%d, %d)\n", c, v); }
  Reading(Reading&& o) noexcept = default;  // the two builds move results a different number of times
};

struct Aggregate {
  int a;
  long b;
};

[[bcsc::async]] bcsc::task<std::pair<int, int>> pair() {
  co_await pause(1);
  co_return {1, 2};
}

[[bcsc::async]] bcsc::task<Reading> reading(int channel) {
  int value = channel * 10;
  co_await pause(1);
  co_return {channel, value};
}

[[bcsc::async]] bcsc::task<std::optional<int>> nothing() {
  co_await pause(1);
  co_return {};
}

[[bcsc::async]] bcsc::task<std::optional<int>> something() {
  co_await pause(1);
  co_return {5};
}

[[bcsc::async]] bcsc::task<Aggregate> aggregate() {
  int a = 3;
  co_await pause(1);
  co_return {a, a * 2L};
}

template <class T>
[[bcsc::async]] bcsc::task<std::pair<T, T>> twin(T v) {
  co_await pause(1);
  co_return {v, v + v};
}

// The braces may hold a co_await.
[[bcsc::async]] bcsc::task<std::pair<int, int>> awaited() {
  co_return {co_await tick(3), 4};
}

#ifdef EXPLICIT
struct Strict {
  explicit Strict(int) {}
};
[[bcsc::async]] bcsc::task<Strict> strict() {
  co_await pause(1);
  // EXPLICIT: co_return_braced.cpp:[[@LINE+1]]:3: error: no matching member function for call to 'return_value'
  co_return {1};
}
#endif

int main() {
  // OUT: pair 1 2
  auto p = bcsc::block_on(pair());
  std::printf("pair %d %d\n", p.first, p.second);
  // OUT-NEXT:   Reading(4, 40)
  // OUT-NEXT: reading 4 40
  {
    Reading r = bcsc::block_on(reading(4));
    std::printf("reading %d %d\n", r.channel, r.value);
  }
  // OUT: optional 0 1 5
  std::optional<int> none = bcsc::block_on(nothing()), some = bcsc::block_on(something());
  std::printf("optional %d %d %d\n", (int)none.has_value(), (int)some.has_value(), *some);
  // OUT-NEXT: aggregate 3 6
  Aggregate g = bcsc::block_on(aggregate());
  std::printf("aggregate %d %ld\n", g.a, g.b);
  // OUT-NEXT: twin 7 14
  auto t = bcsc::block_on(twin(7));
  std::printf("twin %d %d\n", t.first, t.second);
  // OUT-NEXT: awaited 3 4
  auto w = bcsc::block_on(awaited());
  std::printf("awaited %d %d\n", w.first, w.second);
}
