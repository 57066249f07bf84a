[[bcsc::async]] bcsc::task<int> jumps(int n) {
  int i = 0;
again:
  i += co_await bcsc::tick(1);
  if (i < n) goto again;
  co_return i;
}
