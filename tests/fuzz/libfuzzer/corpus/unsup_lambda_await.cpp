[[bcsc::async]] bcsc::task<int> outer() {
  auto l = []() -> bcsc::task<int> { co_return co_await bcsc::tick(1); };
  auto m = [&]() [[bcsc::async]] -> bcsc::task<int> { co_return co_await bcsc::tick(2); };
  co_return co_await l() + co_await m();
}
