// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug: a range-for whose body has no co_await but a co_return that
// uses the loop variable: the lowered code refers to `e` without declaring
// it (lowered file does not compile: "use of undeclared identifier 'e'",
// "unknown type name 'e'"). Found by gen.py (seed 1121 of the long run),
// reduced by hand. Not worked around in gen.py (1 program in 200).
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> top(unsigned a) {
  std::array<unsigned, 2> arr = {a, 2u};
  co_await pause(1);
  for (unsigned& e : arr) {
    if (e > 1u) {
      co_return e;
    }
  }
  co_return a;
}

int main() {
  std::printf("result %u\n", bcsc::block_on(top(1u)));
  fuzz_cancel([] { return top(1u); }, 4);
}
