// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug (seed 5029 with --no-workarounds): a structured binding named in
// the operand of a co_await whose type is spelled with decltype in the frame
// (`decltype(f0(a0, &b5))`) was left as `b5` there: "use of undeclared
// identifier 'b5'" in the lowered C++17.
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> f0(unsigned a0, unsigned* a1) {
  co_return a0 + *a1 + co_await tk(1u, 1);
}

[[bcsc::async]] bcsc::task<unsigned> f1(unsigned a0) {
  auto [b3, b4, b5] = co_await bcsc::join(bcsc::yield_now(), bcsc::yield_now(), tk((18u + a0), 1));
  trace(5, b5);
  unsigned v6 = co_await f0(a0, &b5);
  co_return v6;
}
int main() { std::printf("result %u\n", bcsc::block_on(f1(1u))); fuzz_cancel([] { return f1(1u); }, 4); }
