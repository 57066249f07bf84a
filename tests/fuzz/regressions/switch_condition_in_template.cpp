// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug: in a function template, a switch condition that contains a
// co_await and leaves a temporary (here the spilled `a + 1u`) is rejected:
// "a switch condition of this type around co_await is not supported" --
// its type (unsigned, but dependent in the template pattern) is not
// printable. The same switch in a plain function is accepted. Found by
// gen.py, reduced by reduce.py (workaround "template-switch-await").
#include "fuzz.hpp"
template <class T>
[[bcsc::async]] bcsc::task<T> f(T a) {
  switch (mix(a + 1u, co_await tk(8u, 1)) % 2u) {
    case 0u: { a += 1u; break; }
    default: { a += 2u; }
  }
  co_return a;
}
[[bcsc::async]] bcsc::task<unsigned> top(unsigned a) { co_return co_await f<unsigned>(a); }
int main() { std::printf("result %u\n", bcsc::block_on(top(1u))); fuzz_cancel([] { return top(1u); }, 4); }
