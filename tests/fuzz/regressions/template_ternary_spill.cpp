// Regression test for the differential fuzzer (tests/fuzz/run.py runs it:
// the fallback C++20 build and the bcsc-lowered C++17 build must print the
// same thing).
//
// Tool bug: in a function template, a `?:` operand evaluated before a later
// co_await (so it is spilled into the frame) whose arms are glvalues -- two
// lvalues (`a` and `v`), or two co_await results (xvalues) -- gets a frame
// slot of reference type: bcsc::detail::slot<unsigned int &> /
// slot<unsigned int &&> (lowered file does not compile: "'operator->'
// declared as a pointer to a reference"). The same code in a plain function
// is fine. Found by gen.py (seeds 166, 291, ...), reduced by hand from
// reduce.py output (workaround "template-ternary-spill").
#include "fuzz.hpp"

template <class T>
[[bcsc::async]] bcsc::task<T> lvalue_arms(T a) {
  unsigned v = 1u;
  unsigned x = (a > 0u ? a : v) + co_await tk(a, 1);
  co_return x;
}

template <class T>
[[bcsc::async]] bcsc::task<T> await_arms(T a) {
  unsigned x = (a > 0u ? co_await tk(a, 1) : co_await tk(2u, 1)) + co_await tk(a, 1);
  co_return x;
}

int main() {
  std::printf("result %u\n", bcsc::block_on(lvalue_arms<unsigned>(1u)));
  fuzz_cancel([] { return lvalue_arms<unsigned>(1u); }, 4);
  std::printf("result %u\n", bcsc::block_on(await_arms<unsigned>(1u)));
  fuzz_cancel([] { return await_arms<unsigned>(1u); }, 4);
}
