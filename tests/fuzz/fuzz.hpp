// Support code for the generated differential-fuzzing programs
// (tests/fuzz/gen.py). Everything observable goes through printf so the
// fallback build (C++20 coroutines, the oracle) and the bcsc-lowered build
// (C++17) can be compared line by line.
#pragma once

#include "harness.hpp"  // tests/lit/Inputs: Tracer, delayed<T>, pause(), poll_then_cancel

#include <array>
#include <cstdio>
#include <tuple>

// An unsigned-valued future that is pending `polls` times, then ready.
inline delayed<unsigned> tk(unsigned v, int polls) { return delayed<unsigned>{v, polls}; }

// One trace line: a site id (unique inside a program) and a value.
inline void trace(unsigned site, unsigned long long v) { std::printf("  @%u %llu\n", site, v); }

// A plain (non-async) function, to put co_await in call arguments.
inline unsigned mix(unsigned a, unsigned b) { return a * 31u + b; }

// Polls a fresh future with a no-op waker until it completes and returns
// how many polls that took (its output is discarded).
template <class F>
int fuzz_count_polls(F&& fut) {
  bcsc::context cx{bcsc::waker{}};
  for (int n = 1; n <= 1000000; ++n)
    if (fut.poll(cx).is_ready()) return n;
  std::printf("  did not complete\n");
  return 1000000;
}

// Cancellation: counts the polls a fresh future needs, then for up to
// `points` distinct k in [0, polls) polls a fresh future k times and
// destroys it (poll_then_cancel prints the outcome; the Tracers print
// their destructors).
template <class Make>
void fuzz_cancel(Make make, int points) {
  int polls = fuzz_count_polls(make());
  std::printf("polls %d\n", polls);
  int last = -1;
  for (int i = 0; i <= points; ++i) {
    int k = static_cast<int>(static_cast<long long>(polls) * i / (points + 1));
    if (k == last) continue;
    last = k;
    std::printf("cancel after %d:\n", k);
    poll_then_cancel(make(), k);
  }
}
