#line 100 "other.cpp"
[[bcsc::async]] bcsc::task<int> a() { co_return co_await bcsc::tick(1); }
#line 1
#include "prelude.hpp"
#include "does_not_exist.hpp"
[[bcsc::async]] bcsc::task<int> b() { co_return co_await bcsc::tick(2); }
