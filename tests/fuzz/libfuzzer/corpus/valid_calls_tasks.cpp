[[bcsc::async]] bcsc::task<int> leaf(int v) { co_return v + co_await bcsc::tick(v); }
[[bcsc::async]] bcsc::task<int> mid(int v);
[[bcsc::async]] bcsc::task<int> mid(int v) {
  int a = co_await leaf(v);
  int b = co_await leaf(a);
  co_return a + b;
}
[[bcsc::async]] bcsc::task<void> top() {
  co_await bcsc::join(leaf(1), mid(2));
  co_await mid(co_await leaf(3));
}
int sync_user() { return 0; }
