[[bcsc::async]] bcsc::task<int> f() {
  co_await;
  co_return co_await;
}
[[bcsc::async]] int g() { co_return 1; }
[[bcsc::async]] bcsc::task<int> h() { return 1; }
