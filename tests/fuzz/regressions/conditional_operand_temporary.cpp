// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Temporaries created in an operand of ?: or && that contains co_await live
// until the end of the enclosing full-expression in C++ (destroyed only if
// that operand ran), also across the later co_awaits of the full-expression
// and when the frame is cancelled while suspended there. Found with
// --no-workarounds after the fix for conditional_temporary_across_await.cpp
// (seeds 5000, 5012: the tool first destroyed them at the end of the operand).
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> top(unsigned a0, unsigned* p2) {
  unsigned v5 = ((a0 != (a0 - a0)) ? mix((co_await tk(a0, 1)), (a0 & unsigned(Tracer(2).id))) : (co_await tk(a0, 1)));
  trace(1, v5);
  unsigned w4 = 0u;
  while (w4 < 3u && (((co_await tk(unsigned(Tracer(3).id), 1)) - 17u) > ((co_await tk(*p2, 1)) - (*p2 + 15u)))) {
    trace(2, w4++);
  }
  trace(3, ((a0 > 0u) ? mix(co_await tk(unsigned(Tracer(4).id), 1), unsigned(Tracer(5).id)) : 0u) + unsigned(Tracer(6).id) + co_await tk(a0, 1));
  trace(4, ((a0 == 0u) ? 1u : (a0 > 0u ? unsigned(Tracer(7).id) + co_await tk(1u, 1) : 2u)) + co_await tk(a0, 1));
  co_return v5;
}
int main() { unsigned x = 20u; std::printf("result %u\n", bcsc::block_on(top(1u, &x))); fuzz_cancel([&] { return top(1u, &x); }, 8); }
