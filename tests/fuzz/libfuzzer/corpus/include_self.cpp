#pragma once
#include __FILE__
#include "input.cpp"
[[bcsc::async]] bcsc::task<int> a() { co_return co_await bcsc::tick(1); }
