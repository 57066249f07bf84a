// 30 nested co_awaits: bcsc walked every co_await operand twice (2^30).
[[bcsc::async]] bcsc::task<int> deep() {
  co_return co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(co_await bcsc::tick(1))))))))))))))))))))))))))))));
}
