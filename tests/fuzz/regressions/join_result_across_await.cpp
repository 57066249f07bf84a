// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug: the result of `co_await bcsc::join(...)` kept in a variable
// across a later co_await: its frame slot type is spelled `std::T`
// (lowered file does not compile: "no member named 'T' in namespace 'std'").
// Found by gen.py (workaround "join-result-across-await").
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> top(unsigned a) {
  auto j = co_await bcsc::join(tk(a, 1), tk(2u, 1));
  co_await pause(1);
  co_return std::get<0>(j) + std::get<1>(j);
}
int main() { std::printf("result %u\n", bcsc::block_on(top(1u))); fuzz_cancel([] { return top(1u); }, 4); }
