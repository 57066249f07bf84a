// clang crashes on purpose on this pragma unless -disable-pragma-debug-crash.
#pragma clang __debug llvm_unreachable
[[bcsc::async]] bcsc::task<int> f() { co_return co_await bcsc::tick(1); }
