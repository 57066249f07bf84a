[[bcsc::async]] bcsc::task<int> broken(int a {
  int c = co_await bcsc::tick(a)
  co_return c;
