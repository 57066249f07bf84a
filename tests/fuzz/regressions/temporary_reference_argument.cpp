// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug: a temporary bound to a reference parameter of an awaited async
// call (`co_await f(Tracer(3))`) is destroyed while f is suspended: f then
// reads a dead object (prints 0 instead of 3, result 5 instead of 8).
// Same root cause as temporary_across_await.cpp. Found by gen.py
// (workaround "temporary-across-await").
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> f(const Tracer& t) {
  co_await pause(1);
  co_return unsigned(t.id);
}
[[bcsc::async]] bcsc::task<unsigned> top(unsigned a) {
  unsigned x = co_await f(Tracer(3));
  trace(1, x);
  x += unsigned(Tracer(4).id) + co_await tk(a, 1);
  co_return x;
}
int main() { std::printf("result %u\n", bcsc::block_on(top(1u))); fuzz_cancel([] { return top(1u); }, 4); }
