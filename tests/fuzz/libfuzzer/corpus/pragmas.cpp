#pragma clang diagnostic ignored "-Wall"
#pragma clang diagnostic error "-Wunused-variable"
#pragma once
_Pragma("clang diagnostic push")
[[bcsc::async]] bcsc::task<int> a() { int unused; co_return co_await bcsc::tick(1); }
_Pragma("clang diagnostic pop")
#pragma GCC poison co_return
