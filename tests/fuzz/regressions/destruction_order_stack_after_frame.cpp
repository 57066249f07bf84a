// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug: in one scope, an object that does not live across a suspension
// (kept on the C++ stack: t3 below, or t2 whose initializer contains the
// co_await) is destroyed AFTER an earlier-declared object that lives in the
// frame (t1). Reverse order of construction requires -T3 before -T1. The
// lowered code prints -T1 first, at normal scope exit and on cancellation.
// Found by gen.py (seeds 78 and 198), reduced by reduce.py (workaround
// "stack-after-frame-object").
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> later_declared(unsigned a) {
  {
    Tracer t1(1);
    co_await pause(1);
    Tracer t3(3);
  }
  co_return a;
}

[[bcsc::async]] bcsc::task<unsigned> awaited_initializer(unsigned a) {
  Tracer t1(1);
  Tracer t2(int(co_await tk(2u, 1)));
  co_return a;
}

int main() {
  std::printf("result %u\n", bcsc::block_on(later_declared(1u)));
  fuzz_cancel([] { return later_declared(1u); }, 4);
  std::printf("result %u\n", bcsc::block_on(awaited_initializer(1u)));
  fuzz_cancel([] { return awaited_initializer(1u); }, 4);
}
