// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug (seed 20048, also with the default workarounds): in a function
// template, bcsc::race/join is resolved only at instantiation, so a future
// passed to it (f1(...), a class prvalue) is not materialized in the AST.
// Evaluated before a later co_await of the same full-expression, it was
// rejected ("an object passed by value ... cannot be kept in the frame
// without an extra move"); and a Tracer temporary inside such an argument
// (Tracer(3)) was not kept until the end of the full-expression. All
// candidates of the qualified call take forwarding references, so C++
// materializes the argument: the frame keeps it and passes it as an xvalue.
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> f1(unsigned a0, unsigned a1) {
  trace(1, a0 + a1);
  co_await pause(0);
  co_return a0 | a1;
}

template <class T>
[[bcsc::async]] bcsc::task<T> f2(T a0) {
  for (unsigned i8 = 0u; i8 < 2u; ++i8) {
    trace(7, co_await bcsc::race(f1((((i8 & 3u) != 0u) ? unsigned(a0) : unsigned(17u)), (i8 ^ i8)), f1((co_await tk(8u, 2)), a0), tk((a0 / (i8 | 1u)), 0)));
    auto j = co_await bcsc::join(pause(1), f1(unsigned(Tracer(3).id), a0), tk(a0, 1));
    trace(8, std::get<1>(j) + std::get<2>(j));
  }
  co_return a0;
}
int main() { std::printf("result %u\n", bcsc::block_on(f2(1u))); fuzz_cancel([] { return f2(1u); }, 6); }
