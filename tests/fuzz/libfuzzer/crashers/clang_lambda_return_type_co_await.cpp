// clang 19 itself crashes on co_await in a lambda trailing return type
// (plain clang++-19 -fsyntax-only segfaults too); skipped by the harness.
template <int N> struct X {};
void f() { auto m = []() -> X<co_await bcsc::tick(1)> { return {}; }; }
