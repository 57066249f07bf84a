// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool limitation (seeds 12, 18, 47, ... with --no-workarounds, workaround
// join-result-across-await): in a function template, structured bindings
// of a dependent type that live across a co_await were rejected ("structured
// binding of this kind cannot live across a co_await"): the kind of
// decomposition is only known per instantiation. They are now accessed
// through bcsc::detail::binding_get<I, N>, a structured binding of the
// frame object that holds the whole.
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> f0(unsigned a0, unsigned* a1) {
  co_return a0 + *a1 + co_await tk(1u, 1);
}

template <class T>
[[bcsc::async]] bcsc::task<T> f2(T a0, unsigned a1) {
  auto [b10, b11] = co_await bcsc::join(tk((4u >> (1u & 7u)), 0), pause(0));
  trace(10, b10);
  co_await pause(1);
  auto [b5, b6, b7] = co_await bcsc::join(bcsc::yield_now(), tk(a0 + 11u, 2), bcsc::yield_now());
  trace(3, b6 + b10);
  unsigned v6 = co_await f0(a1, &b6);
  b6 += co_await f0(b10, &b6);
  co_return a0 + v6 + b6;
}
int main() { std::printf("result %u\n", bcsc::block_on(f2(1u, 2u))); fuzz_cancel([] { return f2(1u, 2u); }, 6); }
