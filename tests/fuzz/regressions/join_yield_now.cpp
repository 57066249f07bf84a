// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug: bcsc::join/race with a bcsc::yield_now() child: the lowered
// frame spells the child type as unqualified `yield_future` inside
// std::is_lvalue_reference_v<...> (lowered file does not compile: "unknown
// type name 'yield_future'"). Found by gen.py (workaround "yield-in-join").
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> top(unsigned a) {
  co_await bcsc::join(bcsc::yield_now(), tk(a, 1));
  co_return a;
}
int main() { std::printf("result %u\n", bcsc::block_on(top(1u))); fuzz_cancel([] { return top(1u); }, 4); }
