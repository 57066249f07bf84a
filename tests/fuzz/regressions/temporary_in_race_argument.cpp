// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug (seeds 5002, 5012, 5016, ... with --no-workarounds): a temporary
// inside a prvalue future passed to bcsc::race by forwarding reference (so
// the future itself is a temporary kept in the frame) was destroyed when the
// future was constructed, before the later co_await of the same
// full-expression, instead of at the end of the full-expression. The same
// for a temporary after the co_await inside an argument that is evaluated
// before another co_await (Tracer(2)).
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> f0(unsigned a, unsigned b) {
  trace(2, a + b);
  co_return a + co_await tk(b, 1);
}

[[bcsc::async]] bcsc::task<unsigned> top(unsigned a) {
  trace(1, co_await bcsc::race(f0(unsigned(Tracer(1).id) - 6u, a), f0(co_await tk(a, 1), 2u)));
  trace(3, co_await bcsc::race(f0(co_await tk(a, 1), unsigned(Tracer(2).id)), f0(co_await tk(a, 1), 2u)));
  co_return a;
}
int main() { std::printf("result %u\n", bcsc::block_on(top(1u))); fuzz_cancel([] { return top(1u); }, 4); }
