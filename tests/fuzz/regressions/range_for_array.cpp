// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug: a range-for over a local array whose range or element lives
// across co_await: the lowered frame spells the pointer-to-array type as
// `unsigned int[2] *` (lowered file does not compile: "expected '>'").
// Found by gen.py (workaround "range-for-array").
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> top(unsigned a) {
  unsigned arr[2] = {a, 2u};
  unsigned s = 0u;
  for (unsigned e : arr) s += co_await tk(e, 1);
  co_return s;
}
int main() { std::printf("result %u\n", bcsc::block_on(top(1u))); fuzz_cancel([] { return top(1u); }, 4); }
