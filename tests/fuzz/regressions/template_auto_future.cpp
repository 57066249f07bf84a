// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug: in a function template, `auto f = leaf(a);` with a dependent
// argument (a is a T), where f lives across a co_await: the frame slot is
// spelled `bcsc::detail::slot<auto>` (lowered file does not compile: "'auto'
// not allowed in template argument"). Found by gen.py (seeds 9, 17, 26,
// 131, ...: 10 of seeds 1..300) (workaround "template-auto-future").
#include "fuzz.hpp"

[[bcsc::async]] bcsc::task<unsigned> leaf(unsigned a) { co_return co_await tk(a, 1); }

template <class T>
[[bcsc::async]] bcsc::task<T> g(T a) {
  auto f = leaf(a);
  co_return a + co_await f;
}

int main() {
  std::printf("result %u\n", bcsc::block_on(g<unsigned>(1u)));
  fuzz_cancel([] { return g<unsigned>(1u); }, 4);
}
