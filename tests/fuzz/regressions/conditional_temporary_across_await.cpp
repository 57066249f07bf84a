// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug (seeds 5004, 5007, 5010, ... with --no-workarounds): a `c ? a : b`
// (or `a && b`, `a || b`) whose operands create temporaries with a
// destructor, evaluated before a co_await of the same full-expression, was
// rejected ("co_await inside this kind of expression (ConditionalOperator)").
// C++ destroys the temporary of the operand that ran at the end of the
// full-expression (a conditional cleanup): the lowered code keeps it in a
// frame box destroyed only if it was constructed.
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> f2(unsigned a, unsigned b) {
  trace(2, a + b);
  co_return a + co_await tk(b, 1);
}

[[bcsc::async]] bcsc::task<unsigned> top(unsigned a0, unsigned a1) {
  trace(1, co_await f2(((1u & 2u) != 0u) ? a0 : unsigned(Tracer(4).id), a1));
  trace(3, co_await f2(((1u & a0) != 0u) ? unsigned(Tracer(Tracer(5).id + 1).id) : unsigned(Tracer(6).id), a1));
  trace(4, mix(a0 > 0u && unsigned(Tracer(7).id) > 3u, a1) + co_await tk(a1, 1));
  trace(5, mix(a0 == 0u || unsigned(Tracer(8).id) > 3u, a1) + co_await tk(a1, 1));
  co_return a0;
}
int main() { std::printf("result %u\n", bcsc::block_on(top(1u, 2u))); fuzz_cancel([] { return top(1u, 2u); }, 6); }
