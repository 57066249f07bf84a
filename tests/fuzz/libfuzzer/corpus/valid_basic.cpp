[[bcsc::async]] bcsc::task<int> add(int a, int b) {
  int c = co_await bcsc::tick(a);
  co_return a + b + c;
}
