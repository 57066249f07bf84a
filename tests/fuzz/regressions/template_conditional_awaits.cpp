// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug (seeds 122, 123, 132, 236, ... with --no-workarounds): in a
// function template, `c ? co_await a : co_await b` had its frame slot typed
// decltype(c ? std::declval<R>() : std::declval<R>()), i.e. `unsigned &&`
// (std::declval is an xvalue, a co_await a prvalue): the lowered C++17 did
// not compile ("cannot allocate reference type").
#include "fuzz.hpp"

template <class T>
[[bcsc::async]] bcsc::task<T> f2(T a0) {
  trace(1, ((a0 != 6u) ? (co_await tk(a0, 0)) : (co_await tk(a0, 2))) + co_await tk(a0, 1));
  T v = (a0 & 2u) != 0u ? co_await tk(a0, 1) : a0;
  trace(2, v + ((!((a0 & 2u) != 0u) && ((a0 & 4u) != 0u)) ? co_await tk(a0, 1) : co_await tk(a0 + 1u, 1)) * co_await tk(3u, 1));
  co_return a0;
}
int main() { std::printf("result %u\n", bcsc::block_on(f2(1u))); fuzz_cancel([] { return f2(1u); }, 6); }
