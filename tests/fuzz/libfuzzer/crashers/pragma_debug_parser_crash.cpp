// clang crashes on purpose on this pragma unless -disable-pragma-debug-crash.
#pragma clang __debug parser_crash
[[bcsc::async]] bcsc::task<int> f() { co_return co_await bcsc::tick(1); }
