[[bcsc::async]] bcsc::task<int> child(int* p) { co_return *p + co_await bcsc::tick(1); }
[[bcsc::async]] bcsc::task<int> parent() {
  int local = 5;
  co_await bcsc::join(child(&local), bcsc::tick(2));
  co_return local;
}
[[bcsc::async]] bcsc::task<int> escape() {
  int local = 5;
  auto f = child(&local);
  co_return co_await f;
}
