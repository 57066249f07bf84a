// clang 19 itself crashes (Sema::ActOnCoroutineBodyStart) on co_await in a
// lambda noexcept-specifier: plain clang++-19 -fsyntax-only segfaults too.
// The harness recovers, re-parses with clang alone and skips the input.
auto m = []() noexcept(co_await bcsc::tick(1)) {};
