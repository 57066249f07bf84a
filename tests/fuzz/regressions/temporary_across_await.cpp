// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug: a temporary created before a co_await in the same
// full-expression is destroyed before the suspension instead of at the end
// of the full-expression. Here -T4 is printed before the trace line (and,
// on cancellation, before "cancelling after 1 polls"). Found by gen.py
// (workaround "temporary-across-await").
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> top(unsigned a) {
  trace(1, unsigned(Tracer(4).id) + co_await tk(a, 1));
  co_return a;
}
int main() { std::printf("result %u\n", bcsc::block_on(top(1u))); fuzz_cancel([] { return top(1u); }, 4); }
